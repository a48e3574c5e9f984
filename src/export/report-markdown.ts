/** The coverage report as Markdown, for reading in a terminal or pasting into a document. */
import type { CoverageReport } from './report.ts';
import { int, mdCell, pct, signed } from './format.ts';

const table = (header: string[], rows: (string | number)[][]) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export function reportToMarkdown(report: CoverageReport, topGaps = 10): string {
  const { totals: t, rules, deltas } = report;
  const d = rules.derived;
  const out: string[] = [];
  out.push(`# ${mdCell(report.county.name)} (${report.county.code}) 急救站点覆盖 — EMS coverage report`);
  out.push('');
  for (const note of report.dataNotes) out.push(`> ⚠ ${mdCell(note)}`);
  out.push('');
  out.push('## Rules 规则');
  out.push(`- urban 城区 ≤ ${d.urbanCoverKm} km; rural 乡村 covered ≤ ${d.ruralCoverKm} km, marginal ≤ ${d.ruralMarginalKm} km (reading: ${rules.ruralReading})`);
  out.push(`- ${rules.circleMinutes}-minute circle 急救圈: urban ${d.circleFormula.urban}; rural ${d.circleFormula.rural}`);
  out.push(`- 1 ambulance per ${int(rules.residentsPerAmbulance)}, 1 AED per ${int(rules.residentsPerAed)} residents; straight-line (geodesic) distance`);
  out.push('');
  out.push('## Totals 合计');
  out.push(
    table(
      ['population 人口', 'covered 覆盖', 'marginal 边缘', 'gap 盲区', `within ${rules.circleMinutes} min 急救圈内`, 'ambulances 救护车', 'AEDs', 'stations 站点'],
      [[int(t.population), `${int(t.covered)} (${pct(t.coveredPct)})`, `${int(t.marginal)} (${pct(t.marginalPct)})`, `${int(t.gap)} (${pct(t.gapPct)})`, `${int(t.withinCircle)} (${pct(t.withinCirclePct)})`, t.ambulancesNeeded, t.aedsNeeded, t.activeStations]],
    ),
  );
  out.push('');
  if (deltas) {
    const names = deltas.stations.map((s) => mdCell(s.name)).join('、');
    out.push(`## Before → after 新增站点前后: ${names}`);
    out.push(
      table(
        ['', 'without 无', 'with 有', 'change 变化'],
        [
          ['covered 覆盖', int(deltas.covered.before), int(deltas.covered.after), signed(deltas.covered.change)],
          ['marginal 边缘', int(deltas.marginal.before), int(deltas.marginal.after), signed(deltas.marginal.change)],
          ['gap 盲区', int(deltas.gap.before), int(deltas.gap.after), signed(deltas.gap.change)],
          [`within ${rules.circleMinutes} min`, int(deltas.withinCircle.before), int(deltas.withinCircle.after), signed(deltas.withinCircle.change)],
        ],
      ),
    );
    out.push('');
    out.push(table(['station 站点', 'newly covered 新增覆盖', 'uniquely covered 独有覆盖'], deltas.stations.map((s) => [mdCell(s.name), int(s.newlyCovered), int(s.uniquelyCovered)])));
    out.push('');
    if (deltas.zones.length > 0) {
      out.push(table(['township 乡镇', 'covered before', 'covered after', 'change'], deltas.zones.map((z) => [mdCell(z.name), int(z.covered.before), int(z.covered.after), signed(z.covered.change)])));
      out.push('');
    }
  } else {
    out.push('_No proposed stations in this scenario, so no before/after._');
    out.push('');
  }
  const stillOpen = report.zones.filter((z) => z.gap + z.marginal > 0);
  out.push(`## Townships with people still uncovered 仍有未覆盖人口的乡镇 (${stillOpen.length} of ${report.zones.length})`);
  out.push(stillOpen.length ? stillOpen.map((z) => `${mdCell(z.name)} (marginal ${int(z.marginal)}, gap ${int(z.gap)})`).join('; ') : 'none');
  out.push('');
  out.push('## Zones 乡镇/区域');
  out.push(
    table(
      ['township 乡镇', 'type 类型', 'population', 'covered', 'marginal', 'gap', '% covered', `within ${rules.circleMinutes} min`, 'ambulances', 'AEDs'],
      report.zones.map((z) => [
        mdCell(z.name),
        `${z.areaType === 'urban' ? '城区 urban' : '乡村 rural'}${z.areaTypeOverridden ? ' *' : ''}`,
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
  out.push(`## Largest gaps 最大盲区 (top ${Math.min(topGaps, report.gaps.length)} of ${report.gaps.length} groups)`);
  out.push(
    table(
      ['#', 'population', 'of which gap', 'area km²', 'centre (lng, lat)', 'township', 'best single site covers'],
      report.gaps.slice(0, topGaps).map((g) => [
        g.rank,
        int(g.population),
        int(g.gapPopulation),
        g.areaKm2.toFixed(1),
        `${g.centroid.lng.toFixed(4)}, ${g.centroid.lat.toFixed(4)}`,
        mdCell(g.zoneName ?? '–'),
        g.bestSite ? `${int(g.bestSite.populationCovered)} at ${g.bestSite.lng.toFixed(4)}, ${g.bestSite.lat.toFixed(4)}` : '–',
      ]),
    ),
  );
  out.push('');
  out.push('## Stations 站点 (positions approximate where marked ≈)');
  out.push(
    table(
      ['id', 'name 名称', 'kind', 'status', 'lng, lat'],
      report.stations.map((s) => [mdCell(s.id), mdCell(s.name), s.kind, s.status, `${s.positionApproximate ? '≈ ' : ''}${s.lng.toFixed(4)}, ${s.lat.toFixed(4)}`]),
    ),
  );
  if (report.cellsIncluded) {
    out.push('');
    out.push('## Cells 网格');
    out.push(
      table(
        ['h3', 'population', 'status', 'nearest station', 'distance km'],
        report.cells.map((c) => [c.h3, int(c.population), c.status, c.nearestStationId ?? '–', c.distanceKm === null ? '–' : c.distanceKm.toFixed(3)]),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
