/**
 * During a drag the last full result's gap outlines stay, faded by a
 * feature-state on each outline (not a paint property: that costs frames of
 * its own); a full result draws new outlines at full strength. A recording
 * fake map counts every call.
 */
import { describe, expect, it } from 'vitest';
import { GapLayer } from '../../src/map/gap-layer.ts';
import { LAYER, overlayLayers, SOURCE } from '../../src/map/layers.ts';
import type { EvaluationUpdate, GapSummary } from '../../src/worker/api.ts';

function recordingMap() {
  const calls: string[] = [];
  const data: Record<string, unknown> = {};
  const map = {
    getSource: (id: string) => ({ setData: (d: unknown) => { data[id] = d; calls.push(`setData ${id}`); } }),
    setFeatureState: (f: { source: string; id: number }, state: Record<string, unknown>) => calls.push(`state ${f.source} ${f.id} ${JSON.stringify(state)}`),
    removeFeatureState: (f: { source: string }) => calls.push(`remove ${f.source}`),
    setPaintProperty: (layer: string) => calls.push(`paint ${layer}`),
  };
  return { map, calls, data };
}

const gap = (rank: number, outline: boolean): GapSummary =>
  ({ rank, population: 1000 * rank, outline: outline ? [[[[118, 25], [118.1, 25], [118.1, 25.1], [118, 25]]]] : null, centroid: [118.05, 25.05] }) as unknown as GapSummary;
const result = (gaps: GapSummary[], gapsUpdated: boolean) => ({ gaps, gapsUpdated }) as unknown as EvaluationUpdate;

describe('GapLayer during a drag', () => {
  it('a drag update fades each drawn outline once by feature-state; the drop draws new outlines and clears the fade', () => {
    const { map, calls, data } = recordingMap();
    const layer = new GapLayer(map as never, (rank) => `#${rank}`);
    layer.showResult(result([gap(1, true), gap(2, true)], true));
    expect(calls).toEqual([`setData ${SOURCE.gaps}`, `setData ${SOURCE.gapLabels}`]);
    calls.length = 0;

    // two drag steps (no outlines in a drag update): one fade, no paint property
    layer.showResult(result([gap(1, false), gap(2, false)], false));
    layer.showResult(result([gap(1, false)], false));
    expect(calls).toEqual([`state ${SOURCE.gaps} 1 {"stale":true}`, `state ${SOURCE.gaps} 2 {"stale":true}`]);
    calls.length = 0;

    // the drop's full result: the fade goes, the new outlines come
    layer.showResult(result([gap(1, true)], true));
    expect(calls).toEqual([`remove ${SOURCE.gaps}`, `setData ${SOURCE.gaps}`, `setData ${SOURCE.gapLabels}`]);
    expect((data[SOURCE.gaps] as { features: { properties: { rank: number } }[] }).features.map((f) => f.properties.rank)).toEqual([1]);
    expect(calls.some((c) => c.startsWith('paint'))).toBe(false);
  });

  it('the outline layer reads the fade: opacity 0.35 when stale, 0.9 otherwise, and the source keys features by rank', async () => {
    const { buildStyle } = await import('../../src/map/style.ts');
    const line = overlayLayers({ highlightedGap: null, counties: [] }).find((l) => l.id === LAYER.gapsLine) as { paint: Record<string, unknown> };
    expect(line.paint['line-opacity']).toEqual(['case', ['boolean', ['feature-state', 'stale'], false], 0.35, 0.9]);
    expect((buildStyle().sources[SOURCE.gaps] as { promoteId?: string }).promoteId).toBe('rank');
  });
});
