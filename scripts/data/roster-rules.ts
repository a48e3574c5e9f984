/**
 * Hand-checked rules for roster names the automatic reading cannot place:
 * city hospitals (no county in the name), 台商投资区 towns, Xiamen's
 * hospitals, names that give a village rather than a township, and the rows
 * left unplaced on purpose. Each rule says why; a rule naming a township is
 * checked against the admin data by the build.
 */
import type { FacilityBasis, FacilityCategory } from './facilities.ts';

export interface RosterRule {
  /** County adcode, when the name does not start with the county. */
  county?: string;
  /** The township, when the name gives none (or only a village): code and the start of its admin name. */
  township?: { code: string; name: string };
  /** Place at the county (district) seat township. */
  countySeat?: true;
  /** The word of the name that names the place (a village): a documented facility of the township merges only if its name holds it. */
  placeWord?: string;
  category?: FacilityCategory;
  /** Overrides the rule of rosterBasis (e.g. a city hospital taken as a 120 point). */
  basis?: Exclude<FacilityBasis, 'documented'>;
  /** Not placed, and why (listed in meta.json and the build notes). */
  unplaced?: string;
}

const SIMING = '350203';
const HAICANG = '350205';
const HULI = '350206';
const JIMEI = '350211';
const TONGAN = '350212';
const XIANGAN = '350213';
const LICHENG = '350502';
const FENGZE = '350503';
const HUIAN = '350521';

