/**
 * The CLI report's EMS lines (issue 14): a Markdown section (calls, response
 * fractiles before/after, station workload, availability, hospital transport,
 * equity, assumptions) and the per-zone CSV's added columns. Read from the
 * report's `ems` (computed in core, as the JSON gives it), never recomputed.
 * Labels are the handout's and the table exports' words, English and Chinese.
 */
import type { EmsSettings } from '../core/ems/settings.ts';
import type { EmsFigures, FractilePair, Fractiles, WeightPair } from '../core/ems/types.ts';
import { translate } from '../i18n/translate.ts';
import { callsDescription, callsValue, emsAssumptions, minutesValue, sharePct } from './ems-tables.ts';
import { int, mdCell, pct } from './format.ts';
import type { CoverageReport } from './report.ts';

type Params = Record<string, string | number>;
const bi = (key: string, params?: Params) => {
  const en = translate('en', key, params);
  const zh = translate('zh-CN', key, params);
  return en === zh ? en : `${en} ${zh}`;
};
const table = (header: string[], rows: (string | number)[][]) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** The report's EMS figures (absent from a report made before they existed). */
export function reportEms(report: CoverageReport): EmsFigures | null {
  return (report.ems as EmsFigures | undefined) ?? null;
}

const minutesText = (m: number | null, horizon: number) => (m === null ? bi('handout.ems.overHorizon', { horizon }) : m.toFixed(1));

