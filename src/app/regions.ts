/** The regions the app can open: each Quanzhou county of the demo data, or the whole city. */
import meta from '../../data/meta.json';

export interface Region {
  id: string;
  name: string;
  counties: string[];
  population: number;
}

interface MetaCounty {
  adcode: string;
  name: string;
  population2020: number;
}

const counties = (meta as { counties: MetaCounty[] }).counties;

export const QUANZHOU_ID = '350500';

export const REGIONS: Region[] = [
  ...counties.map((c) => ({ id: c.adcode, name: c.name, counties: [c.adcode], population: c.population2020 })),
  { id: QUANZHOU_ID, name: '泉州市', counties: counties.map((c) => c.adcode), population: counties.reduce((s, c) => s + c.population2020, 0) },
];

export function regionById(id: string): Region {
  const region = REGIONS.find((r) => r.id === id);
  if (!region) throw new Error(`Unknown region ${id}.`);
  return region;
}
