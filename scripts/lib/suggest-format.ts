/**
 * The site suggestion as a document (the CLI's JSON) and its Markdown and
 * CSV forms, in the style of the coverage report.
 */
import type { MexclpSuggestion } from '../../src/core/suggest/mexclp-sites.ts';
import type { PCenterSuggestion } from '../../src/core/suggest/p-center-sites.ts';
import type { SiteModel, SiteSuggestion, SuggestedSite, TargetSuggestion } from '../../src/core/suggest/suggest.ts';
import { BOUND_DESCRIPTIONS, type BoundKind } from '../../src/core/suggest/bound.ts';
import type { CallsSource } from '../../src/core/ems/types.ts';
import type { Station } from '../../src/core/types.ts';
import { csvField, int, mdCell, pct, signed } from '../../src/export/format.ts';
import { modelColumn, modelProof, modelQuestion, modelRows } from './suggest-format-models.ts';

export const SUGGESTION_VERSION = 1;

export interface SuggestionQuestion {
  /** 'sites': the k best sites; 'target': the fewest sites for a share. */
  mode: 'sites' | 'target';
  k: number | null;
  target: number | null;
  objective: 'coverage' | 'circle';
  /** What the sites are chosen for: mclp (most newly covered), mexclp (most expected coverage), p-center (shortest worst). */
  model: SiteModel;
  /** What cells weigh: residents, the region's imported 120 calls, or both (two suggestions, `results`). */
  weight: 'residents' | 'calls' | 'both';
  /** Where the calls weighed come from: imported, or (both without imported calls) modelled from the rules' call rate; null when only residents weigh. */
  callsSource?: CallsSource | null;
  /** MEXCLP only (else null): the busy fraction q, and ambulances at each new site. */
  busyFraction: number | null;
  ambulancesPerSite: number | null;
  candidates: 'cells' | 'health-centres';
  /** H3 resolution of cell candidates (null for facilities). */
  candidateResolution: number | null;
  backupWeight: number;
  /** --gap as given (null: the default for the problem's size). */
  gapTolerance: number | null;
  rules: {
    urbanCoverKm: number;
    ruralCoverKm: number;
    ruralReading: 'strict' | 'lenient';
    circleMinutes: number;
    circleRadiusKm: { urban: number; rural: number };
  };
}

export interface SuggestionDocument {
  suggestionVersion: number;
  county: { code: string; name: string; counties: string[] };
  question: SuggestionQuestion;
  /** Stations kept fixed (never moved): the scenario's active stations that reach the area. */
  fixedStations: Pick<Station, 'id' | 'name' | 'kind' | 'status' | 'lng' | 'lat'>[];
  /** The suggestion (with weight both: the one weighted by residents, as `results.residents`). */
  result: SuggestionResult;
  /** Weight both only: the suggestion weighted by residents and the one weighted by calls, each with its own bound. */
  results?: { residents: SuggestionResult; calls: SuggestionResult };
  dataNotes: string[];
}

export type SuggestionResult = SiteSuggestion | TargetSuggestion | MexclpSuggestion | PCenterSuggestion;

/** The document of one weight: a weight-both document split into its residents and its calls suggestion. */
export function singleWeight(doc: SuggestionDocument, weight: 'residents' | 'calls'): SuggestionDocument {
  const { results, ...rest } = doc;
  return { ...rest, question: { ...doc.question, weight }, result: results ? results[weight] : doc.result };
}

const table = (header: string[], rows: (string | number)[][]) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const isTarget = (r: SuggestionDocument['result']): r is TargetSuggestion => 'target' in r;
const isModel = (r: SuggestionDocument['result']): r is MexclpSuggestion | PCenterSuggestion => 'model' in r && (r.model === 'mexclp' || r.model === 'p-center');

function siteLabel(p: SuggestedSite): string {
  return p.stationId ? `${mdCell(p.name ?? p.stationId)} (${mdCell(p.stationId)})` : `cell ${p.h3}`;
}

function coveredWord(doc: SuggestionDocument): string {
  return doc.question.objective === 'circle' ? `inside the ${doc.question.rules.circleMinutes}-minute circle 急救圈内` : 'covered 已覆盖';
}

/** Weight both: two sections, weighted by residents then by calls, each the whole single-weight text. */
const BOTH_TITLES = { residents: 'weighted by residents 按居民', calls: 'weighted by calls 按呼叫' } as const;

export function suggestionToMarkdown(doc: SuggestionDocument): string {
  if (doc.results) return (['residents', 'calls'] as const).map((w) => singleToMarkdown(singleWeight(doc, w), BOTH_TITLES[w])).join('\n---\n\n');
  return singleToMarkdown(doc, null);
}

