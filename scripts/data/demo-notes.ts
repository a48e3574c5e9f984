/**
 * What the demo data are, in the words every report and export repeats (the
 * packs carry them as their notes), and the attribution its maps show.
 */
import type { RegionNotes } from '../../src/io/region/types.ts';

export const DEMO_NOTES: Omit<RegionNotes, 'extra'> = {
  population: 'Population is MODELLED from census totals and WorldPop 2020 (10 km) (census 2020 county totals exact; inside each county WorldPop (www.worldpop.org, CC BY 4.0) and township structure), not a census grid.',
  zones: 'Township zones are APPROXIMATE (Voronoi of township seats clipped to the county outline).',
  facilities: 'Facility positions are APPROXIMATE (township seats), not surveyed addresses.',
};

export const DEMO_ATTRIBUTION = 'Boundaries and admin divisions: Vonng/adcode (AMap fences 2016), CC BY 4.0. Population: 2020 census county totals, distributed with WorldPop 2020 (www.worldpop.org), CC BY 4.0: modelled.';
