/**
 * The undo history as the autosave keeps it: a versioned record
 * `{ format: "ems-coverage-history", version: 1, region, scenarioSavedAt, undo, redo }`
 * whose steps are scenario-file texts, so each step is checked exactly like a
 * scenario file when read back. A damaged step is dropped (and said so); the
 * rest of the history and the scenario itself still restore.
 */
import { parseScenario, type SavedScenario } from '../io/scenario-file.ts';

export const HISTORY_FORMAT = 'ems-coverage-history';
export const HISTORY_VERSION = 1;
/** Most undo steps (and redo steps) kept with the autosave; older ones are forgotten on reload. */
export const MAX_SAVED_STEPS = 50;

/** What is written to IndexedDB next to the scenario. */
export interface HistoryRecord {
  format: typeof HISTORY_FORMAT;
  version: typeof HISTORY_VERSION;
  region: string;
  /** `savedAt` of the scenario this history leads to: a history read with another scenario is not used. */
  scenarioSavedAt: string;
  /** Scenario texts, oldest first; the last is what the first undo restores. */
  undo: string[];
  /** Scenario texts, the last is what the first redo restores. */
  redo: string[];
}

export type HistoryLoad =
  | { kind: 'none' }
  /** `dropped` says why each unreadable step was left out (empty when all were read). */
  | { kind: 'loaded'; undo: SavedScenario[]; redo: SavedScenario[]; dropped: string[] }
  /** The record as a whole is unusable (not a history, another version, another scenario). */
  | { kind: 'corrupt'; error: string };

/**
 * The record of a history, keeping the newest `MAX_SAVED_STEPS` of each side.
 * @param serialize turns one step into scenario-file text (the caller may cache it: steps never change)
 * @example makeHistoryRecord('350525', '2025-01-31T09:30:00.000Z', [a, b], [], toText).undo.length // 2
 */
export function makeHistoryRecord<T>(region: string, scenarioSavedAt: string, undo: readonly T[], redo: readonly T[], serialize: (step: T) => string): HistoryRecord {
  return {
    format: HISTORY_FORMAT,
    version: HISTORY_VERSION,
    region,
    scenarioSavedAt,
    undo: undo.slice(-MAX_SAVED_STEPS).map(serialize),
    redo: redo.slice(-MAX_SAVED_STEPS).map(serialize),
  };
}

const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);

/**
 * Reads a stored history back. `undefined` (nothing stored) is 'none'; a
 * record of another format, version, region or scenario save is 'corrupt';
 * otherwise every step is parsed as a scenario file of `region`, and the
 * steps that fail are dropped with their reason.
 */
export function parseHistoryRecord(value: unknown, region: string, scenarioSavedAt: string): HistoryLoad {
  if (value === undefined) return { kind: 'none' };
  const source = `The undo history of region ${region}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'corrupt', error: `${source} is not a history record (found ${describe(value)}).` };
  const r = value as Partial<Record<keyof HistoryRecord, unknown>>;
  if (r.format !== HISTORY_FORMAT) return { kind: 'corrupt', error: `${source} is not a history record (its "format" is ${JSON.stringify(r.format) ?? 'missing'}; expected "${HISTORY_FORMAT}").` };
  if (r.version !== HISTORY_VERSION) return { kind: 'corrupt', error: `${source} is version ${JSON.stringify(r.version) ?? 'missing'}; this app reads version ${HISTORY_VERSION}.` };
  if (r.region !== region) return { kind: 'corrupt', error: `${source} belongs to region ${JSON.stringify(r.region)}.` };
  if (r.scenarioSavedAt !== scenarioSavedAt) {
    return { kind: 'corrupt', error: `${source} belongs to the scenario saved at ${JSON.stringify(r.scenarioSavedAt)}, not to the one saved at ${scenarioSavedAt}.` };
  }
  if (!Array.isArray(r.undo) || !Array.isArray(r.redo)) return { kind: 'corrupt', error: `${source} has no list of undo and redo steps.` };
  const dropped: string[] = [];
  const read = (steps: unknown[], side: 'undo' | 'redo'): SavedScenario[] => {
    const out: SavedScenario[] = [];
    // only the newest steps are kept, as when written
    const kept = steps.slice(-MAX_SAVED_STEPS);
    kept.forEach((text, i) => {
      const where = `${source}, ${side} step ${kept.length - i}`;
      if (typeof text !== 'string') {
        dropped.push(`${where} is not scenario text (found ${describe(text)}).`);
        return;
      }
      const parsed = parseScenario(text, where);
      if (!parsed.ok) dropped.push(parsed.error);
      else if (parsed.scenario.region !== region) dropped.push(`${where} belongs to region ${parsed.scenario.region}.`);
      else out.push(parsed.scenario);
    });
    return out;
  };
  const undo = read(r.undo, 'undo');
  const redo = read(r.redo, 'redo');
  return { kind: 'loaded', undo, redo, dropped };
}
