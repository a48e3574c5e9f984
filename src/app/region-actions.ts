/**
 * What the region dialog does: build a region from the user's files, open a
 * region pack (chosen, dropped, or named by ?pack=URL), and save the open
 * region as a pack. Opening goes through the worker's one region loader.
 */
import type { AreaTypeChoice } from '../io/region/from-files.ts';
import type { Crs } from '../io/crs.ts';
import type { PopulationFormat } from '../io/region/population-file.ts';
import { openOwnRegion, regionPackBytes } from './actions.ts';
import { currentRegion } from './regions.ts';
import { getState, setState } from './store.ts';

export const openRegionDialog = () => setState({ newRegionOpen: true, importOpen: false });
export const closeRegionDialog = () => setState({ newRegionOpen: false });

export interface NewRegionForm {
  name: string;
  zones: File;
  zonesCrs: Crs;
  areaType: AreaTypeChoice;
  population: File;
  populationFormat: PopulationFormat;
  populationCrs: Crs;
  facilities: File | null;
  facilitiesCrs: Crs;
  resolution: number;
}

/** Builds a region from the form's files and opens it; the region on screen stays if that fails. */
export function buildRegion(form: NewRegionForm): Promise<boolean> {
  return openOwnRegion({
    kind: 'files',
    files: {
      zones: { file: form.zones, name: form.zones.name },
      population: { file: form.population, name: form.population.name },
      ...(form.facilities ? { facilities: { file: form.facilities, name: form.facilities.name } } : {}),
      options: {
        ...(form.name.trim() ? { name: form.name.trim() } : {}),
        resolution: form.resolution,
        zones: { crs: form.zonesCrs, areaType: form.areaType },
        population: { format: form.populationFormat, crs: form.populationCrs },
        facilities: { crs: form.facilitiesCrs },
      },
    },
  });
}

/** Opens a region pack file. */
export function openPackFile(file: File): Promise<boolean> {
  return openOwnRegion({ kind: 'pack-file', pack: { file, name: file.name } });
}

/** Opens the region pack at a URL (the ?pack= parameter of the address). */
export function openPackUrl(url: string): Promise<boolean> {
  const name = decodeURIComponent(url.replace(/[?#].*$/, '').split('/').pop() || 'region.region.zip');
  return openOwnRegion({ kind: 'pack-url', url, name });
}

/** The file name a region is saved under: "<name>.region.zip". */
export const packFileName = (regionName: string) => `${regionName.replace(/[\\/:*?"<>|]+/g, '_') || 'region'}.region.zip`;

/** The open region as a pack file, for download. */
export async function savePackFile(): Promise<{ blob: Blob; name: string }> {
  const bytes = await regionPackBytes();
  return { blob: new Blob([bytes as BlobPart], { type: 'application/zip' }), name: packFileName(currentRegion(getState()).name) };
}