function singleToMarkdown(doc: SuggestionDocument, part: string | null): string {
  const { question: q, result: r } = doc;
  const out: string[] = [];
  out.push(`# ${mdCell(doc.county.name)} (${doc.county.code}) 新增站点建议 — suggested new station sites${part ? ` — ${part}` : ''}`);
  out.push('');
  for (const note of doc.dataNotes) out.push(`> ⚠ ${mdCell(note)}`);
  out.push('');
  out.push('## Question 问题');
  if (isModel(r)) out.push(...modelQuestion(r));
  else if (q.mode === 'sites') out.push(`- ${q.k} new station${q.k === 1 ? '' : 's'} newly covering the most people 新增覆盖人口最多 (maximal coverage: lazy greedy + swap refinement)`);
  else out.push(`- the fewest new stations covering ${pct(q.target! * 100)} of the population 覆盖率达到 ${pct(q.target! * 100)} 所需最少站点 (set cover)`);
  if (q.objective === 'coverage') {
    out.push(`- covered 已覆盖 = within the service radius: urban 城区 ≤ ${q.rules.urbanCoverKm} km, rural 乡村 ≤ ${q.rules.ruralCoverKm} km (${q.rules.ruralReading} reading); straight-line (geodesic) distance`);
  } else {
    out.push(`- covered = inside the ${q.rules.circleMinutes}-minute circle 急救圈: urban ${q.rules.circleRadiusKm.urban.toFixed(2)} km, rural ${q.rules.circleRadiusKm.rural.toFixed(2)} km; straight-line (geodesic) distance`);
  }
  if (q.weight === 'calls' && q.callsSource === 'rate') out.push('- demand 需求 = calls modelled from the call rate 按呼叫率估算 (no calls imported: residents × the rules\' calls per 1,000 a year): "people" below counts calls');
  else if (q.weight === 'calls') out.push('- demand 需求 = the region\'s imported 120 calls per cell 按120呼叫量: "people" below counts calls');
  if (q.backupWeight > 0) out.push(`- backup 双重覆盖: a person covered by a second station counts ${q.backupWeight} of a newly covered one`);
  const fixed = doc.fixedStations.map((s) => `${mdCell(s.name)}${s.status === 'proposed' ? ' (proposed 规划)' : ''}`).join('、');
  out.push(`- fixed stations 现有站点 (never moved 不移动): ${fixed || 'none'}`);
  const candidates =
    q.candidates === 'cells'
      ? `${int(r.candidates.total)} populated H3 res-${q.candidateResolution} cell centres 有人口的网格中心`
      : `${int(r.candidates.total)} health centres / disabled facilities 卫生院及停用设施`;
  out.push(`- candidates 候选点: ${candidates}; ${int(r.candidates.usable)} would cover someone new`);
  if (isModel(r)) {
    const cells = r.model === 'mexclp' ? 'cells with people (every one counts: more ambulances in reach raise the expected coverage)' : 'cells the fixed stations leave beyond the best any site could do';
    out.push(`- demand 需求: ${int(r.demand.cells)} ${cells}; ${int(r.demand.uncoveredPopulation)} people not covered now, ${int(r.demand.unreachablePopulation)} of them beyond every candidate's reach`);
  } else out.push(
    `- demand 需求: ${int(r.demand.cells)} cells not yet covered${q.backupWeight > 0 ? ' (or covered once)' : ''} (${int(r.demand.uncoveredPopulation)} people not covered), merged into ${int(r.demand.elements)} groups with the same candidates; ${int(r.demand.unreachablePopulation)} people beyond every candidate's reach`,
  );
  out.push('');
  out.push('## Result 结果');
  const rows: (string | number)[][] = [
    [coveredWord(doc), `${int(r.before.covered)} (${pct(r.before.share * 100)})`, `${int(r.after.covered)} (${pct(r.after.share * 100)})`, signed(r.after.covered - r.before.covered)],
  ];
  if (r.before.coveredTwice !== null && r.after.coveredTwice !== null) {
    rows.push(['covered twice 双重覆盖', int(r.before.coveredTwice), int(r.after.coveredTwice), signed(r.after.coveredTwice - r.before.coveredTwice)]);
  }
  if (isModel(r)) rows.push(...modelRows(r));
  out.push(table(['', 'now 现状', 'with the sites 建议后', 'change 变化'], rows));
  out.push('');
  if (isTarget(r)) {
    out.push('## Stations needed 所需站点');
    if (r.target * r.population <= r.before.covered) out.push(`- ${pct(r.target * 100)} is already covered by the fixed stations: no new station needed.`);
    else if (!r.reachable) {
      out.push(`- **${pct(r.target * 100)} is out of reach with these candidates 候选点无法达到**: all of them together cover ${pct(r.maxShare * 100)}; the ${r.picks.length} sites below reach that.`);
    } else if (r.met) {
      const proof = r.provenMinimal
        ? `proven minimal: no ${r.stationsNeeded! - 1} sites can (lower bound ${r.lowerBound})`
        : `the minimum is at least ${r.lowerBound} (bound from the submodular gains)`;
      out.push(`- **${r.stationsNeeded} new station${r.stationsNeeded === 1 ? '' : 's'}** reach ${pct(r.after.share * 100)}; ${proof}.`);
    } else out.push(`- the search stopped at ${r.picks.length} sites without reaching ${pct(r.target * 100)}.`);
    out.push('');
  }
  out.push('## Suggested sites 建议站点 (in pick order: each adds the most given those above)');
  const backup = q.backupWeight > 0;
  const extra = isModel(r) ? modelColumn(r) : null;
  out.push(
    table(
      ['#', 'site 站点', 'township 乡镇', 'lng, lat', 'adds 新增覆盖', ...(backup ? ['adds twice 新增双重覆盖'] : []), 'covered after 累计覆盖', ...(extra ? [extra.header] : [])],
      r.picks.map((p) => [
        p.rank,
        siteLabel(p),
        mdCell(p.zoneName ?? '–'),
        `${p.lng.toFixed(4)}, ${p.lat.toFixed(4)}`,
        signed(p.populationAdded),
        ...(backup ? [signed(p.backupPopulationAdded ?? 0)] : []),
        `${int(p.cumulativeCovered)} (${pct(p.cumulativeShare * 100)})`,
        ...(extra ? [extra.cell(p.rank)] : []),
      ]),
    ),
  );
  out.push('');
  if (isModel(r)) out.push(...modelProof(r));
  else if (!isTarget(r)) {
    const b = r.bound;
    const unit = backup ? `objective units (people newly covered + ${q.backupWeight} × people newly covered twice)` : 'people newly covered';
    out.push('## Quality bound 质量界');
    if (r.exhausted) out.push(`- Only ${r.picks.length} sites add anyone: every candidate-reachable person is covered.`);
    out.push(
      b.provenOptimal
        ? `- **Proven optimal 已证明最优**: no ${r.k} sites can do better than ${int(b.value)} (${unit}).`
        : `- No ${r.k} sites can reach more than **${int(b.upperBound)}** ${unit}; these reach ${int(b.value)}, **at least ${pct(b.ratio * 100)} of the best possible** 至少达到最优解的 ${pct(b.ratio * 100)}.`,
    );
    out.push(`- bound used: ${b.kind} — ${BOUND_DESCRIPTIONS[b.kind]}`);
    const others = (Object.keys(b.bounds) as BoundKind[]).filter((key) => b.bounds[key] !== null).map((key) => `${key} ${int(b.bounds[key]!)}`);
    out.push(`- all bounds computed: ${others.join('; ')}`);
    const w = r.iterations;
    out.push(`- work: gain evaluations ${int(w.gainEvaluations)}; swap rounds ${w.swapRounds}, swaps ${w.swaps}; restarts ${w.restarts}; Lagrangian steps ${w.lagrangianIterations}`);
  } else {
    out.push(`- work: gain evaluations ${int(r.iterations.gainEvaluations)}; swap rounds ${r.iterations.swapRounds}; sites taken off the greedy answer ${r.iterations.reductions}`);
  }
  return `${out.join('\n')}\n`;
}

