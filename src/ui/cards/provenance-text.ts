/**
 * The demo data's English provenance texts (a source's section and remark, a
 * note, a position source) matched to message keys, so each reads in the UI
 * language. Text nothing matches (a user's own file) is shown as written.
 */
import type { Station } from '../../core/types.ts';

export interface Phrase {
  key: string;
  params: Record<string, string>;
}

interface Rule {
  match: RegExp;
  key: string;
  params?: (m: RegExpExecArray) => Record<string, string>;
}

const read = (rules: readonly Rule[], text: string): Phrase | null => {
  for (const rule of rules) {
    const m = rule.match.exec(text.trim());
    if (m) return { key: rule.key, params: rule.params?.(m) ?? {} };
  }
  return null;
};

/** Details after the document in the demo's sources. */
const DETAIL_RULES: readonly Rule[] = [
  { match: /^§(\S+) line (\d+)$/, key: 'cards.src.sectionLine', params: (m) => ({ section: m[1], line: m[2] }) },
  { match: /^§(\S+) line (\d+): (“[^”]+”)$/, key: 'cards.src.sectionLineQuote', params: (m) => ({ section: m[1], line: m[2], quote: m[3] }) },
  {
    match: /^§(\S+) line (\d+) and line (\d+) \(永和镇卫生院 merged into 英墩华侨医院\)/,
    key: 'cards.src.jjYingdun',
    params: (m) => ({ section: m[1], line: m[2], line2: m[3] }),
  },
  { match: /^二\(四\) task 14 and annex item 17: (“[\s\S]+”)$/, key: 'cards.src.ycTask14', params: (m) => ({ quote: m[1] }) },
  { match: /^tasks 1, 9: (“[\s\S]+”)$/, key: 'cards.src.ycTasks1and9', params: (m) => ({ quote: m[1] }) },
  { match: /^task 9 \(乡、村两级基层医疗卫生机构标准化建设\); the plan does not list health centres by township/, key: 'cards.src.ycTask9' },
  { match: /^task 14 names 永春县急救中心 and tasks 1, 7 永春县医院; the siting of the centre at 永春县医院/, key: 'cards.src.ycCentre' },
  { match: /^row (\d+)$/, key: 'cards.src.rosterRow', params: (m) => ({ row: m[1] }) },
];

/** Notes of the demo's facilities. */
const NOTE_RULES: readonly Rule[] = [
  { match: /^assumed 120 point: Jinjiang's 2020 network/, key: 'cards.note.jjAssumed' },
  { match: /^assumed 120 point: a public general hospital or central health centre \(中心卫生院\) of the 2020 roster/, key: 'cards.note.rosterAssumed' },
  { match: /^candidate: in the 2020 roster but not taken as a 120 point/, key: 'cards.note.rosterCandidate' },
  { match: /^not a 120 station in the Yongchun plan; switch on to test it as one; planned county medical sub-centre/, key: 'cards.note.ycSubCentre' },
  { match: /^not a 120 station in the Yongchun plan; switch on to test it as one$/, key: 'cards.note.ycHealthCentre' },
  { match: /^to be set up by 2025 together with the new 达埔卫生院 campus, whose site is not published$/, key: 'cards.note.ycDapu' },
  { match: /^to be set up by 2025; site not published$/, key: 'cards.note.ycGuiyang' },
  { match: /^county emergency \(120\) centre at the county hospital; point is the 桃城镇 seat/, key: 'cards.note.ycCentre' },
];

const POSITION_RULES: readonly Rule[] = [
  { match: /^township seat \(AMap centre, GCJ-02→WGS84\)$/, key: 'cards.position.seatAmap' },
  { match: /^seat of the township its name contains \(AMap centre, GCJ-02→WGS84\)$/, key: 'cards.position.seatNamed' },
  { match: /^seat of the county-seat township \(AMap centre, GCJ-02→WGS84\)$/, key: 'cards.position.seatCounty' },
  { match: /^seat of the township a hand-checked rule gives \(AMap centre, GCJ-02→WGS84\)$/, key: 'cards.position.seatRule' },
];

/** The message of a source's detail, or null when it is not one of the demo's. */
export const detailPhrase = (detail: string): Phrase | null => read(DETAIL_RULES, detail);

/** The message of a note, or null when it is not one of the demo's. */
export const notePhrase = (note: string): Phrase | null => read(NOTE_RULES, note);

/** The message of a position source, or null when it is not one of the demo's. */
export const positionPhrase = (text: string): Phrase | null => read(POSITION_RULES, text);

/** True when the data takes the facility as a 120 point whose real site is not published (its `basis`, not its note). */
export function isAssumedPoint(station: Pick<Station, 'basis'>): boolean {
  return station.basis === 'assumed';
}
