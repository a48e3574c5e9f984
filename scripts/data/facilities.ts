/**
 * The facilities the planning documents name (Yongchun, Jinjiang), and the
 * placing of any facility spec at its township's seat (no document or roster
 * publishes an address). The roster's facilities are in roster-facilities.ts.
 */
import type { Capability } from '../../src/core/ems/settings.ts';
import type { Township } from './townships.ts';

export type FacilityKind = 'emergency-centre' | 'sub-centre' | 'station' | 'hospital' | 'health-centre' | 'candidate';
export type FacilityStatus = 'existing' | 'proposed' | 'disabled';
/**
 * Why the facility has its status (the same three words as Station.basis):
 * `documented` — a planning document names it as a 120 centre or station;
 * `assumed` — taken as an existing 120 point by a stated rule, its real site unpublished;
 * `candidate` — not a 120 point; a site the planner may switch on to test.
 */
export type FacilityBasis = 'documented' | 'assumed' | 'candidate';
/**
 * What an institution is, as its name says: general hospital, TCM hospital,
 * maternal and child health hospital, other specialist or private hospital,
 * township health centre (卫生院), community health centre; or a 120 station.
 * A roster row merges only into a documented facility of the same category.
 */
export type FacilityCategory = 'hosp' | 'tcm' | 'mch' | 'spec' | 'hc' | 'chc' | 'station';

/** One row of data/facilities.json. */
export interface Facility {
  id: string;
  name: string;
  kind: FacilityKind;
  status: FacilityStatus;
  basis: FacilityBasis;
  county: string;
  township: string;
  lng: number;
  lat: number;
  positionApproximate: true;
  positionSource: string;
  source: string;
  note: string;
  /** Rows of the 2020 roster that name this facility (empty when only a document names it). */
  rosterRows: number[];
  /** Hospital centres a planning document says the facility will gain (hospital-centres.ts), and that passage. */
  plannedCapabilities?: Capability[];
  centresSource?: string;
}

/** An institution the documents name, not yet placed. */
export interface FacilitySpec {
  id: string;
  name: string;
  kind: FacilityKind;
  status: FacilityStatus;
  basis: FacilityBasis;
  category: FacilityCategory;
  /** 12-digit code of the township the document places it in. */
  township: string;
  /** Start of the township's name in the admin data, checked so a wrong code fails the build. */
  townshipName: string;
  source: string;
  note: string;
  /** How the point was found; POSITION_SOURCE when absent. */
  positionSource?: string;
  rosterRows?: number[];
  /** The document does not name the institution (its name is assumed): a roster row naming it gives the name and the source. */
  rosterNames?: boolean;
}

export const POSITION_SOURCE = 'township seat (AMap centre, GCJ-02→WGS84)';

const YC_DOC = '001_f6df7106ce905463.txt (永春县进一步完善医疗卫生服务体系实施方案, 永政办〔2024〕44号)';
const YC_TASK14 = `${YC_DOC} 二(四) task 14 and annex item 17: “构建安全高效的院前医疗急救网络，结合达埔卫生院新院建设，2025年，完成永春县急救中心达埔急救站、桂洋急救站设置工作”`;
export const YC_HC_NOTE = 'not a 120 station in the Yongchun plan; switch on to test it as one';
/** Health-centre names the Yongchun plan uses; the others follow "<township>卫生院". */
const YC_HC_NAMES: Record<string, string> = {
  '350525104000': '蓬壶中心卫生院',
  '350525105000': '达埔卫生院',
};
const YC_SUB_CENTRES = new Set(['350525104000', '350525105000']);
const YC_COUNTY_SEAT_TOWN = '350525100000';

