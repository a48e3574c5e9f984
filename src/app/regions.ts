/** The regions the app can open: each county of the demo data, and each city as the union of its own counties. */
import meta from '../../data/meta.json';

export interface Region {
  id: string;
  name: string;
  counties: string[];
  population: number;
  /** True for a whole city (泉州市, 厦门市). */
  city: boolean;
}

interface MetaCounty {
  adcode: string;
  name: string;
  population2020: number;
}

interface MetaCity {
  adcode: string;
  name: string;
  counties: string[];
}

const { counties, cities } = meta as { counties: MetaCounty[]; cities: MetaCity[] };

export const QUANZHOU_ID = '350500';

const countyRegion = (c: MetaCounty): Region => ({ id: c.adcode, name: c.name, counties: [c.adcode], population: c.population2020, city: false });

/** Quanzhou (the demo's focus) first, then the other cities; each city's counties, then the city. */
export const REGIONS: Region[] = [...cities]
  .sort((a, b) => Number(b.adcode === QUANZHOU_ID) - Number(a.adcode === QUANZHOU_ID))
  .flatMap((city) => {
    const own = counties.filter((c) => city.counties.includes(c.adcode));
    return [
      ...own.map(countyRegion),
      { id: city.adcode, name: city.name, counties: own.map((c) => c.adcode), population: own.reduce((s, c) => s + c.population2020, 0), city: true },
    ];
  });

export function regionById(id: string): Region {
  const region = REGIONS.find((r) => r.id === id);
  if (!region) throw new Error(`Unknown region ${id}.`);
  return region;
}
