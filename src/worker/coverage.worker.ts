/** The coverage core behind a Web Worker, exposed with Comlink. */
// first: starts the first region's download before the other modules run (early-fetch.ts)
import { fetchOnce, firstPack } from './early-fetch.ts';
import { expose, transfer } from 'comlink';
import type { Rules } from '../core/rules.ts';
import type { Station } from '../core/types.ts';
import type { CoverageWorkerApi, DatasetImport, EvaluationUpdate, LoadedDataset, UpdateOptions } from './api.ts';
import { CoverageService } from './coverage-service.ts';
import { ImportService } from './import-service.ts';
import { SuggestRunner } from './suggest-runner.ts';

const service = new CoverageService(fetchOnce);

// the pack the page opens first, named in this worker's name: read now, not when a message gets here (prefetch-hint.ts)
if (firstPack) void service.prefetchPack(firstPack.url, firstPack.name);

const imports = new ImportService(service);
// calls are kept per region cell, in the grid's own cell order
const suggestions = new SuggestRunner(
  () => service.currentEngine(),
  () => service.region().calls ?? null,
);

/** The dataset's per-cell arrays, moved to the page rather than copied. */
const datasetBuffers = (d: LoadedDataset) => [d.h3Halves.buffer, d.population.buffer, d.zone.buffer, ...(d.calls ? [d.calls.perCell.buffer] : [])];

const sendImport = (r: DatasetImport) => transfer(r, datasetBuffers(r.dataset));

const send = (u: EvaluationUpdate) => transfer(u, [u.status.buffer, u.withinCircle.buffer, u.inRange.buffer, ...(u.firstDue ? [u.firstDue.buffer] : []), ...(u.minutes ? [u.minutes.buffer] : []), ...(u.roadAccess ? [u.roadAccess.buffer] : [])]);

const api: CoverageWorkerApi = {
  async openRegion(id, request, onProgress) {
    const opened = await imports.openRegion(id, request, onProgress);
    // in a task after this answer is posted: the reach model is built while the page takes in the dataset
    setTimeout(() => service.prepareReach(), 0);
    return transfer(opened, datasetBuffers(opened.dataset));
  },
  async savePack(stations, rules) {
    const bytes = service.savePack(stations, rules);
    return transfer(bytes, [bytes.buffer]);
  },
  async evaluate(stations: Station[], rules: Rules, options: UpdateOptions) {
    return send(service.evaluate(stations, rules, options));
  },
  async upsertStation(station: Station, options: UpdateOptions) {
    return send(service.upsertStation(station, options));
  },
  async removeStation(id: string, options: UpdateOptions) {
    return send(service.removeStation(id, options));
  },
  async refresh(options: UpdateOptions) {
    return send(service.refresh(options));
  },
  previewFacilities(file, name, request) {
    return imports.previewFacilities(file, name, request);
  },
  async importPopulation(id, file, name, request, onProgress) {
    return sendImport(await imports.importPopulation(id, file, name, request, onProgress));
  },
  async importZones(id, file, name, request, onProgress) {
    return sendImport(await imports.importZones(id, file, name, request, onProgress));
  },
  async importRoads(id, file, name, onProgress) {
    const r = await imports.importRoads(id, file, name, onProgress);
    return transfer(r, datasetBuffers(r.dataset));
  },
  async removeRoads() {
    const dataset = service.setRoads(null);
    return transfer(dataset, datasetBuffers(dataset));
  },
  async importCalls(id, file, name, request, onProgress) {
    const r = await imports.importCalls(id, file, name, request, onProgress);
    return transfer(r, datasetBuffers(r.dataset));
  },
  async removeCalls() {
    const dataset = service.setCalls(null);
    return transfer(dataset, datasetBuffers(dataset));
  },
  async isochrones(stationId, minutesList) {
    return service.isochrones(stationId, minutesList);
  },
  async hospitalMinutes(capability) {
    const answer = service.hospitalMinutes(capability);
    return transfer(answer, [answer.minutes.buffer]);
  },
  async firstDueOutlines() {
    return service.firstDueOutlines();
  },
  cancelImport(id) {
    imports.cancelImport(id);
  },
  suggest(id, request, onProgress) {
    return suggestions.run(id, request, onProgress);
  },
  cancelSuggest(id) {
    suggestions.cancel(id);
  },
  async cellRows() {
    return service.cellRows();
  },
  async gapCells() {
    const gaps = service.gapCells();
    return transfer(gaps, gaps.map((g) => g.cells.buffer));
  },
  async baselineStatus() {
    const b = service.baselineStatus();
    return transfer(b, [b.status.buffer, b.withinCircle.buffer]);
  },
  async describeCell(index: number) {
    return service.describeCell(index);
  },
};

expose(api);
