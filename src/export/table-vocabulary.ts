/**
 * The words of the table exports (column headers, area types, station kinds
 * and statuses, notes) in zh-CN and English. Kept apart from the UI's i18n so
 * exports run anywhere (CLI, worker, tests); the app may pass its own.
 * The zh-CN kind and status words are ones the facility importer reads back.
 */
import type { AreaType, StationKind, StationStatus } from '../core/types.ts';

export type ExportLanguage = 'zh-CN' | 'en';

/** Columns of the per-township table; the names overlap the CLI's CSV (report-csv.ts) where they mean the same. */
export const TOWNSHIP_COLUMNS = [
  'county', 'county_name', 'zone_code', 'zone_name', 'area_type', 'area_type_overridden', 'population',
  'covered', 'covered_pct', 'marginal', 'marginal_pct', 'gap', 'gap_pct', 'within_circle', 'within_circle_pct',
  'ambulances_needed', 'aeds_needed', 'population_source',
] as const;
export type TownshipColumn = (typeof TOWNSHIP_COLUMNS)[number];

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
}

export const EXPORT_DICTIONARIES: Record<ExportLanguage, ExportDictionary> = {
  'zh-CN': {
    township: {
      county: '区县代码',
      county_name: '区县',
      zone_code: '乡镇代码',
      zone_name: '乡镇',
      area_type: '城乡类型',
      area_type_overridden: '类型已调整',
      population: '人口',
      covered: '已覆盖人口',
      covered_pct: '覆盖率(%)',
      marginal: '边缘覆盖人口',
      marginal_pct: '边缘覆盖占比(%)',
      gap: '盲区人口',
      gap_pct: '盲区占比(%)',
      within_circle: '急救圈内人口',
      within_circle_pct: '急救圈覆盖率(%)',
      ambulances_needed: '所需救护车(辆)',
      aeds_needed: '所需AED(台)',
      population_source: '人口数据',
    },
    station: {
      id: '编号',
      name: '名称',
      kind: '类型',
      status: '状态',
      lng: '经度({crs})',
      lat: '纬度({crs})',
      crs: '坐标系',
      township: '乡镇代码',
      position_approximate: '位置近似',
      note: '备注',
    },
    areaType: { urban: '城区', rural: '乡村' },
    kind: { 'emergency-centre': '急救中心', 'sub-centre': '急救分中心', station: '急救站', hospital: '医院', 'health-centre': '卫生院', candidate: '候选' },
    status: { existing: '现有', proposed: '规划', disabled: '停用' },
    yes: '是',
    no: '否',
    total: '合计',
    countyTotal: '{county}合计',
    populationModelled: '模型人口，非普查网格',
    populationImported: '导入：{file}',
    sheetTownships: '各乡镇覆盖',
    sheetNotes: '说明',
  },
  en: {
    township: {
      county: 'County code',
      county_name: 'County',
      zone_code: 'Township code',
      zone_name: 'Township',
      area_type: 'Area type',
      area_type_overridden: 'Area type changed',
      population: 'Population',
      covered: 'Covered',
      covered_pct: 'Covered (%)',
      marginal: 'Marginal',
      marginal_pct: 'Marginal (%)',
      gap: 'Gap',
      gap_pct: 'Gap (%)',
      within_circle: 'Within emergency circle',
      within_circle_pct: 'Within emergency circle (%)',
      ambulances_needed: 'Ambulances needed',
      aeds_needed: 'AEDs needed',
      population_source: 'Population data',
    },
    station: {
      id: 'id',
      name: 'name',
      kind: 'kind',
      status: 'status',
      lng: 'lng ({crs})',
      lat: 'lat ({crs})',
      crs: 'crs',
      township: 'township code',
      position_approximate: 'approximate position',
      note: 'note',
    },
    areaType: { urban: 'urban', rural: 'rural' },
    kind: { 'emergency-centre': 'emergency-centre', 'sub-centre': 'sub-centre', station: 'station', hospital: 'hospital', 'health-centre': 'health-centre', candidate: 'candidate' },
    status: { existing: 'existing', proposed: 'proposed', disabled: 'disabled' },
    yes: 'yes',
    no: 'no',
    total: 'Total',
    countyTotal: '{county} total',
    populationModelled: 'modelled population, not a census grid',
    populationImported: 'imported: {file}',
    sheetTownships: 'Townships',
    sheetNotes: 'Notes',
  },
};

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
