/**
 * What MapLibre draws for every cell and parent hexagon of the region on
 * screen (feature-state, or the layer's baseline), beside the current
 * result's per-cell arrays, and how many of them disagree. The same reading
 * as consistency.test.ts's drawnState, shared for the revisit test.
 */
import type { Page } from 'playwright-core';
import { parentIndex, parentStatus } from '../../src/map/parent-status.ts';

export interface DrawnCheck {
  cells: number;
  wrongCells: number;
  wrongParents: number;
  status: number[];
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
  const index = parentIndex(d.h3);
  const parents = parentStatus(Uint8Array.from(d.status), Uint8Array.from(d.within), Float64Array.from(d.population), index.parentOf, index.count, index.children);
  let wrongParents = 0;
  for (let p = 0; p < index.count; p++) if (d.drawnParents[p] !== parents.status[p]) wrongParents++;
  return { cells: d.h3.length, wrongCells: d.status.filter((s, i) => d.drawnCells[i] !== s).length, wrongParents, status: d.status };
}
