/**
 * Gap area outlines and their numbered labels, the highlighted one, and the
 * faded look of outlines kept from the last full result during a drag.
 */
import type { FilterSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { EvaluationUpdate, GapSummary } from '../worker/api.ts';
import { gapFeatures, hasOutlines } from './gaps.ts';
import { gapHighlightFilter, gapLabelSize, LAYER, SOURCE } from './layers.ts';
import { EMPTY } from './style.ts';

export class GapLayer {
  /** The gap areas drawn (for focusing on one). */
  shown: readonly GapSummary[] = [];
  private stale = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly label: (rank: number) => string,
  ) {}

  private source(id: string): GeoJSONSource {
    const source = this.map.getSource<GeoJSONSource>(id);
    if (!source) throw new Error(`The map style has no source "${id}".`);
    return source;
  }

  clear(): void {
    this.shown = [];
    if (this.stale) this.map.removeFeatureState({ source: SOURCE.gaps });
    this.stale = false;
    for (const id of [SOURCE.gaps, SOURCE.gapLabels]) this.source(id).setData(EMPTY);
  }

  /** Takes a drawn result: new outlines from a full update, faded old ones during a drag. */
  showResult(result: EvaluationUpdate): void {
    if (result.gapsUpdated && result.gaps && hasOutlines(result.gaps)) {
      if (this.stale) this.map.removeFeatureState({ source: SOURCE.gaps });
      this.stale = false;
      this.draw(result.gaps);
    } else if (!this.stale) {
      // drag updates repeat the last gap groups: keep their outlines, faded, until the drop.
      // A feature-state, not a paint property: that would cost a frame of its own (two, in MapLibre 5)
      this.stale = true;
      for (const gap of this.shown) this.map.setFeatureState({ source: SOURCE.gaps, id: gap.rank }, { stale: true });
    }
  }

  /** Draws the labels again (the language changed). */
  relabel(): void {
    if (this.shown.length > 0) this.draw(this.shown);
  }

  private draw(gaps: readonly GapSummary[]): void {
    this.shown = gaps;
    const f = gapFeatures(gaps, this.label);
    this.source(SOURCE.gaps).setData(f.outlines);
    this.source(SOURCE.gapLabels).setData(f.labels);
  }

  highlight(rank: number | null): void {
    this.map.setFilter(LAYER.gapHighlight, gapHighlightFilter(rank) as FilterSpecification);
    this.map.setFilter(LAYER.gapHighlightHalo, gapHighlightFilter(rank) as FilterSpecification);
    this.map.setLayoutProperty(LAYER.gapLabels, 'text-size', gapLabelSize(rank));
  }
}
