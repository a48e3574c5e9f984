/**
 * The EMS figures (issue 14) as export tables: the township table's added
 * columns, the station workload sheet and the hospital transport sheet, and
 * the notes that say what they mean and which values are assumptions. Read
 * from the worker's `EmsFigures`, never recomputed; the CSV and XLSX writers
 * render these tables like the others.
 */
import type { EmsSettings } from '../core/ems/settings.ts';
import { EMS_SETTING_SOURCES } from '../core/ems/settings.ts';
import type { EmsFigures, FractilePair, Fractiles, WeightPair } from '../core/ems/types.ts';
import { translate } from '../i18n/translate.ts';
import { exportWords, fill, HOSPITAL_COLUMNS, WORKLOAD_COLUMNS, type ExportDictionary, type ExportTextOptions, type HospitalColumn, type TownshipColumn, type WorkloadColumn } from './table-vocabulary.ts';
import type { TableData, TableValue } from './township-table.ts';

/** A share (0–1) as a percentage with two decimals, kept a number. */
export const sharePct = (share: number) => Math.round(share * 10_000) / 100;
/** Minutes with two decimals; null (over the horizon) stays an empty cell. */
export const minutesValue = (m: number | null | undefined) => (m === null || m === undefined ? null : Math.round(m * 100) / 100);
/** Calls to one decimal (modelled calls are fractions). */
export const callsValue = (n: number) => Math.round(n * 10) / 10;

/** The township table's EMS values of one fractile pair (a zone, or the region for the total row). */
export function townshipEmsValues(pair: FractilePair | undefined, ems: EmsFigures, words: ExportDictionary): Partial<Record<TownshipColumn, TableValue>> {
  if (!pair) return {};
  const calls: Fractiles | null = pair.calls;
  return {
    calls: calls ? callsValue(calls.weight) : null,
    within_target_pct: sharePct(pair.residents.withinTarget),
    residents_median_minutes: minutesValue(pair.residents.medianMinutes),
    residents_p90_minutes: minutesValue(pair.residents.p90Minutes),
    calls_within_target_pct: calls ? sharePct(calls.withinTarget) : null,
    calls_median_minutes: calls ? minutesValue(calls.medianMinutes) : null,
    calls_p90_minutes: calls ? minutesValue(calls.p90Minutes) : null,
    minutes_basis: words.basis[ems.fractiles.basis],
  };
}

/**
 * One row per active station: first-due area, calls per year, busy fraction,
 * ambulances (assumed or given) and what workload and the ratio ask for.
 */
export function workloadTable(ems: EmsFigures, options: ExportTextOptions): TableData {
  const words = exportWords(options);
  const rows = ems.workload.map((w): TableValue[] => {
    const values: Record<WorkloadColumn, TableValue> = {
      id: w.id,
      name: w.name,
      first_due_cells: w.firstDueCells,
      first_due_population: Math.round(w.firstDuePopulation),
      calls_per_year: callsValue(w.callsPerYear),
      calls_source: words.callsSource[w.callsSource],
      busy_fraction: Math.round(w.busyFraction * 1000) / 1000,
      ambulances: w.ambulances,
      ambulances_assumed: w.ambulancesAssumed ? words.yes : words.no,
      ambulances_for_workload: w.ambulancesForWorkload,
      ambulances_for_ratio: w.ambulancesForRatio,
      within_target_pct: sharePct(w.fractiles.residents.withinTarget),
      p90_minutes: minutesValue(w.fractiles.residents.p90Minutes),
    };
    return WORKLOAD_COLUMNS.map((c) => values[c]);
  });
  return { columns: WORKLOAD_COLUMNS, header: WORKLOAD_COLUMNS.map((c) => words.workload[c]), rows };
}

