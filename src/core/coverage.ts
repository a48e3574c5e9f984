/**
 * The incremental coverage engine. For every cell it keeps the nearest active
 * station and its cost, the number of stations within the cover limit, the
 * status (covered / marginal / gap) and whether the cell lies inside the
 * emergency circle; per zone it keeps population sums by status. Costs and
 * limits are in the reach model's unit, which the engine never needs to know.
 * Adding, moving or removing one station touches only the cells that station
 * reaches.
 *
 * With roads, statuses may be judged by one model (the standard's straight
 * line) and the emergency circle by another (response minutes on roads): the
 * engine then holds a second engine over the same grid for the circle, keeps
 * it in step with every edit, and shares its per-cell circle arrays and
 * circle sums, so every reader of the engine sees one consistent result.
 */
import type { PopulationGrid } from './grid.ts';
import type { CostUnit, NearestOut, Reach, ReachLimits, ReachModel, ReachOrigin } from './reach.ts';
import { reachCacheOf, type ReachCache } from './reach-cache.ts';
import { chunksOf, CHUNK_SHIFT as CHUNK_SHIFT_IMPORT, ReachStore, type KeptReach } from './reach-store.ts';
import type { Rules } from './rules.ts';
import { COVERED as COVERED_IMPORT, GAP as GAP_IMPORT, MARGINAL as MARGINAL_IMPORT, type AreaType, type Station } from './types.ts';

// module-local copies: an imported binding may be read through a getter on every use in a hot loop
const COVERED = COVERED_IMPORT;
const MARGINAL = MARGINAL_IMPORT;
const GAP = GAP_IMPORT;
const CHUNK_SHIFT = CHUNK_SHIFT_IMPORT;

/** Columns of the per-zone aggregate array. */
export const AGG_COVERED = 0;
export const AGG_MARGINAL = 1;
export const AGG_GAP = 2;
export const AGG_WITHIN_CIRCLE = 3;
export const AGG_WIDTH = 4;
const CIRCLE_COLUMN = AGG_WITHIN_CIRCLE;

interface Slot {
  station: Station;
  /** The station's reach, kept in the engine's store; null until asked for when a full evaluation took the model's fast path. */
  kept: KeptReach | null;
  /**
   * False when `kept` is the part an added station needed (the model's
   * reachAgainst): exact within the cover limits, other cells only where it
   * was nearest when added. Its whole reach is made when asked for.
   */
  whole: boolean;
  /** Box of the reached cells [minLng, minLat, maxLng, maxLat], to find stations whose reach overlaps; made on first removal nearby. */
  box: Float64Array | null;
}

export class CoverageEngine {
  readonly grid: PopulationGrid;
  private readonly model: ReachModel;
  private rulesValue!: Rules;
  private limitsValue!: ReachLimits;

  /** Per-cell thresholds in the reach model's unit, from the rules and the cell's area type. */
  readonly coverLimit: Float64Array;
  readonly marginalLimit: Float64Array;
  readonly circleLimit: Float64Array;
  readonly areaType: Uint8Array; // 1 = urban, 0 = rural

  /** Nearest active station's slot (-1 none within the reach limit) and its cost. */
  readonly nearestSlot: Int32Array;
  readonly nearestCost: Float64Array;
  /** Active stations within the cell's cover limit (backup coverage). */
  readonly inRangeCount: Uint16Array;
  readonly status: Uint8Array;
  readonly withinCircle: Uint8Array;

  /** Population sums: row 0 is "no zone", row z+1 is zone z; columns AGG_*. */
  readonly zoneAgg: Float64Array;
  readonly zonePopulation: Float64Array;

