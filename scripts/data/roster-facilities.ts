/**
 * Turns the 2020 roster into facility specs: each row is read for its county
 * and township (name first, then the hand-checked rules), given a basis
 * (taken as a 120 point or a candidate) by the stated rule, and either merged
 * into the documented facility it names, added as a new facility, or listed
 * as not placed with the reason. No row is dropped.
 */
import { YC_HC_NOTE, type FacilityBasis, type FacilityCategory, type FacilitySpec } from './facilities.ts';
import { ROSTER_FILE, type RosterRow } from './roster.ts';
import { ROSTER_RULES } from './roster-rules.ts';
import { categoryOf, COUNTY_HOSPITAL_NAMES, COUNTY_LEVEL_NAMES, countyOfName, townshipsInName, townshipWord, type CountyName } from './roster-names.ts';
import type { Township } from './townships.ts';

/** Counties whose own plan names their 120 network (Yongchun: the county centre and the 达埔/桂洋 stations): nothing more is assumed there. */
export const DOCUMENTED_NETWORK_COUNTIES = new Set(['350525']);

export const ROSTER_SOURCE = `${ROSTER_FILE} (福建省2020年公布的泉州市、厦门市医疗机构名单)`;
export const ROSTER_ASSUMED_NOTE =
  'assumed 120 point: a public general hospital or central health centre (中心卫生院) of the 2020 roster, taken as a 120 point by the demo rule; the real 120 station sites are not published';
export const ROSTER_CANDIDATE_NOTE =
  'candidate: in the 2020 roster but not taken as a 120 point (health centres, community health centres, specialist and private hospitals); switch on to test it as one';
export const POSITION_NAMED_TOWNSHIP = 'seat of the township its name contains (AMap centre, GCJ-02→WGS84)';
export const POSITION_COUNTY_SEAT = 'seat of the county-seat township (AMap centre, GCJ-02→WGS84)';
export const POSITION_RULE_TOWNSHIP = 'seat of the township a hand-checked rule gives (AMap centre, GCJ-02→WGS84)';

const CITY_PREFIX: Record<string, string> = { '350500': 'qz', '350200': 'xm' };

export interface RosterOutcome {
  row: number;
  name: string;
  city: string;
  /** County adcode the name or a rule gives, or null. */
  county: string | null;
  /** `facility`: the row is (or merged into) the spec with id `facility`; whether it got a point is the spec's placing. */
  outcome: 'facility' | 'duplicate' | 'unplaced';
  facility?: string;
  /** True when the row named a facility a planning document already holds. */
  merged?: boolean;
  duplicateOf?: number;
  reason?: string;
}

export interface RosterInput {
  rows: readonly RosterRow[];
  /** Every township of the region's counties. */
  townships: readonly Township[];
  counties: readonly CountyName[];
  /** The county-seat township of each county (the zone holding the county's AMap centre). */
  countySeats: ReadonlyMap<string, string>;
  /** The documented facilities; rows that name one merge into it (the specs are updated in place). */
  documented: FacilitySpec[];
}

/** Basis of a roster row no document names: assumed for county/city general hospitals and 中心卫生院, else candidate. */
export function rosterBasis(county: string, name: string, rest: string): Exclude<FacilityBasis, 'documented'> {
  if (DOCUMENTED_NETWORK_COUNTIES.has(county)) return 'candidate';
  if (/中心卫生院/.test(name)) return 'assumed';
  return COUNTY_HOSPITAL_NAMES.has(bare(rest)) ? 'assumed' : 'candidate';
}

const bare = (text: string) => text.replace(/[（(][^）)]*[）)]/g, '');
const cityOf = (county: string) => `${county.slice(0, 4)}00`;

interface Placed {
  township: Township;
  positionSource: string;
  /** The word of the name that names the place; a documented facility merges only if its name holds it. */
  placeWord: string;
}

/** The township of a row, or the reason it has none. Throws where a name is ambiguous or a rule wrong, so a person looks. */
function placeRow(row: RosterRow, county: string, rest: string, byCode: ReadonlyMap<string, Township>, input: RosterInput): Placed | string {
  const rule = ROSTER_RULES[row.name];
  const own = input.townships.filter((t) => t.county === county);
  const at = (code: string, positionSource: string, placeWord: string): Placed => {
    const township = byCode.get(code);
    if (!township || township.county !== county) throw new Error(`roster row ${row.row} ${row.name}: township ${code} is not in county ${county}`);
    return { township, positionSource, placeWord };
  };
  const countySeat = () => at(input.countySeats.get(county)!, POSITION_COUNTY_SEAT, `${input.counties.find((c) => c.adcode === county)!.name}${bare(rest)}`);
  if (rule?.township) {
    const t = at(rule.township.code, POSITION_RULE_TOWNSHIP, rule.placeWord ?? '');
    if (!t.township.name.startsWith(rule.township.name)) throw new Error(`roster rule for ${row.name}: township ${rule.township.code} is ${t.township.name}, not ${rule.township.name}`);
    if (!rule.placeWord) t.placeWord = townshipWord(t.township);
    return t;
  }
  if (rule?.countySeat) return countySeat();
  const hits = townshipsInName(rest, own);
  if (hits.length > 1) throw new Error(`roster row ${row.row} ${row.name}: names ${hits.map((t) => t.name).join(' and ')}; add a rule to roster-rules.ts`);
  if (hits.length === 1) return at(hits[0].code, POSITION_NAMED_TOWNSHIP, townshipWord(hits[0]));
  if (COUNTY_LEVEL_NAMES.has(bare(rest))) return countySeat();
  return 'the name gives no township, and it is not a county-level public institution (those stand in the county seat)';
}

