/**
 * The coverage report as Markdown, for reading in a terminal or pasting into a
 * document. Every label comes from the i18n dictionaries and is printed in
 * English and Chinese side by side; place names carry their pinyin once
 * `loadPlaceNames()` has run (the CLI awaits it).
 */
import { gapAreaName, gapAreaShares } from '../i18n/gap-area-name.ts';
import { placeName } from '../i18n/place-name.ts';
import { translate } from '../i18n/translate.ts';
import type { ResponseFigures, ResponseTimes } from '../core/response-times.ts';
import type { CoverageReport } from './report.ts';
import { int, mdCell, pct, signed } from './format.ts';
import { emsMarkdownSection, reportEms } from './report-ems.ts';

type Params = Record<string, string | number>;

/** "covered 已覆盖": the English and the Chinese of one key. */
const bi = (key: string, params?: Params) => {
  const en = translate('en', key, params);
  const zh = translate('zh-CN', key, params);
  return en === zh ? en : `${en} ${zh}`;
};
const zh = (key: string, params?: Params) => translate('zh-CN', key, params);
const en = (key: string, params?: Params) => translate('en', key, params);
const place = (name: string) => mdCell(placeName(name, 'en'));

const table = (header: string[], rows: (string | number)[][]) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export function reportToMarkdown(report: CoverageReport, topGaps = 10): string {
  const { totals: t, rules, deltas } = report;
  const d = rules.derived;
  const minutes = { minutes: rules.circleMinutes };
  const out: string[] = [];
  out.push(`# ${mdCell(report.county.name)} (${report.county.code}) ${zh('report.title')} — ${en('report.title')}`);
  out.push('');
  for (const note of report.dataNotes) out.push(`> ⚠ ${mdCell(note)}`);
  out.push('');
  out.push(`## ${bi('report.rules')}`);
  const radius = (lang: 'en' | 'zh-CN') =>
    translate(lang, 'report.rule.radius', { urban: d.urbanCoverKm, rural: d.ruralCoverKm, marginal: d.ruralMarginalKm, reading: translate(lang, `report.reading.${rules.ruralReading}`) });
  out.push(`- ${radius('en')} · ${radius('zh-CN')}`);
  const circle = { ...minutes, urban: d.circleFormula.urban, rural: d.circleFormula.rural };
  out.push(`- ${en('report.rule.circle', circle)} · ${zh('report.rule.circle', circle)}`);
  const ratios = { ambulance: int(rules.residentsPerAmbulance), aed: int(rules.residentsPerAed) };
  out.push(`- ${en('report.rule.ratios', ratios)} · ${zh('report.rule.ratios', ratios)}`);
  out.push(`- ${reachLine(report, 'en')} · ${reachLine(report, 'zh-CN')}`);
  out.push('');
  out.push(`## ${bi('report.totals')}`);
  out.push(
    table(
      [bi('report.population'), bi('report.covered'), bi('report.marginal'), bi('report.gap'), bi('report.within', minutes), bi('report.ambulances'), bi('report.aeds'), bi('report.stations')],
      [[int(t.population), `${int(t.covered)} (${pct(t.coveredPct)})`, `${int(t.marginal)} (${pct(t.marginalPct)})`, `${int(t.gap)} (${pct(t.gapPct)})`, `${int(t.withinCircle)} (${pct(t.withinCirclePct)})`, t.ambulancesNeeded, t.aedsNeeded, t.activeStations]],
    ),
  );
  const ambulanceSum = report.zones.reduce((s, z) => s + z.ambulancesNeeded, 0);
  if (ambulanceSum !== t.ambulancesNeeded) {
    const note = { sum: ambulanceSum, total: t.ambulancesNeeded };
    out.push('');
    out.push(`_${en('report.ambulanceNote', note)} · ${zh('report.ambulanceNote', note)}_`);
  }
  out.push('');
  if (report.responseTimes) out.push(...responseSection(report.responseTimes, report.rules.reach.snap?.maxSnapKm.value ?? 0), '');
  const ems = reportEms(report);
  if (ems) out.push(...emsMarkdownSection(ems, rules), '');
  if (deltas) {
    const names = deltas.stations.map((s) => mdCell(s.name)).join('、');
    out.push(`## ${bi('report.beforeAfter')}: ${names}`);
    out.push(
      table(
        ['', bi('report.without'), bi('report.with'), bi('report.change')],
        [
          [bi('report.covered'), int(deltas.covered.before), int(deltas.covered.after), signed(deltas.covered.change)],
          [bi('report.marginal'), int(deltas.marginal.before), int(deltas.marginal.after), signed(deltas.marginal.change)],
          [bi('report.gap'), int(deltas.gap.before), int(deltas.gap.after), signed(deltas.gap.change)],
          [bi('report.within', minutes), int(deltas.withinCircle.before), int(deltas.withinCircle.after), signed(deltas.withinCircle.change)],
        ],
      ),
    );
    out.push('');
    out.push(table([bi('report.station'), bi('report.newly'), bi('report.uniquely')], deltas.stations.map((s) => [mdCell(s.name), int(s.newlyCovered), int(s.uniquelyCovered)])));
    out.push('');
    if (deltas.zones.length > 0) {
      out.push(table([bi('report.township'), bi('report.coveredBefore'), bi('report.coveredAfter'), bi('report.change')], deltas.zones.map((z) => [place(z.name), int(z.covered.before), int(z.covered.after), signed(z.covered.change)])));
      out.push('');
    }
  } else {
    out.push(`_${en('report.noProposed')} ${zh('report.noProposed')}_`);
    out.push('');
  }
  const stillOpen = report.zones.filter((z) => z.gap + z.marginal > 0);
  out.push(`## ${bi('report.notFullyCovered', { open: stillOpen.length, all: report.zones.length })}`);
  out.push(stillOpen.length ? stillOpen.map((z) => en('report.townshipOpen', { name: place(z.name), marginal: int(z.marginal), gap: int(z.gap) })).join('; ') : bi('report.none'));
  out.push('');
  out.push(`## ${bi('report.zones')}`);
  out.push(
    table(
      [bi('report.township'), bi('report.type'), bi('report.population'), bi('report.covered'), bi('report.marginal'), bi('report.gap'), bi('report.coveredPct'), bi('report.within', minutes), bi('report.ambulances'), bi('report.aeds')],
      report.zones.map((z) => [
        place(z.name),
        `${bi(`report.${z.areaType}`)}${z.areaTypeOverridden ? ' *' : ''}`,
        int(z.population),
        int(z.covered),
        int(z.marginal),
        int(z.gap),
        pct(z.coveredPct),
        int(z.withinCircle),
        z.ambulancesNeeded,
        z.aedsNeeded,
      ]),
    ),
  );
  out.push('');
  out.push(`## ${bi('report.gapAreas', { shown: Math.min(topGaps, report.gaps.length), all: report.gaps.length })}`);
  out.push(
    table(
      ['#', bi('report.gapArea'), bi('report.population'), bi('report.shares'), bi('report.areaKm2'), bi('report.centre'), bi('report.bestSite')],
      report.gaps.slice(0, topGaps).map((g) => [
        g.rank,
        mdCell(gapAreaName(g.townships, g.population, 'zh-CN')),
        int(g.population),
        mdCell(gapAreaShares(g.townships, g.population, 'en')),
        g.areaKm2.toFixed(1),
        `${g.centroid.lng.toFixed(4)}, ${g.centroid.lat.toFixed(4)}`,
        g.bestSite ? en('report.bestSiteAt', { people: int(g.bestSite.populationCovered), lng: g.bestSite.lng.toFixed(4), lat: g.bestSite.lat.toFixed(4) }) : '–',
      ]),
    ),
  );
  out.push('');
  out.push(`## ${bi('report.stationList')}`);
  out.push(
    table(
      ['id', bi('report.name'), bi('report.kind'), bi('report.status'), 'lng, lat'],
      report.stations.map((s) => [mdCell(s.id), mdCell(s.name), bi(`kind.${s.kind}`), bi(`status.${s.status}`), `${s.positionApproximate ? '≈ ' : ''}${s.lng.toFixed(4)}, ${s.lat.toFixed(4)}`]),
    ),
  );
  if (report.cellsIncluded) {
    out.push('');
    out.push(`## ${bi('report.cells')}`);
    out.push(
      table(
        ['h3', bi('report.population'), bi('report.status'), bi('report.nearest'), bi('report.distance'), ...(report.responseTimes ? ['min'] : [])],
        report.cells.map((c) => [c.h3, int(c.population), c.status, c.nearestStationId ?? '–', c.distanceKm === null ? '–' : c.distanceKm.toFixed(3), ...(report.responseTimes ? [minutesText(c.minutes ?? null)] : [])]),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

/** Which reach the figures use, in one language. */
function reachLine(report: CoverageReport, lang: 'en' | 'zh-CN'): string {
  const reach = report.rules.reach;
  if (reach.model === 'straight-line') return translate(lang, reach.requested === 'roads' ? 'report.reach.straightNoRoads' : 'report.reach.straight');
  return translate(lang, 'report.reach.roads', {
    minutes: report.rules.circleMinutes,
    file: reach.roads?.source.source ?? '–',
    traffic: translate(lang, `report.traffic.${reach.speeds.traffic}`),
    service: translate(lang, reach.serviceAlongRoads ? 'report.reach.serviceRoads' : 'report.reach.serviceStraight'),
  });
}

/** Minutes to one decimal, or "not reached". */
const minutesText = (m: number | null) => (m === null ? bi('report.notReached') : m.toFixed(1));

/** The curve at these minutes in the Markdown table (the JSON has every minute). */
const CURVE_POINTS = [5, 10, 15, 20, 30, 45, 60];

/** The response-time section: scenario and baseline figures, the curve at a few minutes, no road access, per township. */
function responseSection(r: ResponseTimes, maxSnapKm: number): string[] {
  const row = (label: string, f: ResponseFigures) => [label, minutesText(f.medianMinutes), minutesText(f.p90Minutes), ...CURVE_POINTS.map((t) => pct(100 * f.curve[t]))];
  const header = ['', bi('report.median'), bi('report.p90'), ...CURVE_POINTS.map((t) => bi('report.withinMinutes', { minutes: t }))];
  const rows = r.before ? [row(bi('report.without'), r.before), row(bi('report.with'), r)] : [row(bi('report.scenario'), r)];
  const access = { far: int(r.noRoadAccess.farPopulation), fragment: int(r.noRoadAccess.fragmentPopulation), km: maxSnapKm };
  return [
    `## ${bi('report.response')}`,
    `_${en('report.responseNote', { horizon: r.horizonMinutes })} · ${zh('report.responseNote', { horizon: r.horizonMinutes })}_`,
    '',
    table(header, rows),
    '',
    `${en('report.noRoadAccess', access)} · ${zh('report.noRoadAccess', access)}`,
    '',
    table([bi('report.township'), bi('report.population'), bi('report.median'), bi('report.p90')], r.zones.map((z) => [place(z.name), int(z.population), minutesText(z.medianMinutes), minutesText(z.p90Minutes)])),
  ];
}