  private readonly slots: (Slot | null)[] = [];
  private readonly slotById = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private readonly affected: Uint8Array;
  /** Per chunk of cells (index >> CHUNK_SHIFT): 1 while a removal re-finds the nearest station of some cell in it. */
  private readonly affectedChunk: Uint8Array;
  /** Cells a removal leaves without their nearest station (scratch). */
  private lost: Int32Array;
  /** Reach entries an added station changes or ties (scratch). */
  private ties: Int32Array = new Int32Array(0);
  /** The last ranks() and the id each slot held then (see ranks). */
  private rankCache: { rank: Int32Array; ids: (string | null)[] } | null = null;
  private readonly store = new ReachStore();
  /** True while setStations adds stations: statuses are derived once at the end. */
  private bulk = false;
  /** The engine's per-cell arrays as the model's fast path writes them (null: the model has none). */
  private readonly nearestOut: NearestOut | null;
  /** Reaches kept between evaluations for a model whose reach is costly (roads), shared with every engine over it. */
  private readonly reachCache: ReachCache | null;
  /**
   * The engine whose reach decides the emergency circle: this one, or (mixed
   * mode: statuses in straight-line km, circle in road minutes) a second
   * engine over the same grid with the circle's model, kept in step.
   */
  readonly circleEngine: CoverageEngine;
  /** False when the circle comes from a second engine: this one then never writes the circle arrays. */
  private readonly ownCircle: boolean;

  /**
   * @param model the reach model statuses (cover, marginal, in-range counts) are judged by
   * @param circleModel another model for the emergency circle (and response minutes), or null: the same as `model`
   */
  constructor(grid: PopulationGrid, model: ReachModel, rules: Rules, circleModel: ReachModel | null = null) {
    this.grid = grid;
    this.model = model;
    const n = grid.size;
    this.ownCircle = circleModel === null || circleModel === model;
    this.circleEngine = this.ownCircle ? this : new CoverageEngine(grid, circleModel!, rules);
    this.coverLimit = new Float64Array(n);
    this.marginalLimit = new Float64Array(n);
    // mixed mode: the circle's limits and flags are the circle engine's own arrays, read, never written here
    this.circleLimit = this.ownCircle ? new Float64Array(n) : this.circleEngine.circleLimit;
    this.areaType = new Uint8Array(n);
    this.nearestSlot = new Int32Array(n);
    this.nearestCost = new Float64Array(n);
    this.inRangeCount = new Uint16Array(n);
    this.status = new Uint8Array(n);
    this.withinCircle = this.ownCircle ? new Uint8Array(n) : this.circleEngine.withinCircle;
    this.affected = new Uint8Array(n);
    this.affectedChunk = new Uint8Array((n >> CHUNK_SHIFT) + 1);
    this.lost = new Int32Array(1024);
    const rows = grid.zones.length + 1;
    this.zoneAgg = new Float64Array(rows * AGG_WIDTH);
    this.zonePopulation = new Float64Array(rows);
    for (let i = 0; i < n; i++) this.zonePopulation[grid.zone[i] + 1] += grid.population[i];
    this.reachCache = reachCacheOf(model);
    this.nearestOut = model.nearestAll ? { slot: this.nearestSlot, cost: this.nearestCost, inRange: this.inRangeCount } : null;
    this.setRules(rules);
  }

  /** The reach model the engine asks (a baseline engine over the same grid shares it). */
  get reachModel(): ReachModel {
    return this.model;
  }

  get rules(): Rules {
    return this.rulesValue;
  }

  /** The rules as the reach model reads them (its unit), per area type. */
  get reachLimits(): ReachLimits {
    return this.limitsValue;
  }

  /** Unit of every cost and limit the engine holds (the reach model's). */
  get unit(): CostUnit {
    return this.model.unit;
  }

  /** The model the emergency circle is measured with (this engine's own, or the circle engine's). */
  get circleModel(): ReachModel {
    return this.circleEngine.model;
  }

  /**
   * Per cell, the response time (minutes) of the nearest active station by
   * the circle's model, Infinity when none reaches it within the model's
   * horizon; null when the circle is not measured in minutes (straight line).
   * The engine's own array: read, never edit.
   */
  get responseMinutes(): Float64Array | null {
    return this.circleEngine.unit === 'minutes' ? this.circleEngine.nearestCost : null;
  }

