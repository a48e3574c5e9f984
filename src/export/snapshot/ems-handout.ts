/**
 * The tables of the handout's EMS page (issue 14): calls (labelled synthetic
 * or modelled), coverage by residents and by calls side by side (the calls
 * column flagged as the EMS panel flags it), response fractiles before/after
 * with their basis, station workload, availability (MEXCLP expected coverage
 * before/after, backup coverage, fleet), hospital transport per capability,
 * equity, and the assumptions with their sources. The worker's `EmsFigures`,
 * formatted; nothing recomputed.
 */
import { COVERAGE_ROWS } from '../coverage-rows.ts';
import { EMS_SETTING_SOURCES, type EmsSettings } from '../../core/ems/settings.ts';
import type { EmsFigures, Fractiles, WeightPair } from '../../core/ems/types.ts';
import type { CoverageFigures } from '../../core/tables.ts';
import type { HandoutTable, Texts } from './types.ts';

export interface EmsHandoutRules {
  ems: EmsSettings;
  residentsPerAmbulance: number;
}

const left = (label: string) => ({ label, align: 'left' as const });
const right = (label: string) => ({ label, align: 'right' as const });

/** The rows of the coverage weighed by residents and by calls: the results panel's words and the figures' fields. */
/**
 * The EMS page's tables, in reading order.
 * @param residents the region's coverage by residents (the result's totals), beside the calls' (`ems.callCoverage`)
 */