/** One row per capability any facility has or plans: hospitals, shares within the target, minutes, the townships beyond, before. */
export function hospitalsTable(ems: EmsFigures, options: ExportTextOptions): TableData {
  const words = exportWords(options);
  const rows = ems.hospitals.map((h): TableValue[] => {
    const values: Record<HospitalColumn, TableValue> = {
      capability: words.capability[h.capability],
      target_minutes: h.targetMinutes,
      hospitals: h.hospitals.length,
      hospital_names: h.hospitals.map((x) => x.name).join('、'),
      within_target_pct: sharePct(h.fractiles.residents.withinTarget),
      median_minutes: minutesValue(h.fractiles.residents.medianMinutes),
      p90_minutes: minutesValue(h.fractiles.residents.p90Minutes),
      calls_within_target_pct: h.fractiles.calls ? sharePct(h.fractiles.calls.withinTarget) : null,
      zones_beyond: h.zonesBeyond.map((z) => z.name).join('、'),
      before_within_target_pct: h.before ? sharePct(h.before.fractiles.residents.withinTarget) : null,
      minutes_basis: words.basis[h.basis],
    };
    return HOSPITAL_COLUMNS.map((c) => values[c]);
  });
  return { columns: HOSPITAL_COLUMNS, header: HOSPITAL_COLUMNS.map((c) => words.hospital[c]), rows };
}

/** How the calls behind the figures are described: imported, synthetic, or modelled from the rate. */
export function callsDescription(ems: EmsFigures, settings: Pick<EmsSettings, 'callsPerThousandPerYear'>, options: ExportTextOptions): string {
  const t = (key: string, params?: Record<string, string | number>) => translate(options.language, key, params);
  if (ems.calls.source === 'rate') return t('ems.calls.rate', { rate: settings.callsPerThousandPerYear });
  return ems.calls.synthetic ? t('ems.calls.synthetic') : t('ems.calls.imported');
}

/** The settings the figures rest on that are assumptions, "name = value", in the export's language. */
export function emsAssumptions(settings: EmsSettings, options: ExportTextOptions): string[] {
  const t = (key: string) => translate(options.language, key);
  const out: string[] = [];
  if (EMS_SETTING_SOURCES.callsPerThousandPerYear.assumption) out.push(`${t('vocab.workload.calls_per_year')}: ${settings.callsPerThousandPerYear} / 1000`);
  if (EMS_SETTING_SOURCES.meanJobMinutes.assumption) out.push(`${t('vocab.emsAssumption.meanJobMinutes')}: ${settings.meanJobMinutes}`);
  if (EMS_SETTING_SOURCES.busyTarget.assumption) out.push(`${t('vocab.workload.busy_fraction')} ≤ ${settings.busyTarget}`);
  if (EMS_SETTING_SOURCES.defaultAmbulancesPerStation.assumption) out.push(`${t('vocab.emsAssumption.defaultAmbulances')}: ${settings.defaultAmbulancesPerStation}`);
  if (EMS_SETTING_SOURCES.hospitalTargetMinutes.assumption) out.push(`${t('vocab.hospital.target_minutes')}: ${[...new Set(Object.values(settings.hospitalTargetMinutes))].join('/')}`);
  return out;
}

/** Notes-sheet lines of the EMS figures: calls, target and basis, the workload formula, expected coverage (before and after), the assumptions. */
export function emsNotes(ems: EmsFigures, rules: { ems: EmsSettings; residentsPerAmbulance: number }, options: ExportTextOptions): string[] {
  const words = exportWords(options);
  const t = (key: string) => translate(options.language, key);
  const a = ems.availability;
  const expected = (x: { busyFraction: number; expectedCovered: WeightPair }, when: string) =>
    fill(t('vocab.emsNote.expected'), {
      when,
      q: String(Math.round(x.busyFraction * 1000) / 1000),
      residents: String(Math.round(x.expectedCovered.residents)),
      calls: x.expectedCovered.calls === null ? '–' : String(callsValue(x.expectedCovered.calls)),
    });
  return [
    fill(t('vocab.emsNote.calls'), { calls: callsDescription(ems, rules.ems, options), total: String(callsValue(ems.calls.total)), perYear: String(callsValue(ems.calls.perYear)) }),
    fill(t('vocab.emsNote.target'), { minutes: String(ems.fractiles.targetMinutes), basis: words.basis[ems.fractiles.basis], horizon: String(ems.fractiles.horizonMinutes) }),
    fill(t('vocab.emsNote.workload'), { jobMinutes: String(rules.ems.meanJobMinutes), busyTarget: String(rules.ems.busyTarget), per: String(rules.residentsPerAmbulance) }),
    // expected coverage: before (the baseline's own fleet and busy fraction) then after, as the handout's rows
    ...(a.before ? [expected(a.before, ` · ${t('handout.ems.before')}`)] : []),
    expected(a, a.before ? ` · ${t('handout.ems.after')}` : ''),
    fill(t('vocab.emsNote.assumptions'), { list: emsAssumptions(rules.ems, options).join('; ') }),
  ];
}
