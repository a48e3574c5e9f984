/**
 * The one message API between the app and the coverage worker. Everything
 * crossing it is structured-cloneable; per-cell arrays are transferred.
 */
import type { ScenarioDelta } from '../core/deltas.ts';
import type { CellRow } from '../core/evaluate.ts';
import type { CellDescription } from '../core/describe-cell.ts';
import type { ReachInUse } from '../core/reach-factory.ts';
import type { EmsFigures } from '../core/ems/types.ts';
import type { ResponseTimes } from '../core/response-times.ts';
import type { RoadCounts } from '../io/roads/collect.ts';
import type { RoadFormat } from '../io/roads/types.ts';
import type { GapFigures, GapSite } from '../core/gaps.ts';
import type { Rules } from '../core/rules.ts';
import type { CountyRow, CoverageFigures, ZoneRow } from '../core/tables.ts';
import type { AreaType, Station, Zone } from '../core/types.ts';
import type { Capability } from '../core/ems/settings.ts';
import type { MinutesBasis } from '../core/ems/types.ts';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { Crs } from '../io/crs.ts';
import type { RegionFilesOptions } from '../io/region/from-files.ts';
import type { RegionCalls, RegionModelled, RegionNotes, RegionPart, RegionSource } from '../io/region/types.ts';
import type { RowProblem } from '../io/errors.ts';
import type { FacilityColumnMapping, FacilityPreview } from '../io/facilities.ts';
import type { BaselineStatus } from './baseline-status.ts';
import type { SuggestAnswer, SuggestRequest } from './suggest-runner.ts';
import type { SuggestProgress } from '../core/suggest/control.ts';

/** A file handed to the worker with its name (a File, or a Blob the CLI opened). */
export interface NamedFile {
  file: Blob;
  name: string;
}

/** The user's files for a new region, and how to read them. */
export interface RegionFileRequest {
  zones: NamedFile;
  population: NamedFile;
  facilities?: NamedFile;
  options: Omit<RegionFilesOptions, 'signal' | 'onProgress'>;
}

/** How a region is opened: a pack at a URL (the demo, ?pack=), a pack file, or the user's files. */
export type RegionRequest = { kind: 'pack-url'; url: string; name: string } | { kind: 'pack-file'; pack: NamedFile } | { kind: 'files'; files: RegionFileRequest };

/** What the app keeps of the open region besides its cells (outlines for the map, notes and sources for the panels and exports). */
export interface RegionInfo {
  id: string;
  name: string;
  city?: string;
  parts: RegionPart[];
  resolution: number;
  notes: RegionNotes;
  modelled: RegionModelled;
  sources: RegionSource[];
  attribution: string;
  zoneOutlines: FeatureCollection<MultiPolygon, { code: string }>;
  partOutlines: FeatureCollection<MultiPolygon, { code: string; name: string }>;
  /** Outlines around the region, drawn faintly for orientation. */
  contextOutlines: FeatureCollection<MultiPolygon, { code: string; name: string }>;
  /** The region's road network (where it came from, what was kept), or null: reach is straight-line only. */
  roads: { source: RegionSource; counts: RoadCounts } | null;
  /** The region's imported calls, summed (the counts per cell stay in the worker), or absent: none imported. */
  calls?: CallsSummary | null;
}

/** What the region's calls are, without their counts per cell. */
export type CallsSummary = Omit<RegionCalls, 'perCell'>;

export interface LoadedDataset {
  region: RegionInfo;
  /** The region's part codes (county adcodes in the demo). */
  counties: string[];
  zones: Zone[];
  stations: Station[];
  /**
   * H3 index per cell as two 32-bit halves [low, high] (2 × cells), in the
   * engine's cell order (index = cell id on the map); transferred, not cloned.
   */
  h3Halves: Uint32Array;
  /** The same indexes as strings, made on first read (see ./dataset-cells.ts: they never cross the worker boundary). */
  readonly h3: string[];
  population: Float64Array;
  /** Zone index per cell (-1 none). */
  zone: Int32Array;
  /** The region's calls per cell (dataset order; transferred) for the call density layer, and whether they are synthetic; null or absent without calls. */
  calls?: { perCell: Float32Array; synthetic: boolean } | null;
  prepareMs: number;
}