/** Ids `<qz|xm>-<township>-<category>`, with -2, -3… by name where a township has more than one of a category. */
function assignIds(specs: (Omit<FacilitySpec, 'id'> & { city: string })[]): FacilitySpec[] {
  const groups = new Map<string, typeof specs>();
  for (const s of specs) {
    const base = `${CITY_PREFIX[s.city]}-${s.township}-${s.category}`;
    groups.set(base, [...(groups.get(base) ?? []), s]);
  }
  const out: FacilitySpec[] = [];
  for (const [base, group] of groups) {
    group.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    group.forEach(({ city: _city, ...s }, i) => out.push({ id: i === 0 ? base : `${base}-${i + 1}`, ...s }));
  }
  return out;
}

/**
 * Reads every roster row. Returns the new specs (to place with
 * placeFacilities) and one outcome per row; `documented` specs that a row
 * names gain its row number (and, where the document gave no name, the roster's).
 */
export function rosterFacilities(input: RosterInput): { specs: FacilitySpec[]; outcomes: RosterOutcome[] } {
  const byCode = new Map(input.townships.map((t) => [t.code, t]));
  const firstRow = new Map<string, number>();
  const mergedInto = new Map<string, number>();
  const outcomes: RosterOutcome[] = [];
  const fresh: (Omit<FacilitySpec, 'id'> & { city: string; row: number })[] = [];
  for (const row of input.rows) {
    const rule = ROSTER_RULES[row.name];
    const read = countyOfName(row.name, input.counties);
    const county = rule?.county ?? read.county;
    const base = { row: row.row, name: row.name, city: row.city, county };
    const earlier = firstRow.get(row.name);
    if (earlier !== undefined) {
      outcomes.push({ ...base, outcome: 'duplicate', duplicateOf: earlier });
      continue;
    }
    firstRow.set(row.name, row.row);
    if (rule?.unplaced) {
      outcomes.push({ ...base, outcome: 'unplaced', reason: rule.unplaced });
      continue;
    }
    if (!county) throw new Error(`roster row ${row.row} ${row.name}: no county in the name and no rule in roster-rules.ts`);
    if (cityOf(county) !== row.city) throw new Error(`roster row ${row.row} ${row.name}: county ${county} is not in city ${row.city}`);
    const placed = placeRow(row, county, read.rest, byCode, input);
    if (typeof placed === 'string') {
      outcomes.push({ ...base, outcome: 'unplaced', reason: placed });
      continue;
    }
    const category: FacilityCategory = rule?.category ?? categoryOf(row.name);
    const match = input.documented.filter((d) => d.township === placed.township.code && d.category === category && placed.placeWord !== '' && d.name.includes(placed.placeWord));
    if (match.length > 1) throw new Error(`roster row ${row.row} ${row.name} matches ${match.map((d) => d.id).join(', ')}`);
    if (match.length === 1) {
      const doc = match[0];
      if (mergedInto.has(doc.id)) throw new Error(`roster rows ${mergedInto.get(doc.id)} and ${row.row} both name ${doc.id}`);
      mergedInto.set(doc.id, row.row);
      doc.rosterRows = [...(doc.rosterRows ?? []), row.row];
      if (doc.rosterNames) {
        // the document does not name this one: the roster's name and row replace the assumed ones
        doc.name = read.rest;
        doc.source = `${ROSTER_SOURCE} row ${row.row}`;
      }
      outcomes.push({ ...base, outcome: 'facility', facility: doc.id, merged: true });
      continue;
    }
    const basis = rule?.basis ?? rosterBasis(county, row.name, read.rest);
    fresh.push({
      row: row.row,
      city: row.city,
      name: row.name,
      kind: category === 'hc' || category === 'chc' ? 'health-centre' : 'hospital',
      status: basis === 'assumed' ? 'existing' : 'disabled',
      basis,
      category,
      township: placed.township.code,
      townshipName: placed.township.name,
      source: `${ROSTER_SOURCE} row ${row.row}`,
      note: basis === 'assumed' ? ROSTER_ASSUMED_NOTE : DOCUMENTED_NETWORK_COUNTIES.has(county) ? YC_HC_NOTE : ROSTER_CANDIDATE_NOTE,
      positionSource: placed.positionSource,
      rosterRows: [row.row],
    });
    outcomes.push({ ...base, outcome: 'facility' });
  }
  const specs = assignIds(fresh.map(({ row: _row, ...s }) => s));
  const idOfRow = new Map(specs.map((s) => [s.rosterRows![0], s.id]));
  for (const o of outcomes) if (o.outcome === 'facility' && !o.facility) o.facility = idOfRow.get(o.row);
  return { specs, outcomes };
}