/** Yongchun: the county emergency centre, the two planned stations and one health centre per township. */
export function yongchunSpecs(townships: readonly Township[]): FacilitySpec[] {
  const specs: FacilitySpec[] = [
    {
      id: 'yc-ems-centre',
      name: '永春县医院（县急救中心）',
      kind: 'emergency-centre',
      status: 'existing',
      basis: 'documented',
      category: 'hosp',
      township: YC_COUNTY_SEAT_TOWN,
      townshipName: '桃城镇',
      source: `${YC_DOC} task 14 names 永春县急救中心 and tasks 1, 7 永春县医院; the siting of the centre at 永春县医院 in 桃城镇 (the county seat) comes from the project issue, not from the document`,
      note: 'county emergency (120) centre at the county hospital; point is the 桃城镇 seat, not the hospital address',
    },
    {
      id: 'yc-dapu',
      name: '达埔急救站',
      kind: 'station',
      status: 'proposed',
      basis: 'documented',
      category: 'station',
      township: '350525105000',
      townshipName: '达埔镇',
      source: YC_TASK14,
      note: 'to be set up by 2025 together with the new 达埔卫生院 campus, whose site is not published',
    },
    {
      id: 'yc-guiyang',
      name: '桂洋急救站',
      kind: 'station',
      status: 'proposed',
      basis: 'documented',
      category: 'station',
      township: '350525115000',
      townshipName: '桂洋镇',
      source: YC_TASK14,
      note: 'to be set up by 2025; site not published',
    },
  ];
  for (const t of townships) {
    if (t.county !== '350525' || t.code === YC_COUNTY_SEAT_TOWN) continue;
    const named = YC_HC_NAMES[t.code];
    specs.push({
      id: `yc-hc-${t.code}`,
      name: named ?? `${t.name}卫生院`,
      kind: 'health-centre',
      status: 'disabled',
      basis: 'candidate',
      category: 'hc',
      township: t.code,
      townshipName: t.name,
      source: named
        ? `${YC_DOC} tasks 1, 9: “争取建成蓬壶中心卫生院、达埔卫生院等2个县域医疗次中心”`
        : `${YC_DOC} task 9 (乡、村两级基层医疗卫生机构标准化建设); the plan does not list health centres by township — one per township is assumed (standard township health-centre provision)`,
      note: YC_SUB_CENTRES.has(t.code) ? `${YC_HC_NOTE}; planned county medical sub-centre (县域医疗次中心)` : YC_HC_NOTE,
      ...(named ? {} : { rosterNames: true }),
    });
  }
  return specs;
}

const JJ_DOC = '003_04202515baa72f64.txt (晋江市“十四五”卫生健康事业发展专项规划)';
const JJ_NOTE =
  "assumed 120 point: Jinjiang's 2020 network (1 emergency centre, 4 sub-centres, 11 stations; 003 §一) sites are not published; the demo stands in its named institutions at township seats";