  /** A new engine with the same grid, models and rules, and no stations (a baseline to compare with). */
  emptyLike(): CoverageEngine {
    return new CoverageEngine(this.grid, this.model, this.rulesValue, this.ownCircle ? null : this.circleEngine.model);
  }

  /** Area type of a zone under the current rules (override first, then the zone's default). */
  zoneAreaType(zoneIndex: number): AreaType {
    if (zoneIndex < 0) return 'rural';
    const zone = this.grid.zones[zoneIndex];
    return this.rulesValue.areaTypeOverrides[zone.code] ?? zone.areaType;
  }

  /** Changes the rules and re-evaluates the given stations (by default the active ones): one full evaluation. */
  setRules(rules: Rules, stations: readonly Station[] = this.activeStations()): void {
    this.rulesValue = rules;
    // the model turns the rules into limits in its own unit; the engine only compares
    const limits = this.model.limits(rules);
    this.limitsValue = limits;
    const zoneUrban = this.grid.zones.map((_, z) => this.zoneAreaType(z) === 'urban');
    for (let i = 0; i < this.grid.size; i++) {
      const z = this.grid.zone[i];
      const isUrban = z >= 0 && zoneUrban[z];
      const t = isUrban ? limits.urban : limits.rural;
      this.areaType[i] = isUrban ? 1 : 0;
      this.coverLimit[i] = t.cover;
      this.marginalLimit[i] = t.marginal;
      if (this.ownCircle) this.circleLimit[i] = t.circle;
    }
    // the circle engine takes the rules now, its stations with ours below
    if (!this.ownCircle) this.circleEngine.setRules(rules, []);
    this.setStations(stations);
  }

  /** Replaces all stations; disabled ones are kept out of the evaluation. */
  setStations(stations: readonly Station[]): void {
    this.slots.length = 0;
    this.slotById.clear();
    this.freeSlots.length = 0;
    this.store.clear();
    this.status.fill(GAP);
    if (this.ownCircle) this.withinCircle.fill(0);
    this.zoneAgg.fill(0);
    for (let r = 0; r < this.zonePopulation.length; r++) this.zoneAgg[r * AGG_WIDTH + AGG_GAP] = this.zonePopulation[r];
    // bulk load: find every cell's nearest station first, then derive statuses and sums in one pass
    // the model's fast path writes every cell's nearest and count (NearestOut); the station-by-station path starts from none
    // no active station (a new engine starts with none): no scan, every cell is unreached
    const any = stations.some((s) => s.status !== 'disabled');
    if (this.nearestOut && any && !this.reachCache?.holdsAll(this.model, stations, this.limitsValue)) this.loadAll(stations);
    else {
      this.nearestSlot.fill(-1);
      this.nearestCost.fill(Infinity);
      this.inRangeCount.fill(0);
      this.bulk = true;
      try {
        for (const s of stations) if (s.status !== 'disabled') this.addStation(s);
      } finally {
        this.bulk = false;
      }
    }
    if (!this.ownCircle) this.circleEngine.setStations(stations);
    this.deriveAll();
    this.mirrorCircle();
  }

  /**
   * The model's fast path of a bulk load: every cell's nearest station and
   * in-range count at once, no reach listed; each station's reach is made
   * when first needed (its removal, stationReach).
   */
  private loadAll(stations: readonly Station[]): void {
    for (const station of stations) {
      if (station.status === 'disabled') continue;
      checkStation(station, this.slotById);
      this.slotById.set(station.id, this.slots.length);
      this.slots.push({ station, kept: null, whole: true, box: null });
    }
    this.model.nearestAll!(this.origins(), this.ranks(), this.limitsValue, this.areaType, this.nearestOut!);
  }

  /** Each slot's station (null for a free slot), as origins of the model's fast path. */
  private origins(): (Station | null)[] {
    return this.slots.map((s) => s?.station ?? null);
  }

