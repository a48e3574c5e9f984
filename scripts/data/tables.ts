/**
 * The build's Markdown tables for data/README.md (written to data/tables.md,
 * pasted into the README; a test keeps the two equal): facilities per county
 * against the roster, and how WorldPop moved the township shares.
 */
import type { Facility } from './facilities.ts';
import type { RosterOutcome } from './roster-facilities.ts';

const fmt = (n: number) => n.toLocaleString('en-US');
const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)} %`;

export interface CountyLabel {
  adcode: string;
  name: string;
  city: string;
  cityName: string;
}

/** Published 120-station counts to judge the demo against (raw README, "Facts for calibration"). */
export const PUBLISHED: Record<string, string> = {
  '350500': '126 120-stations by the end of the 14th five-year plan, 20 more planned (海峡网, Jan 2026)',
  '350200': 'its 20th station (东孚) opened in Dec 2017 (东南网)',
};

/**
 * One row per county (and one for rows whose county no name or rule gives),
 * a total per city: roster rows and what became of them, then the data's
 * facilities by role.
 */
export function facilityTable(counties: readonly CountyLabel[], outcomes: readonly RosterOutcome[], facilities: readonly Facility[]): string {
  const head = [
    '| city | county | roster rows | duplicate rows | rows placed | rows not placed | existing 120 points (documented + assumed) | proposed | candidates (disabled) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const placedIds = new Set(facilities.map((f) => f.id));
  const line = (city: string, label: string, rows: RosterOutcome[], fs: Facility[]) => {
    const placed = rows.filter((o) => o.outcome === 'facility' && placedIds.has(o.facility!)).length;
    const dup = rows.filter((o) => o.outcome === 'duplicate').length;
    const documented = fs.filter((f) => f.status === 'existing' && f.basis === 'documented').length;
    const assumed = fs.filter((f) => f.status === 'existing' && f.basis === 'assumed').length;
    return `| ${city} | ${label} | ${rows.length} | ${dup} | ${placed} | ${rows.length - dup - placed} | ${documented + assumed} (${documented} + ${assumed}) | ${fs.filter((f) => f.status === 'proposed').length} | ${fs.filter((f) => f.basis === 'candidate').length} |`;
  };
  const body: string[] = [];
  const cities = [...new Map(counties.map((c) => [c.city, c.cityName])).entries()].sort();
  for (const [city, cityName] of cities) {
    const own = counties.filter((c) => c.city === city);
    for (const c of own) body.push(line(cityName, `${c.adcode} ${c.name}`, outcomes.filter((o) => o.county === c.adcode), facilities.filter((f) => f.county === c.adcode)));
    const orphan = outcomes.filter((o) => o.city === city && o.county === null);
    if (orphan.length > 0) body.push(line(cityName, 'county not in the name', orphan, []));
    const all = line(cityName, '**total**', outcomes.filter((o) => o.city === city), facilities.filter((f) => own.some((c) => c.adcode === f.county)));
    body.push(all.replace(`| ${cityName} |`, `| **${cityName}** |`));
  }
  const published = cities.map(([city, cityName]) => `- ${cityName}: published ${PUBLISHED[city] ?? '–'}.`);
  return [...head, ...body, '', ...published].join('\n');
}

export interface TownshipShare {
  code: string;
  name: string;
  /** People of the village-unit model alone (before WorldPop). */
  before: number;
  after: number;
}

export interface CountyShares {
  adcode: string;
  name: string;
  total: number;
  townships: TownshipShare[];
}

/** People who live in another township than the village-unit model put them: half the sum of |after − before|. */
export const movedPeople = (c: CountyShares) => c.townships.reduce((s, t) => s + Math.abs(t.after - t.before), 0) / 2;

/**
 * Per county: the people WorldPop moved between townships, and the three
 * townships whose share of the county changed most (share before → after).
 */
export function shareTable(counties: readonly CountyShares[]): string {
  const rows = counties.map((c) => {
    const biggest = [...c.townships]
      .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || (a.code < b.code ? -1 : 1))
      .slice(0, 3)
      .map((t) => `${t.name} ${pct(t.before / c.total)} → ${pct(t.after / c.total)}`);
    const moved = movedPeople(c);
    return `| ${c.adcode} ${c.name} | ${fmt(c.total)} | ${fmt(moved)} (${pct(moved / c.total)}) | ${biggest.join('; ')} |`;
  });
  const total = counties.reduce((s, c) => s + c.total, 0);
  const moved = counties.reduce((s, c) => s + movedPeople(c), 0);
  return [
    '| county | population 2020 | people in another township than before | largest changes of a township\'s share (before → after) |',
    '|---|---:|---:|---|',
    ...rows,
    `| **all ${counties.length}** | ${fmt(total)} | ${fmt(moved)} (${pct(moved / total)}) | |`,
  ].join('\n');
}