/** Rules by the roster's exact name. */
export const ROSTER_RULES: Readonly<Record<string, RosterRule>> = {
  // Quanzhou city hospitals: the name gives no county, so the district is hand-checked.
  // 福建医科大学附属第二医院: main campus on 中山北路 in the old town of 鲤城区.
  福建医大附属第二医院: { county: LICHENG, countySeat: true, category: 'hosp', basis: 'assumed' },
  // 泉州市第一医院 东街院区: 东街 is the old town's main street, 鲤城区.
  泉州市第一医院东街院区: { county: LICHENG, countySeat: true, category: 'hosp', basis: 'assumed' },
  // 城东院区: the campus in 丰泽区 城东街道, which its name gives.
  泉州市第一医院城东院区: { county: FENGZE, township: { code: '350503006000', name: '城东街道' }, category: 'hosp', basis: 'assumed' },
  // PLA 910 hospital: 津淮街, 丰泽区.
  第910医院: { county: FENGZE, countySeat: true, category: 'hosp', basis: 'assumed' },
  // 泉州市中医院: 笋江路, 鲤城区.
  泉州市中医院: { county: LICHENG, countySeat: true, category: 'tcm', basis: 'assumed' },
  // the hospital describes itself only as "in the city centre", which spans 鲤城区 and 丰泽区
  泉州医高专附属人民医院: { unplaced: 'district not known: the hospital says only "city centre" (鲤城区 or 丰泽区)' },
  泉州市儿童医院: { unplaced: 'district not known' },
  // 光前医院 was founded in 南安 梅山镇, 李光前's home town; it is not in 泉州 city centre.
  泉州市光前医院: { county: '350583', township: { code: '350583112000', name: '梅山镇' }, category: 'hosp', basis: 'assumed' },
  // 泉州市正骨医院: 新华路, 鲤城区 (a specialist hospital, so a candidate).
  泉州市正骨医院: { county: LICHENG, countySeat: true, category: 'spec' },
  // 泉州台商投资区 is four towns of 惠安县 in the admin data (洛阳, 东园, 张坂, 百崎); its hospital's town is not in the name.
  泉州台商投资区医院: { county: HUIAN, unplaced: '台商投资区 spans four towns of 惠安县; the name gives none' },
  // the 台商投资区 towns' health centres: the roster omits the county; the towns are 惠安县's in the admin data
  东园镇中心卫生院: { county: HUIAN },
  洛阳镇卫生院: { county: HUIAN },
  张坂镇卫生院: { county: HUIAN },
  百崎回族乡卫生院: { county: HUIAN },
  // private hospitals whose names give neither county nor town
  弘润医院: { unplaced: 'private hospital; the name gives neither county nor town' },
  泰和医院: { unplaced: 'private hospital; the name gives neither county nor town' },
  泉州滨海医院: { unplaced: 'private hospital; the name gives neither county nor town' },
  泉州德诚医院: { unplaced: 'private hospital; the name gives neither county nor town' },
  // an enterprise (coal group) hospital at the 天湖山 mine; 天湖山 is no township or village of the admin data
  '福建省福能集团总医院福能（天湖山）医院': { unplaced: 'enterprise hospital of the 天湖山 mine; no township of that name' },
  // 英墩 is a village of 晋江 永和镇 (英墩村委会 350582111203); the Jinjiang plan merges 永和镇卫生院 into this hospital
  晋江市英墩华侨医院: { township: { code: '350582111000', name: '永和镇' }, placeWord: '英墩', category: 'hosp' },
  // 夹际 is a village of 永春 仙夹镇 (夹际村委会 350525117201), a second health centre beside 仙夹卫生院
  永春县夹际卫生院: { township: { code: '350525117000', name: '仙夹镇' }, placeWord: '夹际', category: 'hc' },
  // 城关 means "the county town": 安溪's is 凤城镇
  安溪县城关卫生服务中心: { countySeat: true, category: 'chc' },

  // Xiamen: no name gives its district except 同安, 海沧 and 翔安, so each is hand-checked.
  // public general hospitals (taken as 120 points), at their district's seat township
  厦门大学附属第一医院: { county: SIMING, countySeat: true, category: 'hosp', basis: 'assumed' }, // 镇海路, 思明区
  厦门大学附属中山医院: { county: SIMING, countySeat: true, category: 'hosp', basis: 'assumed' }, // 湖滨南路, 思明区
  厦门医学院附属第二医院: { county: JIMEI, countySeat: true, category: 'hosp', basis: 'assumed' }, // 集美区
  厦门市第三医院: { county: TONGAN, countySeat: true, category: 'hosp', basis: 'assumed' }, // 同安区
  厦门市第五医院: { county: XIANGAN, countySeat: true, category: 'hosp', basis: 'assumed' }, // 翔安区
  复旦大学附属中山医院厦门医院: { county: HULI, countySeat: true, category: 'hosp', basis: 'assumed' }, // 五缘湾, 湖里区
  厦门市海沧医院: { county: HAICANG, countySeat: true, category: 'hosp', basis: 'assumed' },
  厦门市中医院: { county: HULI, countySeat: true, category: 'tcm', basis: 'assumed' }, // 仙岳路, 湖里区
  厦门大学附属翔安医院: { county: XIANGAN, countySeat: true, category: 'hosp', basis: 'assumed' },
  厦门市同安区中医医院: { county: TONGAN, countySeat: true, category: 'tcm', basis: 'assumed' },
  // specialist and private hospitals: candidates
  厦门市儿童医院: { county: HULI, countySeat: true, category: 'spec' }, // 宜宾路, 湖里区
  厦门市妇幼保健院: { county: SIMING, countySeat: true, category: 'mch' }, // 镇海路, 思明区
  厦门莲花医院: { county: SIMING, countySeat: true, category: 'spec' }, // private, 莲花 area of 思明区
  厦门长庚医院: { county: HAICANG, township: { code: '350205002000', name: '新阳街道' }, category: 'spec' }, // private, 新阳 industrial zone
  厦门弘爱医院: { county: HULI, countySeat: true, category: 'spec' }, // private, 枋湖, 湖里区
  厦门新开元医院: { unplaced: 'private hospital; district not known' },
  厦门海沧新阳医院: { county: HAICANG, township: { code: '350205002000', name: '新阳街道' }, category: 'spec' }, // private; 新阳 is in its name
  厦门大学医院: { county: SIMING, countySeat: true, category: 'spec' }, // the university's clinic, 思明 campus
  厦门前埔医院: { county: SIMING, township: { code: '350203010000', name: '莲前街道' }, category: 'spec' }, // private; 前埔 is in 莲前街道
};
