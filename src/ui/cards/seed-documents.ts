/**
 * The policy documents (and the facility roster) the demo data cites, by the
 * file name the data uses, with the title and number an official can quote.
 * A file name such as `003_04202515baa72f64.txt` is never shown.
 */

export interface SeedDocument {
  file: string;
  /** Chinese title, without book-title marks. */
  title: string;
  /** English rendering of the title. */
  titleEn: string;
  /** Document number (文号), or null when the document has none. */
  number: string | null;
}

export const SEED_DOCUMENTS: readonly SeedDocument[] = [
  { file: '000_6160ce65375a65ff.txt', title: '泉州市进一步完善医疗卫生服务体系实施方案', titleEn: 'Quanzhou plan for further improving the medical and health service system', number: '泉政办〔2024〕15号' },
  { file: '001_f6df7106ce905463.txt', title: '永春县进一步完善医疗卫生服务体系实施方案', titleEn: 'Yongchun County plan for further improving the medical and health service system', number: '永政办〔2024〕44号' },
  {
    file: '002_3016aeea577577c5.txt',
    title: '泉州市泉港区人民政府关于区人大常委会卫生高质量发展专项报告审议意见办理情况的报告',
    titleEn: 'Quangang District report on the People’s Congress review of health development',
    number: '泉港政综〔2025〕33号',
  },
  { file: '003_04202515baa72f64.txt', title: '晋江市“十四五”卫生健康事业发展专项规划', titleEn: 'Jinjiang 14th Five-Year Plan for health development', number: null },
  { file: '004_1aa239fa85f703e1.txt', title: '厦门市进一步完善医疗卫生服务体系实施方案', titleEn: 'Xiamen plan for further improving the medical and health service system', number: '厦府办〔2023〕79号' },
  {
    file: 'fujian_2020_roster_quanzhou_xiamen.csv',
    title: '泉州市、厦门市医疗机构名单（2020年2月，据国家人口健康科学数据中心及福建省卫生健康委员会公告汇编）',
    titleEn: 'Roster of health facilities of Quanzhou and Xiamen (February 2020, compiled from National Population Health Data Center and Fujian health commission notices)',
    number: null,
  },
];

/** A cited source split into its document and the rest (section, lines, quote, remark). */
export interface SourceCitation {
  document: SeedDocument | null;
  /** What follows the document: a section, line or quote; '' when nothing does. */
  detail: string;
}

// the file name, then the data's own "(title, number)" in brackets (one level of nesting), then the detail
const CITATION = /^(\d{3}_[0-9a-f]{16}\.txt|[a-z0-9_]+\.csv)\s*(?:\((?:[^()]|\([^()]*\))*\))?\s*([\s\S]*)$/;

/**
 * Splits a data file's source text into the document it names and the rest.
 * @example citeSource('003_04202515baa72f64.txt (晋江市…) §三(一)2(5) line 394').detail // '§三(一)2(5) line 394'
 */
export function citeSource(source: string): SourceCitation {
  const m = CITATION.exec(source.trim());
  if (!m) return { document: null, detail: source.trim() };
  const document = SEED_DOCUMENTS.find((d) => d.file === m[1]) ?? null;
  return { document, detail: document ? m[2].trim() : source.trim() };
}
