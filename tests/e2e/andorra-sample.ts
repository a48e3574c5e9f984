/**
 * The Andorra sample (data/samples/andorra) as the road e2e tests open it:
 * a new region from its outline, synthetic population and hospitals through
 * 新建区域, and its OpenStreetMap extract chosen in 导入数据 → 路网.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers/cli.ts';
import { waitCurrent } from './helpers.ts';

const SAMPLE = path.join(ROOT, 'data/samples/andorra');

export const ANDORRA_FILES = {
  zones: path.join(SAMPLE, 'outline.geojson'),
  population: path.join(SAMPLE, 'population-synthetic.csv'),
  facilities: path.join(SAMPLE, 'stations.csv'),
  roads: path.join(SAMPLE, 'andorra-latest.osm.pbf'),
};

/** Builds the sample region in the new-region dialog and waits for its current figures (the dialog stays open). */
export async function buildAndorraRegion(page: Page): Promise<void> {
  await page.getByTestId('region-open').click();
  await page.getByTestId('region-dialog').waitFor();
  await page.getByTestId('region-zones').setInputFiles(ANDORRA_FILES.zones);
  await page.getByTestId('region-population').setInputFiles(ANDORRA_FILES.population);
  await page.getByTestId('region-facilities').setInputFiles(ANDORRA_FILES.facilities);
  await page.getByTestId('region-build').click();
  await page.locator('[data-testid="region-outcome"][data-outcome="done"]').waitFor({ timeout: 120_000 });
  await waitCurrent(page, 120_000);
}

/** Chooses the sample's road file in the import dialog's road tab and waits for its summary (the dialog stays open). */
export async function chooseAndorraRoads(page: Page): Promise<void> {
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-tab-roads').click();
  await page.getByTestId('road-file').setInputFiles(ANDORRA_FILES.roads);
  await page.getByTestId('road-summary').waitFor({ timeout: 120_000 });
}
