/**
 * The scenario file: a versioned JSON document
 * `{ format: "ems-coverage-scenario", version: 1, name, savedAt, region, stations, rules, dataSources? }`
 * written from and read back into a SavedScenario exactly. Reading never
 * throws: every failure names the file, the field and what was wrong.
 */
import type { Rules } from '../core/rules.ts';
import type { Station, StationStatus } from '../core/types.ts';
import {
  checkWith,
  cleanName,
  failure,
  joinStations,
  MAX_NAME_CHARS,
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  scenarioFileSchema,
  truncate,
  withoutProvenance,
  type SavedScenario,
  type ScenarioDataSources,
  type ScenarioFailure,
  type ScenarioResult,
} from './scenario-schema.ts';

export type { SavedScenario, ScenarioFailure, ScenarioResult } from './scenario-schema.ts';

/** Largest scenario file read (characters); a real one is a few hundred kB even with thousands of stations. */
export const MAX_SCENARIO_CHARS = 20_000_000;

/** What the app holds that makes a scenario (the store's fields under these names). */
export interface ScenarioState {
  regionId: string;
  stations: readonly Station[];
  enabledStatus: Readonly<Record<string, StationStatus>>;
  rules: Rules;
  dataSources?: ScenarioDataSources;
}

/**
 * A SavedScenario from the app's state: enabledStatus entries of stations no
 * longer in the list (deleted ones) are dropped, so a save/load round trip is exact.
 * @example makeScenario(getState(), '永春县 方案A').region // '350525'
 */
export function makeScenario(state: ScenarioState, name: string, savedAt: Date = new Date()): SavedScenario {
  const ids = new Set(state.stations.map((s) => s.id));
  const enabledStatus = Object.fromEntries(Object.entries(state.enabledStatus).filter(([id]) => ids.has(id)));
  const scenario: SavedScenario = {
    name,
    savedAt: savedAt.toISOString(),
    region: state.regionId,
    stations: state.stations.map(withoutProvenance),
    enabledStatus,
    rules: { ...state.rules, areaTypeOverrides: { ...state.rules.areaTypeOverrides } },
  };
  if (state.dataSources) scenario.dataSources = state.dataSources;
  return scenario;
}

/**
 * The scenario as file text (indented JSON). Names are cleaned and cut to the
 * reader's limits here, so whatever is written can be read back.
 */
export function serializeScenario(scenario: SavedScenario): string {
  const file = {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    name: truncate(cleanName(scenario.name), MAX_NAME_CHARS),
    savedAt: scenario.savedAt,
    region: scenario.region,
    stations: joinStations(scenario.stations, scenario.enabledStatus),
    rules: scenario.rules,
    ...(scenario.dataSources ? { dataSources: scenario.dataSources } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads a scenario file's text. Refuses, with a message naming `fileName`:
 * oversized text, malformed JSON (with line and column), a wrong format tag,
 * any version but 1, and any field that is missing, of the wrong type, out of
 * range, not one of the allowed words, or a repeated station id.
 * @example parseScenario('{"format":"ems-coverage-scenario","version":2}', 'a.json').error // 'a.json is version 2; this app reads version 1 …'
 */
export function parseScenario(text: string, fileName: string): ScenarioResult<SavedScenario> {
  if (typeof text !== 'string') return failure(fileName, 'is not text', 'not-json');
  if (text.length > MAX_SCENARIO_CHARS) {
    return failure(fileName, `is ${(text.length / 1e6).toFixed(1)} million characters; a scenario file is at most ${MAX_SCENARIO_CHARS / 1e6} million`, 'too-large');
  }
  const json = parseJson(text.replace(/^\uFEFF/, ''), fileName);
  if (!json.ok) return json;
  const header = checkHeader(json.value, fileName);
  if (header) return header;
  return checkWith(scenarioFileSchema, json.value, fileName);
}

/** The format tag and version, checked before the fields so the message says what the file is. */
export function checkHeader(value: unknown, fileName: string): ScenarioFailure | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failure(fileName, `is not a scenario file (expected a JSON object, got ${Array.isArray(value) ? 'a list' : JSON.stringify(value)})`, 'not-scenario');
  }
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== SCENARIO_FORMAT) {
    const got = format === undefined ? 'it has no "format"' : `its "format" is ${JSON.stringify(typeof format === 'string' ? truncate(format, 60) : format)}`;
    return failure(fileName, `is not a scenario file (${got}; expected "${SCENARIO_FORMAT}")`, 'not-scenario');
  }
  if (version !== SCENARIO_VERSION) {
    if (typeof version === 'number') {
      const newer = version > SCENARIO_VERSION ? ' (it was saved by a newer version of the app)' : '';
      return failure(fileName, `is version ${version}; this app reads version ${SCENARIO_VERSION}${newer}`, 'wrong-version');
    }
    return failure(fileName, `has no version number; this app reads version ${SCENARIO_VERSION}`, 'wrong-version');
  }
  return null;
}

/**
 * JSON.parse with a message that says where: line and column when the engine
 * gives a position, and "cut short" when the text ends inside the data.
 */
export function parseJson(text: string, fileName: string): { ok: true; value: unknown } | ScenarioFailure {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const end = text.trimEnd().length;
    const at = /position (\d+)/.exec(message);
    const position = at ? Number(at[1]) : /end of (JSON )?(input|data)/i.test(message) ? end : null;
    // engines word the reason differently; keep the reason, drop their own position suffix
    const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
    if (position !== null && position >= end) {
      return failure(fileName, `is not valid JSON: it ends at character ${end} before the data is complete (is the file cut short?)`, 'not-json');
    }
    const where = position !== null ? ` at ${lineColumn(text, position)}` : '';
    return failure(fileName, `is not valid JSON${where}: ${truncate(reason, 200)}`, 'not-json');
  }
}

/** "line 3, column 14" (1-based) of a character position. */
function lineColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${position - lineStart + 1}`;
}
