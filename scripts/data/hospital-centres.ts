/**
 * The hospital centres (胸痛、卒中、创伤、危重孕产妇、危重新生儿救治中心) the
 * planning documents name for a demo facility, each with the passage it
 * comes from. Every passage states a plan (设立, 打造, 创建, 加快发展, 力争…通过认证),
 * none a certified centre, so all are planned capabilities: the "before"
 * of the demo has no capable hospital, and says so by counting none.
 * Facilities the documents name but the demo could not place (晋江市医院晋南分院,
 * 003 line 372: the roster gives it no township) carry nothing.
 */
import type { Capability } from '../../src/core/ems/settings.ts';

export interface CentreSpec {
  planned: Capability[];
  /** Document (file and title), section, line and the passage's own words. */
  source: string;
  /** The passage as it stands in the document's line (a test finds it there). */
  quote: string;
}

const QG_DOC = '002_3016aeea577577c5.txt (泉港区卫生高质量发展专项报告审议意见办理情况的报告, 泉港政综〔2025〕33号)';
const JJ_DOC = '003_04202515baa72f64.txt (晋江市“十四五”卫生健康事业发展专项规划)';

const spec = (planned: Capability[], doc: string, where: string, quote: string): CentreSpec => ({ planned, quote, source: `${doc} ${where}: “${quote}”` });

/** By facility id (data/facilities.json). */
export const HOSPITAL_CENTRES: Readonly<Record<string, CentreSpec>> = {
  'qz-350505102000-hosp': spec(['chest-pain'], QG_DOC, '§（二）深化提质强医工程 line 43', '力争2025年泉港区医院胸痛中心通过国家认证'),
  'qz-350582003000-hosp': spec(
    ['chest-pain', 'trauma', 'maternal', 'neonatal'],
    JJ_DOC,
    '§三(一)2(2) line 346',
    '设立晋江市级神经医学中心、胸痛中心、消化中心、危重孕产妇救治中心、危重新生儿救治中心等。配套国家创伤中心',
  ),
  'qz-350582003000-tcm': spec(
    ['chest-pain', 'stroke', 'trauma', 'maternal', 'neonatal'],
    JJ_DOC,
    '§三(一)2(2) line 348',
    '打造标准化、规范化、中西医结合特色明显的创伤医学中心、急危重症医学救治中心、微创介入治疗中心、肿瘤综合治疗中心、动物咬蜇伤救治中心、胸痛中心、卒中中心、危重孕产妇救治中心和危重新生儿救治中心等',
  ),
  'jj-350582101000-hosp': spec(['chest-pain', 'stroke', 'trauma'], JJ_DOC, '§三(一)2(2) line 350', '加快发展急诊医学部（卒中中心、创伤中心、胸痛中心）'),
  'jj-350582104000-hc': spec(
    ['chest-pain', 'stroke', 'trauma', 'maternal', 'neonatal'],
    JJ_DOC,
    '§三(一)2(4) line 380',
    '依托急诊建设创建胸痛中心、创伤中心、卒中中心、危重孕产妇救治中心、危重新生儿救治中心',
  ),
};

/** Gives the named facilities their planned centres and source; throws when an id is not among the facilities, so a renamed id fails the build. */
export function applyHospitalCentres<F extends { id: string; plannedCapabilities?: Capability[]; centresSource?: string }>(facilities: F[]): F[] {
  const ids = new Set(facilities.map((f) => f.id));
  for (const id of Object.keys(HOSPITAL_CENTRES)) if (!ids.has(id)) throw new Error(`hospital-centres.ts names facility ${id}, which the build did not place`);
  return facilities.map((f) => {
    const c = HOSPITAL_CENTRES[f.id];
    return c ? { ...f, plannedCapabilities: [...c.planned], centresSource: c.source } : f;
  });
}
