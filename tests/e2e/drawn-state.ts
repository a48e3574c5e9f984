/**
 * What MapLibre draws for every cell and parent hexagon of the region on
 * screen (feature-state, or the layer's baseline), beside the current
 * result's per-cell arrays, and how many of them disagree (the consistency
 * and revisit tests); and a region switch that waits for its current result.
 */
import type { Page } from 'playwright-core';
import { h3HalvesOf } from '../../src/core/h3-bits.ts';
import { parentIndex, parentStatus } from '../../src/map/parent-status.ts';
import { waitCurrent, waitMapIdle } from './helpers.ts';

/** Picks a region in the header and waits until its figures are current and the map is idle. */
export async function switchRegion(page: Page, id: string, timeout = 120_000): Promise<void> {
  await page.getByTestId('region-select').selectOption(id);
  await page.locator(`[data-testid="results-panel"][data-ready="true"]`).waitFor({ timeout });
  await waitCurrent(page, timeout);
  await waitMapIdle(page, timeout);
}

export interface DrawnCheck {
  cells: number;
  wrongCells: number;
  wrongParents: number;
  status: number[];
  /** Population of the cells drawn marginal (orange). */
  drawnMarginal: number;
}

export async function checkDrawn(page: Page): Promise<DrawnCheck> {
  const d = await page.evaluate(() => {
    type S = { dataset: { h3: string[]; population: Float64Array }; result: { status: Uint8Array; withinCircle: Uint8Array } };
    const w = window as unknown as {
      __emsState: () => S;
      __emsMap: { getFeatureState(f: { source: string; id: number }): { s?: number } };
      __emsMapStats: { baseline: { cells: number; parents: number } | null };
    };
    const { dataset, result } = w.__emsState();
    const base = w.__emsMapStats.baseline!;
    const drawnCells: number[] = [];
    for (let i = 0; i < dataset.h3.length; i++) drawnCells.push(w.__emsMap.getFeatureState({ source: 'cells', id: i }).s ?? base.cells);
    const drawnParents: number[] = [];
    for (let p = 0; p < 20_000; p++) drawnParents.push(w.__emsMap.getFeatureState({ source: 'cells-parent', id: p }).s ?? base.parents);
    return { h3: dataset.h3, population: Array.from(dataset.population), status: Array.from(result.status), within: Array.from(result.withinCircle), drawnCells, drawnParents };
  });
  const index = parentIndex(h3HalvesOf(d.h3));
  const parents = parentStatus(Uint8Array.from(d.status), Uint8Array.from(d.within), Float64Array.from(d.population), index.parentOf, index.count, index.children);
  let wrongParents = 0;
  for (let p = 0; p < index.count; p++) if (d.drawnParents[p] !== parents.status[p]) wrongParents++;
  const drawnMarginal = d.drawnCells.reduce((sum, s, i) => sum + (s === 1 ? d.population[i] : 0), 0);
  return { cells: d.h3.length, wrongCells: d.status.filter((s, i) => d.drawnCells[i] !== s).length, wrongParents, status: d.status, drawnMarginal };
}
