/** What a snapshot page says and shows, independent of how it is drawn. */

/** Translated strings and locale formatting, handed in by the app. */
export interface Texts {
  /** Looks up a string key and fills `{name}` placeholders. */
  t: (key: string, params?: Record<string, string | number>) => string;
  /** A number in the locale, with `digits` fraction digits (default 0). */
  n: (value: number, digits?: number) => string;
  /** A percentage 0–100 in the locale, one decimal. */
  pct: (value: number) => string;
  /** A Chinese place name as shown in the page's language ("Yidu 一都镇" in English); as written when absent. */
  place?: (name: string) => string;
}

/** How a legend entry is drawn; sizes are in CSS px of the map (scaled to the print like the map). */
export type LegendSymbol =
  /** A cell fill as the map draws it (`colour` at `alpha` over `base`), outlined in the full colour. */
  | { kind: 'fill'; colour: string; alpha: number; base: string }
  | { kind: 'line'; colour: string; width: number; dash: readonly number[] | null }
  | { kind: 'dot'; fill: string; stroke: string; strokeWidth: number; radius: number; opacity?: number; ring?: string }
  | { kind: 'ramp'; stops: readonly (readonly [number, string])[]; low: string; high: string };

export interface LegendItem {
  symbol: LegendSymbol;
  label: string;
}

export interface LegendSection {
  title: string;
  items: LegendItem[];
  /** Items side by side in two columns (short labels, e.g. station kinds). */
  twoColumns?: boolean;
  /** Small print under the items. */
  note?: string;
}

export interface FigureRow {
  label: string;
  value: string;
  /** Colour of a small swatch before the label (status colours). */
  swatch?: string;
  /** Drawn larger: the headline share covered. */
  emphasis?: boolean;
  /** Drawn in the muted colour (small print). */
  muted?: boolean;
}

export interface FigureBlock {
  title: string;
  rows: FigureRow[];
}

/** Everything printed on the page besides the map images. */
export interface SnapshotContent {
  title: string;
  subtitle: string;
  /** Above each map in before/after mode (before, after); empty otherwise. */
  captions: string[];
  legendTitle: string;
  legend: LegendSection[];
  /** Key figures, then before → after when the scenario has proposed stations. */
  figures: FigureBlock[];
  /** Data sources, licences, modelled/approximate data, coordinate system, standards. */
  notes: string[];
  footer: string;
  /** Made-with line at the footer's right. */
  stamp: string;
  north: string;
  scaleNote: string;
}

/** The map layers a page can show (the app's legend switches, by the same names). */
export type PrintLayerKey = 'population' | 'status' | 'minutes' | 'gaps' | 'radii' | 'circles' | 'stations' | 'townships' | 'basemap';

/** Where the population or zones came from: the embedded demo data, or a file the user imported. */
export type PrintDataSource = { kind: 'demo' } | { kind: 'imported'; file: string };

export interface PrintDataSources {
  population: PrintDataSource;
  zones: PrintDataSource;
  /** The region's road network (its file and licence, e.g. ODbL for OpenStreetMap), when the figures are on roads. */
  roads?: { file: string; licence: string } | null;
}

/** A gap group as the handout lists it (the worker's figures, named by the app). */
export interface HandoutGap {
  /** 1 = most populous; the number drawn on the map. */
  rank: number;
  /** Township(s) the group lies in, as the app names it. */
  name: string;
  /** Everyone in the group (gap + marginal), as the app's gap list counts it. */
  population: number;
  gapPopulation: number;
  marginalPopulation: number;
  areaKm2: number;
}

/** A table of the second page: column heads and rows of text, numbers already formatted. */
export interface HandoutTable {
  title: string;
  columns: { label: string; align: 'left' | 'right' }[];
  rows: string[][];
  /** A last row set in bold (totals), or null. */
  total: string[] | null;
}
