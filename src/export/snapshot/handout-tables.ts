/**
 * The tables of the handout's second page: coverage by township (the
 * worker's rows, as the app's township table) and the gap areas, every
 * number formatted, nothing recomputed.
 */
import type { Rules } from '../../core/rules.ts';
import type { CoverageFigures, ZoneRow } from '../../core/tables.ts';
import type { HandoutGap, HandoutTable, Texts } from './types.ts';

/**
 * Coverage by township, with a total row; the county is named when the region spans several.
 * @example townshipTable(zones, totals, rules, texts).rows[0][0] // '桃城镇'
 */
export function townshipTable(zones: readonly ZoneRow[], totals: CoverageFigures, rules: Rules, texts: Texts): HandoutTable {
  const { t, n, pct } = texts;
  const place = texts.place ?? ((name: string) => name);
  const counties = new Set(zones.map((z) => z.county)).size > 1;
  const type = (z: ZoneRow) => {
    const word = t(z.areaType === 'urban' ? 'handout.rules.urbanType' : 'handout.rules.ruralType');
    return z.areaTypeOverridden ? t('handout.col.overridden', { type: word }) : word;
  };
  const figures = (f: CoverageFigures) => [n(f.population), n(f.covered), n(f.marginal), n(f.gap), pct(f.coveredPct), n(f.withinCircle)];
  const columns: HandoutTable['columns'] = [
    ...(counties ? [{ label: t('handout.col.county'), align: 'left' as const }] : []),
    { label: t('handout.col.zone'), align: 'left' },
    { label: t('handout.col.type'), align: 'left' },
    { label: t('handout.col.population'), align: 'right' },
    { label: t('handout.col.covered'), align: 'right' },
    { label: t('handout.col.marginal'), align: 'right' },
    { label: t('handout.col.gap'), align: 'right' },
    { label: t('handout.col.coveredPct'), align: 'right' },
    { label: t('handout.col.circle', { minutes: rules.circleMinutes }), align: 'right' },
  ];
  return {
    title: t('handout.tables.zones'),
    columns,
    rows: zones.map((z) => [...(counties ? [place(z.countyName)] : []), place(z.name), type(z), ...figures(z)]),
    total: [...(counties ? [''] : []), t('handout.tables.total'), '', ...figures(totals)],
  };
}

/**
 * The gap areas, numbered as on the first page's map.
 * @example gapTable([{ rank: 1, name: '一都镇', population: 1200, … }], texts).rows[0].slice(0, 2) // ['1', '一都镇']
 */
export function gapTable(gaps: readonly HandoutGap[], texts: Texts): HandoutTable {
  const { t, n } = texts;
  return {
    title: t('handout.tables.gaps'),
    columns: [
      { label: t('handout.col.rank'), align: 'right' },
      { label: t('handout.col.gapZone'), align: 'left' },
      { label: t('handout.col.gapPopulation'), align: 'right' },
      { label: t('handout.col.gap'), align: 'right' },
      { label: t('handout.col.marginal'), align: 'right' },
      { label: t('handout.col.area'), align: 'right' },
    ],
    rows: gaps.map((g) => [String(g.rank), g.name, n(g.population), n(g.gapPopulation), n(g.marginalPopulation), n(g.areaKm2, 1)]),
    total: null,
  };
}

/** A piece of a table placed in one column slot of a page. */
export interface TablePiece {
  table: number;
  /** Rows [from, to) of the table. */
  from: number;
  to: number;
  /** The total row goes under this piece (the table's last). */
  withTotal: boolean;
  continued: boolean;
}

/**
 * Flows tables into column slots of `rowsPerSlot` lines each (a table's
 * title and head take `headLines`, its total one), a slot after another;
 * a table continues in the next slot with its head repeated. Returns the
 * pieces of each slot in order.
 * @example flowTables([30], 20, 2).map((s) => s.map((p) => [p.from, p.to])) // [[[0, 18]], [[18, 30]]]
 */
export function flowTables(rowCounts: readonly number[], rowsPerSlot: number, headLines: number, totals: readonly boolean[] = []): TablePiece[][] {
  if (rowsPerSlot < headLines + 2) throw new Error(`A slot of ${rowsPerSlot} lines cannot hold a table head (${headLines} lines) and rows.`);
  const slots: TablePiece[][] = [[]];
  let used = 0;
  rowCounts.forEach((count, table) => {
    const totalLines = totals[table] ? 1 : 0;
    let from = 0;
    let continued = false;
    // an empty table still shows its head (and a total)
    for (;;) {
      let free = rowsPerSlot - used - headLines;
      // a head needs at least two rows (or the whole rest) under it, else the table starts in the next slot
      if (free < Math.min(2, count - from + totalLines) || free <= 0) {
        slots.push([]);
        used = 0;
        free = rowsPerSlot - headLines;
      }
      const rest = count - from;
      const fitsWithTotal = rest + totalLines <= free;
      const to = fitsWithTotal ? count : from + Math.min(rest, free);
      slots[slots.length - 1].push({ table, from, to, withTotal: fitsWithTotal && totalLines > 0, continued });
      used += headLines + (to - from) + (fitsWithTotal ? totalLines : 0);
      // a blank line between two tables in one slot
      if (fitsWithTotal) used += 1;
      from = to;
      continued = true;
      if (fitsWithTotal) break;
    }
  });
  return slots.filter((s) => s.length > 0);
}
