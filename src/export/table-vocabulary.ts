/**
 * The words of the table exports (column headers, area types, station kinds
 * and statuses, notes) in zh-CN and English, taken from the same i18n
 * dictionaries as the UI and the CLI (pure, so exports run anywhere).
 * The zh-CN kind and status words are ones the facility importer reads back.
 */
import { CAPABILITIES, type Capability } from '../core/ems/settings.ts';
import type { CallsSource, MinutesBasis } from '../core/ems/types.ts';
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
/**
 * Columns added after those when the result has EMS figures (issue 14): the
 * township's calls, the share of residents and of calls reached within the
 * target, and their median and 90th-percentile minutes, with the minutes'
 * basis (roads, or straight line by the circle formula). Empty when not known.
 */
export const TOWNSHIP_EMS_COLUMNS = [
  'calls', 'within_target_pct', 'residents_median_minutes', 'residents_p90_minutes',
  'calls_within_target_pct', 'calls_median_minutes', 'calls_p90_minutes', 'minutes_basis',
] as const;
export type TownshipColumn = (typeof TOWNSHIP_COLUMNS)[number] | (typeof TOWNSHIP_ROAD_COLUMNS)[number] | (typeof TOWNSHIP_EMS_COLUMNS)[number];

/** Columns of the station workload sheet: one row per active station (its first-due area, calls, busy fraction, fleet). */
export const WORKLOAD_COLUMNS = [
  'id', 'name', 'first_due_cells', 'first_due_population', 'calls_per_year', 'calls_source', 'busy_fraction',
  'ambulances', 'ambulances_assumed', 'ambulances_for_workload', 'ambulances_for_ratio', 'within_target_pct', 'p90_minutes',
] as const;
export type WorkloadColumn = (typeof WORKLOAD_COLUMNS)[number];

/** Columns of the hospital transport sheet: one row per capability. */
export const HOSPITAL_COLUMNS = [
  'capability', 'target_minutes', 'hospitals', 'hospital_names', 'within_target_pct', 'median_minutes', 'p90_minutes',
  'calls_within_target_pct', 'zones_beyond', 'before_within_target_pct', 'minutes_basis',
] as const;
export type HospitalColumn = (typeof HOSPITAL_COLUMNS)[number];

export const STATION_COLUMNS = ['id', 'name', 'kind', 'status', 'lng', 'lat', 'crs', 'township', 'position_approximate', 'note'] as const;
export type StationColumn = (typeof STATION_COLUMNS)[number];

/** Where the population of an export came from (the store's DataSource shape). */
export type PopulationSource = { kind: 'demo' } | { kind: 'imported'; file: string };

export interface ExportDictionary {
  township: Record<TownshipColumn, string>;
  /** `{crs}` in the lng/lat headers is replaced by the CRS name ("经度(GCJ-02)"), which the importer reads as a hint. */
  station: Record<StationColumn, string>;
  workload: Record<WorkloadColumn, string>;
  hospital: Record<HospitalColumn, string>;
  capability: Record<Capability, string>;
  basis: Record<MinutesBasis, string>;
  callsSource: Record<CallsSource, string>;
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
  sheetWorkload: string;
  sheetHospitals: string;
}

/** The export words of one language, read from the i18n dictionaries (`src/i18n/strings/vocabulary.ts`). */
function wordsOf(language: ExportLanguage): ExportDictionary {
  const w = (key: string) => translate(language, `vocab.${key}`);
  const record = <K extends string>(group: string, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, w(`${group}.${k}`)])) as Record<K, string>;
  return {
    township: record('township', [...TOWNSHIP_COLUMNS, ...TOWNSHIP_ROAD_COLUMNS, ...TOWNSHIP_EMS_COLUMNS]),
    station: record('station', STATION_COLUMNS),
    workload: record('workload', WORKLOAD_COLUMNS),
    hospital: record('hospital', HOSPITAL_COLUMNS),
    capability: Object.fromEntries(CAPABILITIES.map((c) => [c, translate(language, `vocab.capability.${c}`)])) as Record<Capability, string>,
    basis: { roads: translate(language, 'ems.basis.roads'), 'circle-formula': translate(language, 'ems.basis.circle-formula') },
    callsSource: record('callsSource', ['imported', 'rate'] as const),
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
    sheetWorkload: w('sheetWorkload'),
    sheetHospitals: w('sheetHospitals'),
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