  /**
   * Each slot's rank in station id order: the tie-break of equal costs, which
   * reads only the order of two ranks. So the last ranks stand while every
   * slot in use holds the id it held then (a removal, or a station moved back
   * into its own slot, keeps the order of the rest): a move sorts nothing.
   */
  private ranks(): Int32Array {
    const cached = this.rankCache;
    if (cached && cached.rank.length >= this.slots.length && this.slots.every((s, k) => !s || s.station.id === cached.ids[k])) return cached.rank;
    const order = this.slots.flatMap((s, k) => (s ? [k] : []));
    order.sort((a, b) => (this.slots[a]!.station.id < this.slots[b]!.station.id ? -1 : 1));
    const rank = new Int32Array(this.slots.length);
    order.forEach((slot, r) => (rank[slot] = r));
    this.rankCache = { rank, ids: this.slots.map((s) => s?.station.id ?? null) };
    return rank;
  }

  /** A slot's whole kept reach, made (and kept) now if the fast path left it out or kept only part of it. */
  private keptOf(slot: Slot): KeptReach {
    if (slot.kept && !slot.whole) {
      this.store.release(slot.kept);
      slot.kept = null;
      slot.box = null;
    }
    slot.whole = true;
    return (slot.kept ??= this.store.keep(this.reachOf(slot.station)));
  }

  /**
   * True when a station is added or removed with only the part of its reach
   * the model's reachAgainst gives: the model re-finds a removal's cells
   * itself (nearestOf), so no other station's whole reach is read then.
   */
  private get partialReaches(): boolean {
    return this.nearestOut !== null && this.model.nearestOf !== undefined && this.model.reachAgainst !== undefined;
  }

  /** A station's reach, from the model's cache when it keeps one (read before the model's next reach). */
  private reachOf(station: Station): Reach {
    return this.reachCache ? this.reachCache.reach(this.model, station, this.limitsValue) : this.model.reach(station, this.limitsValue);
  }

  /** Mixed mode: copies the circle engine's circle sums into ours (a column per zone; the per-cell flags are shared). */
  private mirrorCircle(): void {
    if (this.ownCircle) return;
    const from = this.circleEngine.zoneAgg;
    for (let r = 0; r < this.zonePopulation.length; r++) this.zoneAgg[r * AGG_WIDTH + CIRCLE_COLUMN] = from[r * AGG_WIDTH + CIRCLE_COLUMN];
  }

  /** Statuses and sums of every reached cell, from all cells still at GAP, outside the circle (after a bulk load). */
  private deriveAll(): void {
    const { nearestCost, areaType, status, withinCircle } = this;
    const { zone, population, size } = this.grid;
    // the limits by area type (a byte a cell) rather than the per-cell arrays (three times eight)
    const { urban, rural } = this.limitsValue;
    // as numbers, not read off the limits objects per cell
    const [coverUrban, marginalUrban, circleUrban] = [urban.cover, urban.marginal, urban.circle];
    const [coverRural, marginalRural, circleRural] = [rural.cover, rural.marginal, rural.circle];
    const ownCircle = this.ownCircle;
    // sums kept in locals along a run of cells of one zone (the grid's H3 order keeps a township's cells mostly
    // together; a zone met again later is added to again), written to its row when the zone changes: no chain
    // of adds through memory from cell to cell
    let row = -1;
    let covered = 0;
    let marginal = 0;
    let circle = 0;
    for (let i = 0; i < size; i++) {
      const cost = nearestCost[i];
      if (cost === Infinity) continue;
      const here = (zone[i] + 1) * AGG_WIDTH;
      if (here !== row) {
        if (row >= 0) this.addToRow(row, covered, marginal, circle);
        row = here;
        covered = 0;
        marginal = 0;
        circle = 0;
      }
      const isUrban = areaType[i] === 1;
      const pop = population[i];
      if (cost <= (isUrban ? coverUrban : coverRural)) {
        covered += pop;
        status[i] = COVERED;
      } else if (cost <= (isUrban ? marginalUrban : marginalRural)) {
        marginal += pop;
        status[i] = MARGINAL;
      }
      if (ownCircle && cost <= (isUrban ? circleUrban : circleRural)) {
        circle += pop;
        withinCircle[i] = 1;
      }
    }
    if (row >= 0) this.addToRow(row, covered, marginal, circle);
  }

