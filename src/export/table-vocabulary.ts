/**
 * The words of the table exports (column headers, area types, station kinds
 * and statuses, notes) in zh-CN and English, taken from the same i18n
 * dictionaries as the UI and the CLI (pure, so exports run anywhere).
 * The zh-CN kind and status words are ones the facility importer reads back.
 */
import { STATION_KINDS, type AreaType, type StationKind, type StationStatus } from '../core/types.ts';
import { translate } from '../i18n/translate.ts';
import type { Language } from '../i18n/types.ts';

export type ExportLanguage = Language;

/** Columns of the per-township table; the names overlap the CLI's CSV (report-csv.ts) where they mean the same. */
export const TOWNSHIP_COLUMNS = [
  'county', 'county_name', 'zone_code', 'zone_name', 'area_type', 'area_type_overridden', 'population',
  'covered', 'covered_pct', 'marginal', 'marginal_pct', 'gap', 'gap_pct', 'within_circle', 'within_circle_pct',
  'ambulances_needed', 'aeds_needed', 'population_source',
] as const;
/** Columns added after those when the figures are on roads (as the CLI's CSV): response minutes, empty when not reached within the horizon. */
export const TOWNSHIP_ROAD_COLUMNS = ['median_minutes', 'p90_minutes'] as const;
export type TownshipColumn = (typeof TOWNSHIP_COLUMNS)[number] | (typeof TOWNSHIP_ROAD_COLUMNS)[number];

export const STATION_COLUMNS = ['id', 'name', 'kind', 'status', 'lng', 'lat', 'crs', 'township', 'position_approximate', 'note'] as const;
export type StationColumn = (typeof STATION_COLUMNS)[number];

/** Where the population of an export came from (the store's DataSource shape). */
export type PopulationSource = { kind: 'demo' } | { kind: 'imported'; file: string };

export interface ExportDictionary {
  township: Record<TownshipColumn, string>;
  /** `{crs}` in the lng/lat headers is replaced by the CRS name ("经度(GCJ-02)"), which the importer reads as a hint. */
  station: Record<StationColumn, string>;
  areaType: Record<AreaType, string>;
  kind: Record<StationKind, string>;
  status: Record<StationStatus, string>;
  yes: string;
  no: string;
  /** Label of the total row. */
  total: string;
  /** Label of a county subtotal row; `{county}` is its name. */
  countyTotal: string;
  /** The population note when the demo (modelled) population is in use. */
  populationModelled: string;
  /** The population note for an imported file; `{file}` is its name. */
  populationImported: string;
  sheetTownships: string;
  sheetNotes: string;
  /** What the minute columns mean (on roads); `{horizon}` is the response horizon in minutes. */
  minutesNote: string;
}

/** The export words of one language, read from the i18n dictionaries (`src/i18n/strings/vocabulary.ts`). */
function wordsOf(language: ExportLanguage): ExportDictionary {
  const w = (key: string) => translate(language, `vocab.${key}`);
  const record = <K extends string>(group: string, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, w(`${group}.${k}`)])) as Record<K, string>;
  return {
    township: record('township', [...TOWNSHIP_COLUMNS, ...TOWNSHIP_ROAD_COLUMNS]),
    station: record('station', STATION_COLUMNS),
    areaType: record('areaType', ['urban', 'rural'] as const),
    kind: record('kind', STATION_KINDS),
    status: record('status', ['existing', 'proposed', 'disabled'] as const),
    yes: w('yes'),
    no: w('no'),
    total: w('total'),
    countyTotal: w('countyTotal'),
    populationModelled: w('populationModelled'),
    populationImported: w('populationImported'),
    sheetTownships: w('sheetTownships'),
    sheetNotes: w('sheetNotes'),
    minutesNote: w('minutesNote'),
  };
}

export const EXPORT_DICTIONARIES: Record<ExportLanguage, ExportDictionary> = { 'zh-CN': wordsOf('zh-CN'), en: wordsOf('en') };

/** Which words to use: the language, and optionally the app's own dictionaries. */
export interface ExportTextOptions {
  language: ExportLanguage;
  /** Defaults to EXPORT_DICTIONARIES. */
  dictionaries?: Record<ExportLanguage, ExportDictionary>;
}

export function exportWords(options: ExportTextOptions): ExportDictionary {
  return (options.dictionaries ?? EXPORT_DICTIONARIES)[options.language];
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** True when the population is the demo's modelled grid. */
export const isModelled = (source: PopulationSource) => source.kind === 'demo';

/** The population note of an export: "modelled population, not a census grid" for the demo, the file name for an import. */
export function populationNote(source: PopulationSource, words: ExportDictionary): string {
  return source.kind === 'demo' ? words.populationModelled : fill(words.populationImported, { file: source.file });
}