/** The EMS section of the Markdown report. */
export function emsMarkdownSection(ems: EmsFigures, rules: { ems: EmsSettings; residentsPerAmbulance: number }): string[] {
  const f = ems.fractiles;
  const horizon = f.horizonMinutes;
  const fractileRow = (label: string, x: Fractiles) => [label, pct(100 * x.withinTarget), minutesText(x.medianMinutes, horizon), minutesText(x.p90Minutes, horizon)];
  const pairRows = (suffix: string, p: FractilePair) => [
    fractileRow(`${bi('handout.ems.residents')}${suffix}`, p.residents),
    ...(p.calls ? [fractileRow(`${bi('handout.ems.callsWeight')}${suffix}`, p.calls)] : []),
  ];
  const fractileRows = f.before ? [...pairRows(` · ${bi('handout.ems.before')}`, f.before), ...pairRows(` · ${bi('handout.ems.after')}`, f.region)] : pairRows('', f.region);
  const a = ems.availability;
  const population = f.region.residents.weight;
  const share = (n: number, of: number) => (of > 0 ? ` (${pct((100 * n) / of)})` : '');
  const expectedLine = (x: { busyFraction: number; expectedCovered: WeightPair }, suffix: string) =>
    `- ${bi('handout.ems.expected', { q: x.busyFraction.toFixed(3) })}${suffix}: ${int(x.expectedCovered.residents)}${share(x.expectedCovered.residents, population)}${x.expectedCovered.calls !== null ? ` · ${bi('handout.ems.callsWeight')} ${int(x.expectedCovered.calls)}` : ''}`;
  const out: string[] = [
    `## ${bi('report.ems.title')}`,
    `- ${bi('handout.ems.calls')}: ${translate('en', 'vocab.emsNote.calls', { calls: callsDescription(ems, rules.ems, { language: 'en' }), total: callsValue(ems.calls.total), perYear: callsValue(ems.calls.perYear) })} · ${translate('zh-CN', 'vocab.emsNote.calls', { calls: callsDescription(ems, rules.ems, { language: 'zh-CN' }), total: callsValue(ems.calls.total), perYear: callsValue(ems.calls.perYear) })}`,
    '',
    `### ${translate('en', 'handout.ems.fractiles', { basis: translate('en', `ems.basis.${f.basis}`) })} · ${translate('zh-CN', 'handout.ems.fractiles', { basis: translate('zh-CN', `ems.basis.${f.basis}`) })}`,
    table(['', bi('handout.ems.withinTarget', { minutes: f.targetMinutes }), bi('handout.ems.median'), bi('handout.ems.p90')], fractileRows),
    '',
    `### ${bi('handout.ems.workload', { target: rules.ems.busyTarget })}`,
    table(
      ['id', bi('vocab.workload.name'), bi('vocab.workload.first_due_population'), bi('vocab.workload.calls_per_year'), bi('vocab.workload.busy_fraction'), bi('vocab.workload.ambulances'), bi('vocab.workload.ambulances_for_workload'), bi('vocab.workload.ambulances_for_ratio')],
      ems.workload.map((w) => [mdCell(w.id), mdCell(w.name), int(w.firstDuePopulation), callsValue(w.callsPerYear), w.busyFraction.toFixed(3), `${w.ambulances}${w.ambulancesAssumed ? ` (${bi('ems.assumption')})` : ''}`, w.ambulancesForWorkload, w.ambulancesForRatio]),
    ),
    '',
    `### ${bi('handout.ems.availability')}`,
    // before (the baseline's own fleet and busy fraction) then after, as the fractiles' rows
    ...(a.before ? [expectedLine(a.before, ` · ${bi('handout.ems.before')}`)] : []),
    expectedLine(a, a.before ? ` · ${bi('handout.ems.after')}` : ''),
    `- ${bi('handout.ems.backup')}: ${int(a.backupCovered.residents)}${share(a.backupCovered.residents, population)}${a.backupCovered.calls !== null ? ` · ${bi('handout.ems.callsWeight')} ${int(a.backupCovered.calls)}` : ''}`,
    `- ${bi('handout.ems.fleet', { existing: a.fleet.existing ?? '–', workload: a.fleet.forWorkload, ratio: a.fleet.forRatio })}${a.fleet.assumed > 0 ? bi('handout.ems.fleetAssumed', { assumed: a.fleet.assumed }) : ''}`,
    '',
    `### ${bi('vocab.sheetHospitals')}`,
  ];
  if (ems.hospitals.length === 0) out.push(bi('handout.ems.noHospitals'));
  else
    out.push(
      table(
        [bi('vocab.hospital.capability'), bi('vocab.hospital.target_minutes'), bi('vocab.hospital.hospitals'), bi('vocab.hospital.within_target_pct'), bi('vocab.hospital.median_minutes'), bi('vocab.hospital.p90_minutes'), bi('vocab.hospital.before_within_target_pct'), bi('vocab.hospital.zones_beyond')],
        ems.hospitals.map((h) => [
          bi(`vocab.capability.${h.capability}`),
          h.targetMinutes,
          h.hospitals.length,
          pct(100 * h.fractiles.residents.withinTarget),
          minutesText(h.fractiles.residents.medianMinutes, horizon),
          minutesText(h.fractiles.residents.p90Minutes, horizon),
          h.before ? pct(100 * h.before.fractiles.residents.withinTarget) : '–',
          mdCell(h.zonesBeyond.map((z) => z.name).join('、')) || '–',
        ]),
      ),
    );
  const e = ems.equity;
  out.push('', `### ${bi('handout.ems.equity')}`);
  if (e.worstZone) out.push(`- ${translate('en', 'handout.ems.worst', { name: e.worstZone.name, share: pct(100 * e.worstZone.withinTarget) })} · ${translate('zh-CN', 'handout.ems.worst', { name: e.worstZone.name, share: pct(100 * e.worstZone.withinTarget) })}`);
  if (e.bestZone) out.push(`- ${translate('en', 'handout.ems.best', { name: e.bestZone.name, share: pct(100 * e.bestZone.withinTarget) })} · ${translate('zh-CN', 'handout.ems.best', { name: e.bestZone.name, share: pct(100 * e.bestZone.withinTarget) })}`);
  out.push(`- ${bi('handout.ems.spread', { spread: (100 * e.spread).toFixed(1) })}`);
  out.push('', `### ${bi('handout.ems.assumptions')}`);
  const zhLines = emsAssumptions(rules.ems, { language: 'zh-CN' });
  emsAssumptions(rules.ems, { language: 'en' }).forEach((line, k) => out.push(`- ${line} · ${zhLines[k]} (${bi('ems.assumption')})`));
  return out;
}

/** Columns the per-zone CSV adds when the report has EMS figures (the same keys as the township export). */
export const ZONE_CSV_EMS_HEADER = ['calls', 'within_target_pct', 'residents_median_minutes', 'residents_p90_minutes', 'calls_within_target_pct', 'calls_median_minutes', 'calls_p90_minutes', 'minutes_basis'];

/** One zone's (or, for null code, the region's) EMS fields of the CSV, in ZONE_CSV_EMS_HEADER order; empty where unknown. */
export function zoneCsvEmsFields(ems: EmsFigures, code: string | null): (string | number | null)[] {
  const pair = code === null ? ems.fractiles.region : ems.fractiles.zones.find((z) => z.code === code);
  if (!pair) return ZONE_CSV_EMS_HEADER.map(() => null);
  const c = pair.calls;
  return [
    c ? callsValue(c.weight) : null,
    sharePct(pair.residents.withinTarget),
    minutesValue(pair.residents.medianMinutes),
    minutesValue(pair.residents.p90Minutes),
    c ? sharePct(c.withinTarget) : null,
    c ? minutesValue(c.medianMinutes) : null,
    c ? minutesValue(c.p90Minutes) : null,
    ems.fractiles.basis,
  ];
}
