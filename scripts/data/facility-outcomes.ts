/**
 * The facility rules as meta.json states them, and the list of what could
 * not be placed: documented or roster facilities whose township has no seat,
 * and roster rows no name or rule places.
 */
import type { FacilitySpec } from './facilities.ts';
import type { RosterOutcome } from './roster-facilities.ts';
import type { Township } from './townships.ts';

/** The assumption behind every facility's `basis`, in words (see data/README.md). */
export const FACILITY_RULES = {
  documented: 'named as a 120 centre or station by a planning document: 永春县医院（县急救中心） (existing), 达埔急救站 and 桂洋急救站 (proposed)',
  assumed:
    "taken as an existing 120 point: Jinjiang's institutions the Jinjiang plan names (its 2020 network of 1 centre, 4 sub-centres and 11 stations has unpublished sites), and elsewhere the roster's county/district/city general and TCM hospitals (<county>医院, 中医院, 总医院, 区医院; hand-checked city hospitals) and central health centres (中心卫生院) — except in 永春县, whose plan names its 120 network",
  candidate:
    'not a 120 point, status disabled (switch on to test): the other township health centres (卫生院), community health centres, maternal and child health, specialist and private hospitals',
  merge:
    'a roster row merges into the documented facility of the same township and category (hospital, TCM hospital, health centre, community centre…) whose name holds the place the row names; the facility keeps its id and gains the row in rosterRows',
};

export interface NotPlaced {
  /** The facility id, when a spec was made (a documented facility, or a roster row in a township without seat). */
  id?: string;
  name: string;
  county: string | null;
  township?: string;
  reason: string;
  /** Roster rows naming it. */
  rosterRows: number[];
}

export function facilitiesNotPlaced(unplaced: readonly FacilitySpec[], outcomes: readonly RosterOutcome[], townships: ReadonlyMap<string, Township>): NotPlaced[] {
  const fromSpecs = unplaced.map((s) => ({
    id: s.id,
    name: s.name,
    county: townships.get(s.township)!.county,
    township: s.township,
    reason: `no seat in source for ${townships.get(s.township)!.name}`,
    rosterRows: s.rosterRows ?? [],
  }));
  const fromRows = outcomes
    .filter((o) => o.outcome === 'unplaced')
    .map((o) => ({ name: o.name, county: o.county, reason: o.reason!, rosterRows: [o.row] }));
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...fromSpecs, ...fromRows].sort((a, b) => cmp(a.county ?? '999999', b.county ?? '999999') || cmp(a.name, b.name));
}