  /** A run's sums into a zone's row (deriveAll): covered and marginal leave the gap column. */
  private addToRow(row: number, covered: number, marginal: number, circle: number): void {
    const agg = this.zoneAgg;
    agg[row + COVERED] += covered;
    agg[row + MARGINAL] += marginal;
    agg[row + GAP] -= covered + marginal;
    if (this.ownCircle) agg[row + CIRCLE_COLUMN] += circle;
  }

  /** Stations currently counted (existing and proposed, not disabled). */
  activeStations(): Station[] {
    return this.slots.filter((s): s is Slot => s !== null).map((s) => s.station);
  }

  /** What a station (or a candidate site) would reach under the current rules. */
  reachFrom(origin: ReachOrigin): Reach {
    return this.model.reach(origin, this.limitsValue);
  }

  /**
   * The cells an active station reaches and their costs (the engine's own
   * copy: read, never edit), or null. Made on first asking after a full
   * evaluation by the model's fast path, so valid until the next edit or
   * the next stationReach: read one station's before asking for another's.
   */
  stationReach(id: string): Reach | null {
    const slot = this.slotById.get(id);
    return slot === undefined ? null : this.keptOf(this.slots[slot]!).reach;
  }

  hasStation(id: string): boolean {
    return this.slotById.has(id);
  }

  /** Slots in use or free: every nearestSlot is below it. */
  get slotCount(): number {
    return this.slots.length;
  }

  stationAtSlot(slot: number): Station | null {
    return slot >= 0 ? (this.slots[slot]?.station ?? null) : null;
  }

  /**
   * Adds a station, or moves/updates one with the same id. A disabled station
   * is removed instead. Only the cells within reach of the old and new
   * positions are touched.
   */
  upsertStation(station: Station): void {
    if (this.slotById.has(station.id)) this.removeOwn(station.id);
    if (station.status !== 'disabled') this.addStation(station);
    if (!this.ownCircle) {
      this.circleEngine.upsertStation(station);
      this.mirrorCircle();
    }
  }

  private addStation(station: Station): void {
    checkStation(station, this.slotById);
    // one station added (not a bulk load, which reads whole reaches from the cache): only what it changes is searched
    const part = !this.bulk && this.partialReaches;
    const kept = this.store.keep(part ? this.model.reachAgainst!(station, this.limitsValue, this.nearestCost) : this.reachOf(station));
    const slotIndex = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.slots.length;
    this.slots[slotIndex] = { station, kept, whole: !part, box: null };
    this.slotById.set(station.id, slotIndex);
    const { cells, costs } = kept.reach;
    const { areaType, inRangeCount, nearestCost, nearestSlot } = this;
    // the cover limit by area type (a byte a cell) rather than per cell (eight): less memory to walk
    const urbanCover = this.limitsValue.urban.cover;
    const ruralCover = this.limitsValue.rural.cover;
    if (this.ties.length < cells.length) this.ties = new Int32Array(cells.length);
    const { ties } = this;
    const changes = !this.bulk; // a bulk load derives every status at the end
    let nTies = 0;
    // no call in this loop (a call, even one rarely made, slows all of it): exact ties and statuses come after
    for (let k = 0; k < cells.length; k++) {
      const i = cells[k];
      const cost = costs[k];
      if (cost <= (areaType[i] === 1 ? urbanCover : ruralCover)) inRangeCount[i]++;
      const best = nearestCost[i];
      if (cost < best) {
        nearestCost[i] = cost;
        nearestSlot[i] = slotIndex;
        if (changes) ties[nTies++] = k; // changed: its status follows
      } else if (cost === best) ties[nTies++] = ~k; // an exact tie: the tie-break decides
    }
    for (let t = 0; t < nTies; t++) {
      const tie = ties[t] < 0;
      const k = tie ? ~ties[t] : ties[t];
      const i = cells[k];
      if (tie) {
        if (!this.closer(costs[k], slotIndex, i)) continue;
        nearestSlot[i] = slotIndex;
      }
      if (changes) this.refresh(i);
    }
  }