/** [short id (= category), name, kind, township code, township name prefix, section, line] of each Jinjiang institution. */
const JJ_TABLE: ['hosp' | 'hc' | 'chc', string, FacilityKind, string, string, string, number][] = [
  ['hosp', '晋江市安海医院（第二医院）', 'hospital', '350582101000', '安海镇', '三(一)2(2)', 350],
  ['hosp', '英墩华侨医院', 'hospital', '350582111000', '永和镇', '三(一)2(4)', 374],
  ['chc', '青阳街道社区卫生服务中心', 'health-centre', '350582001000', '青阳街道', '三(一)2(5)', 394],
  ['chc', '梅岭街道社区卫生服务中心', 'health-centre', '350582002000', '梅岭街道', '三(一)2(5)', 396],
  ['chc', '西园街道社区卫生服务中心', 'health-centre', '350582003000', '西园街道', '三(一)2(5)', 410],
  ['chc', '罗山街道社区卫生服务中心', 'health-centre', '350582004000', '罗山街道', '三(一)2(5)', 398],
  ['chc', '新塘街道社区卫生服务中心', 'health-centre', '350582005000', '新塘街道', '三(一)2(5)', 400],
  ['chc', '灵源街道社区卫生服务中心', 'health-centre', '350582006000', '灵源街道', '三(一)2(5)', 415],
  ['hc', '安海镇卫生院', 'health-centre', '350582101000', '安海镇', '三(一)2(5)', 414],
  ['hc', '磁灶中心卫生院', 'health-centre', '350582102000', '磁灶镇', '三(一)2(4)', 378],
  ['hc', '陈埭中心卫生院', 'health-centre', '350582103000', '陈埭镇', '三(一)2(4)', 376],
  ['hc', '东石中心卫生院', 'health-centre', '350582104000', '东石镇', '三(一)2(4)', 380],
  ['hc', '深沪镇卫生院', 'health-centre', '350582105000', '深沪镇', '三(一)2(5)', 392],
  ['hc', '金井中心卫生院', 'health-centre', '350582106000', '金井镇', '三(一)2(5)', 386],
  ['hc', '池店镇卫生院', 'health-centre', '350582107000', '池店镇', '三(一)2(5)', 404],
  ['hc', '内坑镇卫生院', 'health-centre', '350582109000', '内坑镇', '三(一)2(5)', 412],
  ['hc', '永和镇卫生院', 'health-centre', '350582111000', '永和镇', '三(一)2(5)', 390],
  ['hc', '英林镇中心卫生院', 'health-centre', '350582112000', '英林镇', '三(一)2(5)', 388],
  ['hc', '紫帽镇卫生院', 'health-centre', '350582113000', '紫帽镇', '三(一)2(5)', 406],
  ['hc', '西滨镇卫生院', 'health-centre', '350582114000', '西滨镇', '三(一)2(5)', 408],
  ['chc', '经济开发区社区卫生服务中心', 'health-centre', '350582401000', '晋江市经济开发区', '三(一)2(5)', 402],
];

/** Jinjiang: the institutions of 003 §三 whose township the document (or, for 英墩, the admin data) makes clear. */
export function jinjiangSpecs(): FacilitySpec[] {
  return JJ_TABLE.map(([short, name, kind, township, townshipName, section, line]) => ({
    id: `jj-${township}-${short}`,
    name,
    kind,
    status: 'existing',
    basis: 'assumed',
    category: short,
    township,
    townshipName,
    source:
      short === 'hosp' && township === '350582111000'
        ? `${JJ_DOC} §${section} line ${line} and line 390 (永和镇卫生院 merged into 英墩华侨医院); 英墩 is a village of 永和镇 (admin 350582111203 英墩村委会)`
        : `${JJ_DOC} §${section} line ${line}`,
    note: JJ_NOTE,
  }));
}

/**
 * Places specs at their township seats. Specs whose township has no seat are
 * returned in `unplaced`; a spec naming an unknown township, or a township
 * whose name does not start as expected, fails the build.
 */
export function placeFacilities(
  specs: readonly FacilitySpec[],
  townships: ReadonlyMap<string, Township>,
): { facilities: Facility[]; unplaced: FacilitySpec[] } {
  const facilities: Facility[] = [];
  const unplaced: FacilitySpec[] = [];
  const ids = new Set<string>();
  for (const s of specs) {
    if (ids.has(s.id)) throw new Error(`Facility id ${s.id} appears twice`);
    ids.add(s.id);
    const t = townships.get(s.township);
    if (!t) throw new Error(`Facility ${s.id}: township ${s.township} is not in the admin data`);
    if (!t.name.startsWith(s.townshipName)) throw new Error(`Facility ${s.id}: township ${s.township} is ${t.name}, expected ${s.townshipName}`);
    if (!t.seat) {
      unplaced.push(s);
      continue;
    }
    facilities.push({
      id: s.id,
      name: s.name,
      kind: s.kind,
      status: s.status,
      basis: s.basis,
      county: t.county,
      township: t.code,
      lng: t.seat[0],
      lat: t.seat[1],
      positionApproximate: true,
      positionSource: s.positionSource ?? POSITION_SOURCE,
      source: s.source,
      note: s.note,
      rosterRows: s.rosterRows ?? [],
    });
  }
  facilities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { facilities, unplaced };
}