/** A region opened, with what reading its files found (nothing for a pack). */
export interface RegionOpened {
  dataset: LoadedDataset;
  /** Row problems of the user's files: errors (rows left out) and warnings. */
  problems: RowProblem[];
  /** Notes on what was read (the region's data notes). */
  notes: string[];
}

/** A gap group for export: its figures, cell indices (into the dataset's h3 list) and best closing site. */
export interface GapCells extends GapFigures {
  cells: Int32Array;
  bestSite: GapSite | null;
}

export interface GapSummary extends GapFigures {
  /** Outline as GeoJSON MultiPolygon coordinates (top groups only, and only in a full update). */
  outline: number[][][][] | null;
}

/**
 * Which scenario a result belongs to: the dataset generation (a new region or
 * import is a new generation) and the scenario version (every edit of
 * stations or rules is a new version). A partial result is an intermediate
 * step of a version sent as several requests.
 */
export interface ResultTag {
  dataset: number;
  version: number;
  partial?: boolean;
}

export interface EvaluationUpdate {
  /** Increases with every request; the app drops answers older than the newest it has shown. */
  seq: number;
  /** The scenario this result is the result of (echoed from the request). */
  tag: ResultTag;
  totals: CoverageFigures;
  zones: ZoneRow[];
  counties: CountyRow[];
  /** Null in a light update before the region's first full one (a new region's first answer): not computed yet. */
  gaps: GapSummary[] | null;
  /** False when `gaps` is the previous full update's list, unchanged (light updates): the map may skip redrawing it. */
  gapsUpdated: boolean;
  delta: ScenarioDelta | null;
  /** Per cell: 0 covered, 1 marginal, 2 gap. */
  status: Uint8Array;
  /** Per cell: 1 inside the emergency circle. */
  withinCircle: Uint8Array;
  /** Per cell: number of stations within the cover radius. */
  inRange: Uint16Array;
  /** Per station id: the area types among the cells it reaches, whose rings the map draws (src/core/rings.ts). */
  ringAreaTypes: Record<string, AreaType[]>;
  /**
   * The reach in use: model 'roads' when the circle (and minutes) are on roads,
   * 'straight-line' when the rules choose it or the region has no roads; and
   * whether statuses are judged along roads too.
   */
  reach: ReachInUse;
  /**
   * Per cell (dataset order), the response minutes on roads of the nearest
   * active station (turnout + drive), NaN when none reaches it within the
   * 60-minute horizon or it has no road access; null when reach is straight-line.
   */
  minutes: Float32Array | null;
  /**
   * Per cell: 0 with road access, 1 farther than the snap distance from every
   * road, 2 near a cut-off road fragment only (its NaN minutes mean "no road
   * access", not "not reached"); null when reach is straight-line. Optional:
   * results made before it existed have none.
   */
  roadAccess?: Uint8Array | null;
  /**
   * Response-time figures (curve T = 0…60, median and 90th percentile for the
   * region and per zone, the baseline's "before", residents without road
   * access); null when reach is straight-line. Light updates repeat the last
   * full update's (see responseUpdated), as they do the gap list.
   */
  response: ResponseTimes | null;
  /** False when `response` is the previous full update's, unchanged (light updates). */
  responseUpdated: boolean;
  /**
   * The EMS measures (calls, call-weighted coverage, fractiles, workload,
   * availability, hospital transport, equity; see core/ems/types.ts). Light
   * updates repeat the last full update's (see emsUpdated); null before the
   * region's first full update.
   */
  ems: EmsFigures | null;
  /** False when `ems` is the previous full update's, unchanged (light updates). */
  emsUpdated: boolean;
  /**
   * Per cell (dataset order), the row in `ems.workload` of the cell's
   * first-due station, −1 for none (the first-due workload layer). Belongs
   * with `ems`: light updates repeat the last full update's (null as `ems` is).
   */
  firstDue: Int32Array | null;
  /** Worker time for this update. */
  computeMs: number;
}

export interface UpdateOptions {
  seq: number;
  /** Echoed in the answer (tests and tools that send no tag get dataset 0, version = seq). */
  tag?: ResultTag;
  /** Light updates (while dragging) keep the last full update's gap groups instead of recomputing them. */
  light?: boolean;
}