  /** The box [minLng, minLat, maxLng, maxLat] of some cells. */
  private boxOfCells(cells: Int32Array, count = cells.length): Float64Array {
    const box = new Float64Array([Infinity, Infinity, -Infinity, -Infinity]);
    const { lng, lat } = this.grid;
    for (let k = 0; k < count; k++) {
      const x = lng[cells[k]];
      const y = lat[cells[k]];
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
    return box;
  }

  /** The box of a slot's reached cells, computed once: only removals need it. */
  private boxOf(slot: Slot): Float64Array {
    return (slot.box ??= this.boxOfCells(this.keptOf(slot).reach.cells));
  }

  /** Removes a station by id; cells it was nearest to find their next nearest among overlapping stations. */
  removeStation(id: string): void {
    this.removeOwn(id);
    if (!this.ownCircle) {
      this.circleEngine.removeStation(id);
      this.mirrorCircle();
    }
  }

  private removeOwn(id: string): void {
    const slotIndex = this.slotById.get(id);
    if (slotIndex === undefined) throw new Error(`No active station with id "${id}".`);
    const slot = this.slots[slotIndex]!;
    this.slots[slotIndex] = null;
    this.slotById.delete(id);
    this.freeSlots.push(slotIndex);

    // a reach the fast path never kept is made for this once (the model's or its cache's arrays, read before the next reach);
    // where the model re-finds the lost cells itself, the part within the cover limits is enough (the in-range counts)
    const part = this.partialReaches;
    const { cells, costs } = slot.kept ? slot.kept.reach : part ? this.model.reachAgainst!(slot.station, this.limitsValue, this.nearestCost) : this.reachOf(slot.station);
    if (slot.kept) this.store.release(slot.kept);
    const whole = slot.kept ? slot.whole : !part;
    // the cells it was nearest to: all within its whole reach; a part may lack those it won later by another's removal
    const size = this.grid.size;
    if (this.lost.length < (whole ? cells.length : size)) this.lost = new Int32Array(whole ? cells.length : size);
    const { lost, coverLimit, inRangeCount, nearestSlot, nearestCost, affected, affectedChunk } = this;
    let nLost = 0;
    if (whole) {
      for (let k = 0; k < cells.length; k++) {
        const i = cells[k];
        if (costs[k] <= coverLimit[i]) inRangeCount[i]--;
        if (nearestSlot[i] === slotIndex) {
          nearestSlot[i] = -1;
          nearestCost[i] = Infinity;
          affected[i] = 1;
          affectedChunk[i >> CHUNK_SHIFT] = 1;
          lost[nLost++] = i;
        }
      }
    } else {
      for (let k = 0; k < cells.length; k++) if (costs[k] <= coverLimit[cells[k]]) inRangeCount[cells[k]]--;
      for (let i = 0; i < size; i++) {
        if (nearestSlot[i] !== slotIndex) continue;
        nearestSlot[i] = -1;
        nearestCost[i] = Infinity;
        affected[i] = 1;
        affectedChunk[i >> CHUNK_SHIFT] = 1;
        lost[nLost++] = i;
      }
    }
    if (nLost === 0) return;
    if (this.nearestOut && this.model.nearestOf) {
      this.model.nearestOf(lost, nLost, this.origins(), this.ranks(), this.limitsValue, this.nearestOut);
      for (let q = 0; q < nLost; q++) {
        affected[lost[q]] = 0;
        affectedChunk[lost[q] >> CHUNK_SHIFT] = 0;
        this.refresh(lost[q]);
      }
      return;
    }
    // only stations whose reach box overlaps the lost cells' can be their new nearest, and only
    // the chunks of their reach that hold a lost cell need a look
    const box = this.boxOfCells(lost, nLost);
    let { ties } = this;
    let nTies = 0;
    for (let s = 0; s < this.slots.length; s++) {
      const other = this.slots[s];
      if (!other) continue;
      const ob = this.boxOf(other);
      if (ob[2] < box[0] || ob[0] > box[2] || ob[3] < box[1] || ob[1] > box[3]) continue;
      const kept = this.keptOf(other);
      const { cells: oc, costs: ok } = kept.reach;
      const { key, at } = chunksOf(kept);
      for (let c = 0; c < key.length; c++) {
        if (affectedChunk[key[c]] === 0) continue;
        for (let k = at[c]; k < at[c + 1]; k++) {
          const i = oc[k];
          if (affected[i] === 0) continue;
          const cost = ok[k];
          if (cost < nearestCost[i]) {
            nearestCost[i] = cost;
            nearestSlot[i] = s;
          } else if (cost === nearestCost[i]) {
            // an exact tie, settled once every stronger claim is in (no call in this loop)
            if (nTies + 2 > ties.length) ties = this.ties = growInt32(ties);
            ties[nTies++] = s;
            ties[nTies++] = k;
          }
        }
      }
    }
    for (let t = 0; t < nTies; t += 2) {
      const s = ties[t];
      const k = ties[t + 1];
      const { cells: oc, costs: ok } = this.keptOf(this.slots[s]!).reach;
      const i = oc[k];
      if (ok[k] === nearestCost[i] && this.slots[s]!.station.id < this.slots[nearestSlot[i]]!.station.id) nearestSlot[i] = s;
    }
    for (let q = 0; q < nLost; q++) {
      const i = lost[q];
      affected[i] = 0;
      affectedChunk[i >> CHUNK_SHIFT] = 0;
      this.refresh(i);
    }
  }

  /** Strictly closer, ties broken by station id so the result never depends on insertion order. */
  private closer(cost: number, slot: number, cell: number): boolean {
    const best = this.nearestCost[cell];
    if (cost < best) return true;
    if (cost > best) return false;
    const current = this.nearestSlot[cell];
    return current >= 0 && this.slots[slot]!.station.id < this.slots[current]!.station.id;
  }

  /** Recomputes one cell's status from its nearest cost and moves its population between sums. */
  private refresh(i: number): void {
    const cost = this.nearestCost[i];
    const next = cost <= this.coverLimit[i] ? COVERED : cost <= this.marginalLimit[i] ? MARGINAL : GAP;
    const prev = this.status[i];
    const row = (this.grid.zone[i] + 1) * AGG_WIDTH;
    const pop = this.grid.population[i];
    if (next !== prev) {
      this.zoneAgg[row + prev] -= pop;
      this.zoneAgg[row + next] += pop;
      this.status[i] = next;
    }
    if (!this.ownCircle) return;
    const within = cost <= this.circleLimit[i] ? 1 : 0;
    if (within !== this.withinCircle[i]) {
      this.zoneAgg[row + AGG_WITHIN_CIRCLE] += within ? pop : -pop;
      this.withinCircle[i] = within;
    }
  }

  /** Population sum of one aggregate column over all zones (and cells with no zone). */
  total(column: number): number {
    let sum = 0;
    for (let r = 0; r < this.zonePopulation.length; r++) sum += this.zoneAgg[r * AGG_WIDTH + column];
    return sum;
  }

  /** Aggregate for one zone index (-1 = cells with no zone). */
  zoneValue(zoneIndex: number, column: number): number {
    return this.zoneAgg[(zoneIndex + 1) * AGG_WIDTH + column];
  }
}

/** Throws when a station's id is already held or it has no valid position. */
function checkStation(station: Station, held: Map<string, number>): void {
  if (held.has(station.id)) throw new Error(`Station id "${station.id}" is used twice.`);
  if (!Number.isFinite(station.lng) || !Number.isFinite(station.lat)) {
    throw new Error(`Station "${station.id}" has no valid position (${station.lng}, ${station.lat}).`);
  }
}

/** The array twice as long, with its contents. */
function growInt32(a: Int32Array): Int32Array {
  const b = new Int32Array(Math.max(64, a.length * 2));
  b.set(a);
  return b;
}
