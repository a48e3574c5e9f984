/** The raw sources of the build, as meta.json lists them (see data/README.md). */
export const SOURCES = [
  {
    id: 'adcode',
    what: 'county and city outlines (AMap district fences, 2016 snapshot); townships, villages/communities, NBS urban–rural codes, AMap township seat points',
    source: 'Vonng/adcode (GitHub), data/fences/ and data/adcode/, commit b755d6e',
    licence: 'CC BY 4.0',
    crs: 'GCJ-02',
  },
  {
    id: 'census2020',
    what: 'county resident population at the 7th national census (2020-11-01), column POPU',
    source: 'thebamboogrove/tudigong (GitHub), input/population.csv',
    licence: 'figures (facts)',
    crs: null,
  },
  {
    id: 'worldpop',
    what: 'population structure inside each county: WorldPop 2020 (ppp, unconstrained) summed to a 1/12° (~9 km) grid',
    source: 'WorldPop global mosaic ppp_2020_1km_Aggregated, re-aggregated by jgaffuri/worldpop_gridviz (GitHub) pub/v1/10km, commit 8609a79',
    licence: 'CC BY 4.0, "WorldPop (www.worldpop.org)"',
    crs: 'WGS84',
  },
  {
    id: 'roster',
    what: 'names of the public hospitals, township health centres and community health centres of 泉州市 (224 rows) and the hospitals of 厦门市 (19 rows), February 2020; no addresses',
    source: 'hhui64/wuhan2020map (GitHub) src/assets/json/hospital.js, commit fd2a277, compiled from 国家人口健康科学数据中心 and Fujian health commission notices',
    licence: 'repository MIT; the facts are public government notices',
    crs: null,
  },
  {
    id: 'seeds',
    what: 'the 120 centre and stations (existing, planned) and the institutions Jinjiang\'s network stands in for, with kinds and townships',
    source: 'government planning documents in shared/seeds: 001 (永政办〔2024〕44号, Yongchun) and 003 (晋江市“十四五”卫生健康事业发展专项规划, Jinjiang)',
    licence: 'public government documents',
    crs: null,
  },
];
