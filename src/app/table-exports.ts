/**
 * The table and data exports of the current result, as blobs with file names:
 * township table (CSV with BOM, XLSX), stations (CSV or GeoJSON in WGS84 or
 * GCJ-02), gap groups and per-cell status (GeoJSON, cell rows from the worker).
 */
import type { Crs } from '../io/crs.ts';
import { downloadName } from '../export/download-name.ts';
import { stationsCsv, stationsGeoJson } from '../export/stations-export.ts';
import { hospitalsTable, workloadTable } from '../export/ems-tables.ts';
import { csvBlob, tableToCsv, townshipTableCsv } from '../export/tables-csv.ts';
import { cellsGeoJson, gapsGeoJson, geoJsonBlob } from '../export/tables-geojson.ts';
import { townshipTableXlsx } from '../export/tables-xlsx.ts';
import type { TownshipTableInput } from '../export/township-table.ts';
import { requireClient } from './actions.ts';
import { emsOf } from './ems-result.ts';
import { currentRegion } from './regions.ts';
import { getState, type AppState } from './store.ts';

export interface ExportFile {
  blob: Blob;
  fileName: string;
}

export type TableExportKind = 'township-csv' | 'township-xlsx' | 'stations-csv' | 'stations-geojson' | 'gaps-geojson' | 'cells-geojson' | 'workload-csv' | 'hospitals-csv';

/** A file title in the UI language, e.g. "永春县 乡镇覆盖表". */
export type TitleOf = (key: string, params: Record<string, string>) => string;

function townshipInput(state: AppState): TownshipTableInput {
  const region = currentRegion(state);
  if (!state.result) throw new Error('There is no result to export yet.');
  return {
    county: { code: region.id, name: region.name },
    zones: state.result.zones,
    counties: state.result.counties,
    totals: state.result.totals,
    populationSource: state.dataSources.population,
    response: state.result.response,
    ems: emsOf(state.result),
  };
}

function requireEms(state: AppState) {
  const ems = emsOf(state.result);
  if (!ems) throw new Error('The result has no EMS figures to export.');
  return ems;
}

/**
 * Builds one export of the current state.
 * @param crs coordinate system of station exports
 * @param title file title in the UI language
 */
export async function buildTableExport(kind: TableExportKind, crs: Crs, title: TitleOf): Promise<ExportFile> {
  const state = getState();
  const language = state.language;
  const region = currentRegion(state).name;
  const populationSource = state.dataSources.population;
  switch (kind) {
    case 'township-csv':
      return { blob: csvBlob(townshipTableCsv(townshipInput(state), { language })), fileName: downloadName(title('tables.tableFile', { region }), 'csv') };
    case 'township-xlsx':
      return { blob: await townshipTableXlsx(townshipInput(state), { language, rules: state.rules }), fileName: downloadName(title('tables.tableFile', { region }), 'xlsx') };
    case 'workload-csv':
      return { blob: csvBlob(tableToCsv(workloadTable(requireEms(state), { language }))), fileName: downloadName(title('tables.workloadFile', { region }), 'csv') };
    case 'hospitals-csv':
      return { blob: csvBlob(tableToCsv(hospitalsTable(requireEms(state), { language }))), fileName: downloadName(title('tables.hospitalsFile', { region }), 'csv') };
    case 'stations-csv':
      return { blob: csvBlob(stationsCsv(state.stations, { crs, language })), fileName: downloadName(`${title('tables.stationsFile', { region })} ${crs}`, 'csv') };
    case 'stations-geojson':
      return { blob: geoJsonBlob(stationsGeoJson(state.stations, { crs })), fileName: downloadName(`${title('tables.stationsFile', { region })} ${crs}`, 'geojson') };
    case 'gaps-geojson': {
      const gaps = await requireClient().gapCells();
      const h3 = state.dataset?.h3 ?? [];
      return { blob: geoJsonBlob(gapsGeoJson(gaps, { populationSource, h3, language })), fileName: downloadName(title('tables.gapsFile', { region }), 'geojson') };
    }
    case 'cells-geojson': {
      const rows = await requireClient().cellRows();
      return { blob: geoJsonBlob(cellsGeoJson(rows, { populationSource })), fileName: downloadName(title('tables.cellsFile', { region }), 'geojson') };
    }
  }
}