/** A cell described under the scenario of update `seq` (the card showing it is current while the shown result has that seq). */
export interface CellAnswer extends CellDescription {
  seq: number;
}

/** How the user asked a facility file to be read (the preview's guesses when absent). */
export interface FacilityPreviewRequest {
  crs?: Crs;
  columns?: Partial<FacilityColumnMapping>;
  applySwapFix?: boolean;
}

export type PopulationFormat = 'auto' | 'geotiff' | 'h3-table' | 'points' | 'polygons';

export interface PopulationImportRequest {
  format: PopulationFormat;
  /** Coordinate system of points or polygons (rasters are read as WGS84). */
  crs?: Crs;
}

export interface ZoneImportRequest {
  crs?: Crs;
}

/** What a population import read and made (every person and row accounted for). */
export interface ImportedPopulation {
  file: string;
  source: 'geotiff' | 'h3-table' | 'points' | 'polygons';
  inputTotal: number;
  outputTotal: number;
  cells: number;
  droppedNodata: number;
  /** Raster pixels with negative or implausible values (0 for tables). */
  droppedInvalid: number;
  method: string;
  problems: RowProblem[];
  /** Cells in no zone (kept, counted). */
  unzoned: number;
  unzonedPopulation: number;
}

export interface ImportedZones {
  file: string;
  zones: number;
  rejected: number;
  problems: RowProblem[];
  /** Current cells whose centre lies in no imported zone (kept with no zone). */
  outside: number;
  outsidePopulation: number;
}

/** The dataset after an import, and what the import read. */
export interface DatasetImport {
  dataset: LoadedDataset;
  population: ImportedPopulation | null;
  zones: ImportedZones | null;
}

/** A road file imported into the open region: what was read and kept. */
export interface ImportedRoads {
  file: string;
  format: RoadFormat;
  counts: RoadCounts;
  /** Line features left out and why, and file-level warnings. */
  problems: RowProblem[];
}

/** What a call import placed and refused (only counts per cell are kept, never a call point). */
export interface ImportedCalls extends CallsSummary {
  file: string;
  /** Calls placed by township code (shared over the township's cells by residents). */
  byTownship: number;
  /** Row problems (the first 1,000) and file-level warnings; `unlisted` counts the rest. */
  problems: RowProblem[];
  unlisted: number;
}

/** Isochrones of one station: per limit asked, the outline of the cells reached within it on roads. */
export type Isochrones = FeatureCollection<MultiPolygon, { stationId: string; minutes: number; cells: number }>;

/** Minutes from every cell to the nearest hospital with one capability, under the scenario of update `seq` (the hospital transport map layer). */
export interface HospitalMinutes {
  /** The update whose scenario (stations, rules) the minutes belong to: drawn only while that update is the one shown. */
  seq: number;
  capability: Capability;
  basis: MinutesBasis;
  /** Per cell (dataset order); NaN where no capable hospital is reached. */
  minutes: Float32Array;
}

/** Outlines of the first-due areas of update `seq` (one feature per station with an area): the workload layer's borders. */
export interface FirstDueOutlines {
  /** The update whose first-due rows (EvaluationUpdate.firstDue) the outlines are of: drawn only while that update is the one shown. */
  seq: number;
  outlines: FeatureCollection<MultiPolygon, { stationId: string; cells: number }>;
}

/** Called with the fraction done (0–1). */
export type ImportProgress = (fraction: number) => void;