export const SUGGESTION_CSV_HEADER = [
  'rank', 'lng', 'lat', 'h3', 'station_id', 'name', 'zone_code', 'zone_name', 'population_added', 'backup_population_added', 'cumulative_covered', 'cumulative_share',
];

/** Columns added after the common ones for an expected-coverage or p-center suggestion. */
export const SUGGESTION_CSV_MODEL_COLUMNS = { mexclp: ['expected_added', 'cumulative_expected'], 'p-center': ['worst_after'] } as const;

/** One row per suggested site, in pick order (a MEXCLP or p-center suggestion adds its own columns at the end). */
export function suggestionToCsv(doc: SuggestionDocument): string {
  if (doc.results) {
    // weight both: the residents' rows then the calls' rows, a weight column added at the end
    const [head, ...rows] = (['residents', 'calls'] as const).flatMap((w, k) => {
      const lines = suggestionToCsv(singleWeight(doc, w)).trimEnd().split('\n');
      return (k === 0 ? lines.map((l, i) => (i === 0 ? `${l},weight` : `${l},${w}`)) : lines.slice(1).map((l) => `${l},${w}`));
    });
    return `${[head, ...rows].join('\n')}\n`;
  }
  const line = (fields: (string | number | boolean | null)[]) => fields.map(csvField).join(',');
  const r = doc.result;
  const model = isModel(r) ? r.model : null;
  const extra = (rank: number): (string | number | null)[] => {
    if (!isModel(r)) return [];
    if (r.model === 'mexclp') return [r.picks[rank - 1].expectedAdded.toFixed(2), r.picks[rank - 1].cumulativeExpected.toFixed(2)];
    return [r.picks[rank - 1].worstAfter?.toFixed(3) ?? null];
  };
  const rows = r.picks.map((p) =>
    line([
      p.rank,
      p.lng.toFixed(6),
      p.lat.toFixed(6),
      p.h3,
      p.stationId,
      p.name,
      p.zoneCode,
      p.zoneName,
      Math.round(p.populationAdded),
      p.backupPopulationAdded === null ? null : Math.round(p.backupPopulationAdded),
      Math.round(p.cumulativeCovered),
      p.cumulativeShare.toFixed(4),
      ...extra(p.rank),
    ]),
  );
  const header = model ? [...SUGGESTION_CSV_HEADER, ...SUGGESTION_CSV_MODEL_COLUMNS[model]] : SUGGESTION_CSV_HEADER;
  return `${[line(header), ...rows].join('\n')}\n`;
}
