/**
 * The Markdown lines of the expected-coverage (MEXCLP) and p-center
 * suggestions: their question, their result rows and their proof, beside
 * the maximal-coverage text of suggest-format.ts.
 */
import { BOUND_DESCRIPTIONS, type BoundKind } from '../../src/core/suggest/bound.ts';
import type { MexclpSuggestion } from '../../src/core/suggest/mexclp-sites.ts';
import type { PCenterSuggestion } from '../../src/core/suggest/p-center-sites.ts';
import { int, pct, signed } from '../../src/export/format.ts';

type ModelResult = MexclpSuggestion | PCenterSuggestion;

const costText = (r: PCenterSuggestion, v: number | null) => (v === null ? `over ${r.horizon.toFixed(1)} ${r.unit}` : `${v.toFixed(2)} ${r.unit}`);

/** The question line of a model suggestion. */
export function modelQuestion(r: ModelResult): string[] {
  if (r.model === 'mexclp') {
    return [
      `- ${r.k} new station${r.k === 1 ? '' : 's'} adding the most expected coverage 期望覆盖最多 (MEXCLP, Daskin 1983: Σ people × (1 − q^n), n = ambulances in reach; lazy greedy)`,
      `- ambulance busy fraction 救护车忙碌比例 q = ${r.busyFraction.toFixed(4)}; ${r.ambulancesPerSite} ambulance${r.ambulancesPerSite === 1 ? '' : 's'} at each new site; fixed stations count their own ambulances (or the rules' default)`,
    ];
  }
  return [`- ${r.k} new station${r.k === 1 ? '' : 's'} making the worst ${r.unit === 'minutes' ? 'response time 响应时间' : 'distance to the nearest station 离最近站点距离'} as short as possible (p-center: binary search over the costs, set cover per threshold, exact search when needed)`];
}

/** Result rows (beside covered now / with the sites). */
export function modelRows(r: ModelResult): (string | number)[][] {
  if (r.model === 'mexclp') {
    const e = r.expected;
    return [['expected coverage 期望覆盖', `${int(e.before)} (${pct(e.beforeShare * 100)})`, `${int(e.after)} (${pct(e.afterShare * 100)})`, signed(e.after - e.before)]];
  }
  return [[`worst ${r.unit === 'minutes' ? 'response time 最长响应时间' : 'distance 最远距离'}`, costText(r, r.worst.before), costText(r, r.worst.after), '']];
}

/** The extra column of the site table: expected coverage added, or the worst after the pick. */
export function modelColumn(r: ModelResult): { header: string; cell: (rank: number) => string } {
  if (r.model === 'mexclp') return { header: 'adds expected 新增期望覆盖', cell: (rank) => signed(r.picks[rank - 1].expectedAdded) };
  return { header: 'worst after 累计后最差', cell: (rank) => costText(r, r.picks[rank - 1].worstAfter) };
}

/** The proof section: the bound and the gap (MEXCLP), or the lower bound on the worst (p-center). */
export function modelProof(r: ModelResult): string[] {
  const out = ['## Quality bound 质量界'];
  if (r.model === 'mexclp') {
    const b = r.bound;
    if (r.exhausted) out.push(`- Only ${r.picks.length} sites add anything: no further site reaches anyone more.`);
    out.push(
      b.provenOptimal
        ? `- **Proven optimal 已证明最优**: no ${r.k} sites add more than ${int(b.value)} expected coverage.`
        : `- No ${r.k} sites add more than **${int(b.upperBound)}** expected coverage; these add ${int(b.value)}, **at least ${pct(b.ratio * 100)} of the best possible** (gap ${pct(r.gap * 100)}).`,
    );
    const how = b.kind === 'lagrangian' ? "Lagrangian relaxation of Daskin's programme (covers priced per element, subgradient steps from the all-candidates bound)" : BOUND_DESCRIPTIONS[b.kind];
    out.push(`- bound used: ${b.kind} — ${how}`);
    const all = (Object.keys(b.bounds) as BoundKind[]).filter((key) => b.bounds[key] !== null).map((key) => `${key} ${int(b.bounds[key]!)}`);
    out.push(`- all bounds computed: ${all.join('; ')}`);
    out.push(`- work: gain evaluations ${int(r.iterations.gainEvaluations)}`);
    return out;
  }
  out.push(
    r.provenOptimal
      ? `- **Proven optimal 已证明最优**: no ${r.k} new sites make the worst shorter than ${costText(r, r.worst.after)}.`
      : `- No ${r.k} new sites make the worst shorter than **${costText(r, r.lowerBound)}**; these reach ${costText(r, r.worst.after)}.`,
  );
  if (r.exhausted) out.push(`- ${r.picks.length} site${r.picks.length === 1 ? '' : 's'} suffice: more cannot shorten the worst.`);
  if (r.unreachedWeight > 0) out.push(`- ${int(r.unreachedWeight)} people are beyond every station's and candidate's reach (${r.horizon} ${r.unit}) and are left out of the worst.`);
  out.push(`- work: thresholds tested ${r.iterations.checks}; exact search work (elements scanned) ${int(r.iterations.exactNodes)}; candidate–cell costs kept ${int(r.iterations.entries)}`);
  return out;
}