export interface CoverageWorkerApi {
  /**
   * Opens a region (a pack, or the user's files) and makes it the loaded one;
   * `id` names the job for cancelImport. Rejects, leaving the open region as
   * it was, when the pack or files are refused.
   */
  openRegion(id: string, request: RegionRequest, onProgress: ImportProgress): Promise<RegionOpened>;
  /** The open region as a pack, with the scenario's stations as its facilities and its area-type overrides applied to the zones. */
  savePack(stations: Station[], rules: Rules): Promise<Uint8Array>;
  /** Full evaluation of a scenario (all stations and rules replaced). */
  evaluate(stations: Station[], rules: Rules, options: UpdateOptions): Promise<EvaluationUpdate>;
  /** Adds, moves, renames or toggles one station incrementally. */
  upsertStation(station: Station, options: UpdateOptions): Promise<EvaluationUpdate>;
  /** Removes one station incrementally. */
  removeStation(id: string, options: UpdateOptions): Promise<EvaluationUpdate>;
  /** A full update of the scenario already evaluated (after a light evaluate: gap groups, response times and EMS figures). */
  refresh(options: UpdateOptions): Promise<EvaluationUpdate>;
  /** Reads a facility file (checked against the loaded region) into a preview; nothing changes. */
  previewFacilities(file: Blob, name: string, request: FacilityPreviewRequest): Promise<FacilityPreview>;
  /**
   * Reads a population file (a raster slice by slice) into the dataset's cells
   * and rebuilds the grid and engine; the current zones are kept. Rejects with
   * an AbortError after cancelImport(id), leaving the dataset as it was.
   */
  importPopulation(id: string, file: Blob, name: string, request: PopulationImportRequest, onProgress: ImportProgress): Promise<DatasetImport>;
  /** Reads a boundary file into the zones and assigns the current cells to them (cells outside kept, no zone). */
  importZones(id: string, file: Blob, name: string, request: ZoneImportRequest, onProgress: ImportProgress): Promise<DatasetImport>;
  /**
   * Reads a road file (.osm.pbf, .osm XML, GeoJSON or zipped shapefile
   * lines) clipped to the open region's box plus 10 km, makes it the
   * region's road network and rebuilds the reach; the scenario is kept and
   * the next evaluate() answers in minutes (rules.reach). Rejects naming the
   * file when it holds no drivable road there, and with an AbortError after
   * cancelImport(id); either way the region and scenario stay as they were.
   */
  importRoads(id: string, file: Blob, name: string, onProgress: ImportProgress): Promise<{ dataset: LoadedDataset; roads: ImportedRoads }>;
  /** Removes the open region's road network: reach is straight-line again. */
  removeRoads(): Promise<LoadedDataset>;
  /**
   * Reads a file of historical 120 calls (CSV UTF-8/GBK or XLSX; points in
   * `crs`, else as the headers say, else WGS84; or township codes) into calls
   * per cell of the open region; the scenario is kept and the next evaluate()
   * weighs cells by them as rules.ems says. Call points are not kept. Rejects
   * naming the file when no row lands in the region, and with an AbortError
   * after cancelImport(id); either way the calls already open stay.
   */
  importCalls(id: string, file: Blob, name: string, request: { crs?: Crs }, onProgress: ImportProgress): Promise<{ dataset: LoadedDataset; calls: ImportedCalls }>;
  /** Removes the open region's calls. */
  removeCalls(): Promise<LoadedDataset>;
  /**
   * Outlines of the cells a station reaches within each number of minutes on
   * roads (e.g. [5, 10, 15, 20]), for the map; rejects when reach is straight-line.
   */
  isochrones(stationId: string, minutesList: number[]): Promise<Isochrones>;
  /** Minutes from every cell to the nearest hospital with `capability` (planned centres and proposed facilities included), under the last scenario evaluated. */
  hospitalMinutes(capability: Capability): Promise<HospitalMinutes>;
  /** Outlines of the first-due areas of the last update evaluated (FirstDueOutlines). */
  firstDueOutlines(): Promise<FirstDueOutlines>;
  /** Cancels a running import; unknown or finished ids are ignored. */
  cancelImport(id: string): void;
  /** Suggests new sites (k best, or fewest for a target share) for the current scenario; cancel with cancelSuggest(id). */
  suggest(id: string, request: SuggestRequest, onProgress: (p: SuggestProgress) => void): Promise<SuggestAnswer>;
  cancelSuggest(id: string): void;
  /** Every cell's row (status, nearest station, distance), for the cell export. */
  cellRows(): Promise<CellRow[]>;
  /** Every gap group with its cell indices and best site, for the gap export. */
  gapCells(): Promise<GapCells[]>;
  /** Per-cell statuses of the scenario without its proposed stations (the "before" map of a snapshot). */
  baselineStatus(): Promise<BaselineStatus>;
  /** One cell of the current scenario (a map click): its row, township and gap group. */
  describeCell(index: number): Promise<CellAnswer>;
}
