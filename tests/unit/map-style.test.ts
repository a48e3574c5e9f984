/**
 * The offline style: valid MapLibre style, no glyph or sprite URL (labels are
 * drawn locally, nothing goes to the network), layers in planning order, and
 * the online basemap only when asked for with a real tile template.
 */
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { LAYER_KEYS } from '../../src/app/store.ts';
import { LAYER, SOURCE, TOGGLED_LAYERS } from '../../src/map/layers.ts';
import { basemapSource, buildStyle, isTileTemplate } from '../../src/map/style.ts';

const ids = (style: ReturnType<typeof buildStyle>) => style.layers.map((l) => l.id);

describe('offline style', () => {
  it('animates no paint change (a transition costs extra frames, ~300 ms each in software WebGL)', () => {
    expect(buildStyle().transition).toEqual({ duration: 0, delay: 0 });
  });

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(buildStyle({ highlightedGap: 2, counties: ['350525'] }))).toEqual([]);
    expect(validateStyleMin(buildStyle({ basemapUrl: 'https://tile.example.org/{z}/{x}/{y}.png' }))).toEqual([]);
  });

  it('names no glyphs, no sprite and no URL at all without a basemap', () => {
    const style = buildStyle();
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:/);
  });

  it('draws bottom to top: land, counties, population, status, gaps, rings, labels, stations, suggested sites', () => {
    const order = ids(buildStyle());
    const at = (id: string) => order.indexOf(id);
    expect(order[0]).toBe(LAYER.background);
    expect(at(LAYER.countiesFill)).toBeLessThan(at(LAYER.populationParents));
    expect(at(LAYER.population)).toBeLessThan(at(LAYER.status));
    expect(at(LAYER.status)).toBeLessThan(at(LAYER.gapsLine));
    expect(at(LAYER.gapsLine)).toBeLessThan(at(LAYER.radiusSolid));
    expect(at(LAYER.radiusSolid)).toBeLessThan(at(LAYER.zoneLabels));
    expect(at(LAYER.zoneLabels)).toBeLessThan(at(LAYER.stations));
    expect(at(LAYER.stationLabels)).toBeLessThan(at(LAYER.suggestions));
    expect(order[order.length - 1]).toBe(LAYER.suggestionLabels);
  });

  it('every layer reads a source the style declares', () => {
    const style = buildStyle();
    for (const layer of style.layers) if ('source' in layer) expect(Object.keys(style.sources)).toContain(layer.source);
  });

  it('every legend toggle names layers of the style (the basemap one once a basemap is set)', () => {
    expect(Object.keys(TOGGLED_LAYERS).sort()).toEqual([...LAYER_KEYS].sort());
    const order = ids(buildStyle({ basemapUrl: 'https://tile.example.org/{z}/{x}/{y}.png' }));
    for (const layers of Object.values(TOGGLED_LAYERS)) for (const id of layers) expect(order).toContain(id);
  });

  it('population shows parents below zoom 10.5 and grid cells from there', () => {
    const style = buildStyle();
    const parents = style.layers.find((l) => l.id === LAYER.populationParents)!;
    const cells = style.layers.find((l) => l.id === LAYER.population)!;
    expect(parents).toMatchObject({ source: SOURCE.parents, maxzoom: 10.5 });
    expect(cells).toMatchObject({ source: SOURCE.cells, minzoom: 10.5 });
  });
});

describe('online basemap', () => {
  it('needs an http(s) template with {z}, {x} and {y}', () => {
    expect(isTileTemplate('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(true);
    expect(isTileTemplate('  http://t.example/{z}/{x}/{-y}.png ')).toBe(true);
    expect(isTileTemplate('https://tile.openstreetmap.org/')).toBe(false);
    expect(isTileTemplate('file:///tiles/{z}/{x}/{y}.png')).toBe(false);
    expect(isTileTemplate('javascript:alert(1)//{z}{x}{y}')).toBe(false);
    expect(isTileTemplate('')).toBe(false);
  });

  it('goes under everything but the background, with the host as attribution', () => {
    const url = 'https://tile.example.org/{z}/{x}/{y}.png';
    const style = buildStyle({ basemapUrl: url });
    expect(ids(style).slice(0, 3)).toEqual([LAYER.background, LAYER.basemap, LAYER.countiesFill]);
    expect(style.sources[SOURCE.basemap]).toEqual(basemapSource(url));
    expect(basemapSource(url)).toMatchObject({ type: 'raster', tiles: [url], tileSize: 256, attribution: 'Basemap: tile.example.org' });
  });

  it('a half-typed address adds nothing', () => {
    const style = buildStyle({ basemapUrl: 'https://tile.exa' });
    expect(style.sources[SOURCE.basemap]).toBeUndefined();
    expect(ids(style)).not.toContain(LAYER.basemap);
  });
});