export function emsHandoutTables(ems: EmsFigures, rules: EmsHandoutRules, texts: Texts, residents: CoverageFigures): HandoutTable[] {
  const { t, n, pct } = texts;
  const place = texts.place ?? ((name: string) => name);
  const f = ems.fractiles;
  const minutes = (m: number | null) => (m === null ? t('handout.ems.overHorizon', { horizon: f.horizonMinutes }) : t('handout.ems.minutes', { minutes: n(m, 1) }));
  const share = (s: number) => pct(100 * s);
  const callsLabel =
    ems.calls.source === 'rate' ? t('ems.calls.rate', { rate: n(rules.ems.callsPerThousandPerYear, 1) }) : ems.calls.synthetic ? t('ems.calls.synthetic') : t('ems.calls.imported');

  // the calls column is flagged as the EMS panel flags it: 合成 (synthetic) or 模拟 (modelled from the rate)
  const callsFlag = ems.calls.source === 'rate' ? 'modelled' : ems.calls.synthetic ? 'synthetic' : null;
  const callsColumn = t('emsPanel.callsCol') + (callsFlag ? ` (${t(`emsPanel.${callsFlag}`)})` : '');
  const calledCoverage = ems.callCoverage.totals;
  const coverageRows = COVERAGE_ROWS.map(({ label, count, percent }) => [
    t(label, { minutes: f.targetMinutes }),
    `${n(residents[count])} (${pct(residents[percent])})`,
    `${n(calledCoverage[count])} (${pct(calledCoverage[percent])})`,
  ]);

  const fractileRow = (label: string, x: Fractiles) => [label, share(x.withinTarget), minutes(x.medianMinutes), minutes(x.p90Minutes)];
  const pairRows = (suffix: string, pair: { residents: Fractiles; calls: Fractiles | null }) => [
    fractileRow(`${t('handout.ems.residents')}${suffix}`, pair.residents),
    ...(pair.calls ? [fractileRow(`${t('handout.ems.callsWeight')}${suffix}`, pair.calls)] : []),
  ];
  const fractileRows = f.before ? [...pairRows(` · ${t('handout.ems.before')}`, f.before), ...pairRows(` · ${t('handout.ems.after')}`, f.region)] : pairRows('', f.region);

  const a = ems.availability;
  const population = f.region.residents.weight;
  const calls = f.region.calls?.weight ?? 0;
  const of = (x: number, total: number) => (total > 0 ? `${n(x)} (${pct((100 * x) / total)})` : n(x));
  const expectedRow = (x: { busyFraction: number; expectedCovered: WeightPair }, suffix: string) => [
    t('handout.ems.expected', { q: n(x.busyFraction, 3) }) + suffix,
    of(x.expectedCovered.residents, population),
    x.expectedCovered.calls === null ? '–' : of(x.expectedCovered.calls, calls),
  ];
  const fleet = t('handout.ems.fleet', { existing: a.fleet.existing === null ? '–' : n(a.fleet.existing), workload: n(a.fleet.forWorkload), ratio: n(a.fleet.forRatio) }) + (a.fleet.assumed > 0 ? t('handout.ems.fleetAssumed', { assumed: n(a.fleet.assumed) }) : '');

  const e = ems.equity;
  const assumption = t('ems.assumption');
  // stations with no first-due area here (a neighbouring county's) have no workload in this region: counted, not listed
  const served = ems.workload.filter((w) => w.firstDueCells > 0);
  const idle = ems.workload.length - served.length;
  // the sources in the handout's language (the rules panel's words), not core's English notes
  const settingRows: string[][] = ([
    [t('vocab.workload.calls_per_year'), `${n(rules.ems.callsPerThousandPerYear, 1)} / 1000`, 'callsPerThousandPerYear'],
    [t('vocab.emsAssumption.meanJobMinutes'), n(rules.ems.meanJobMinutes), 'meanJobMinutes'],
    [t('vocab.workload.busy_fraction'), `≤ ${n(rules.ems.busyTarget, 2)}`, 'busyTarget'],
    [t('vocab.emsAssumption.defaultAmbulances'), n(rules.ems.defaultAmbulancesPerStation), 'defaultAmbulancesPerStation'],
    [t('vocab.hospital.target_minutes'), [...new Set(Object.values(rules.ems.hospitalTargetMinutes))].map((m) => n(m)).join(' / '), 'hospitalTargetMinutes'],
  ] as [string, string, keyof typeof EMS_SETTING_SOURCES][]).map(([label, value, key]) => [label, value, t(`emsPanel.rules.source.${key}`)]);

  return [
    {
      title: t('handout.ems.calls'),
      columns: [left(t('vocab.workload.calls_source')), right(t('vocab.township.calls')), right(t('vocab.workload.calls_per_year'))],
      rows: [[callsLabel, n(ems.calls.total), n(ems.calls.perYear)]],
      total: null,
    },
    {
      title: t('emsPanel.coverage.title'),
      columns: [left(''), right(t('emsPanel.residentsCol')), right(callsColumn)],
      rows: coverageRows,
      total: null,
    },
    {
      title: t('handout.ems.fractiles', { basis: t(`ems.basis.${f.basis}`) }),
      columns: [left(''), right(t('handout.ems.withinTarget', { minutes: f.targetMinutes })), right(t('handout.ems.median')), right(t('handout.ems.p90'))],
      rows: fractileRows,
      total: null,
    },
    {
      title: t('handout.ems.workload', { target: n(rules.ems.busyTarget, 2) }) + (idle > 0 ? t('handout.ems.workloadWithoutArea', { n: n(idle) }) : ''),
      columns: [
        left(t('vocab.workload.name')),
        right(t('vocab.workload.first_due_population')),
        right(t('vocab.workload.calls_per_year')),
        right(t('vocab.workload.busy_fraction')),
        right(t('vocab.workload.ambulances')),
        right(t('vocab.workload.ambulances_for_workload')),
        right(t('vocab.workload.ambulances_for_ratio')),
      ],
      rows: served.map((w) => [w.name, n(w.firstDuePopulation), n(w.callsPerYear, 1), n(w.busyFraction, 3), w.ambulancesAssumed ? `${n(w.ambulances)} (${assumption})` : n(w.ambulances), n(w.ambulancesForWorkload), n(w.ambulancesForRatio)]),
      total: null,
    },
    {
      title: t('handout.ems.availability'),
      columns: [left(''), right(t('handout.ems.residents')), right(t('handout.ems.callsWeight'))],
      rows: [
        // before (the baseline's own fleet and busy fraction) then after, as the fractiles' rows
        ...(a.before ? [expectedRow(a.before, ` · ${t('handout.ems.before')}`)] : []),
        expectedRow(a, a.before ? ` · ${t('handout.ems.after')}` : ''),
        [t('handout.ems.backup'), of(a.backupCovered.residents, population), a.backupCovered.calls === null ? '–' : of(a.backupCovered.calls, calls)],
        [fleet, '', ''],
      ],
      total: null,
    },
    {
      title: t('handout.ems.hospitals'),
      columns: [
        left(t('vocab.hospital.capability')),
        right(t('vocab.hospital.target_minutes')),
        right(t('vocab.hospital.hospitals')),
        right(t('vocab.hospital.within_target_pct')),
        right(t('handout.ems.median')),
        right(t('handout.ems.p90')),
        right(t('vocab.hospital.before_within_target_pct')),
        left(t('vocab.hospital.zones_beyond')),
      ],
      rows:
        ems.hospitals.length === 0
          ? [[t('handout.ems.noHospitals'), '', '', '', '', '', '', '']]
          : ems.hospitals.map((h) => [
              t(`vocab.capability.${h.capability}`),
              n(h.targetMinutes),
              n(h.hospitals.length),
              share(h.fractiles.residents.withinTarget),
              minutes(h.fractiles.residents.medianMinutes),
              minutes(h.fractiles.residents.p90Minutes),
              h.before ? share(h.before.fractiles.residents.withinTarget) : '–',
              h.zonesBeyond.map((z) => place(z.name)).join('、') || '–',
            ]),
      total: null,
    },
    {
      title: t('handout.ems.equity'),
      columns: [left('')],
      rows: [
        ...(e.worstZone ? [[t('handout.ems.worst', { name: place(e.worstZone.name), share: share(e.worstZone.withinTarget) })]] : []),
        ...(e.bestZone ? [[t('handout.ems.best', { name: place(e.bestZone.name), share: share(e.bestZone.withinTarget) })]] : []),
        [t('handout.ems.spread', { spread: n(100 * e.spread, 1) })],
      ],
      total: null,
    },
    {
      title: t('handout.ems.assumptions'),
      columns: [left(''), right(''), left('')],
      rows: settingRows,
      total: null,
    },
  ];
}
