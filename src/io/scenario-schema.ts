/**
 * What a valid saved scenario is (a zod schema, file version 1) and how its
 * problems are worded: the field path, what was expected and what came, e.g.
 * `stations[3].lng: expected a longitude between -180 and 180, got "abc"`.
 * The scenario file, the share link and the autosave all check through here.
 */
import { z } from 'zod';
import { CAPABILITIES, defaultEmsSettings } from '../core/ems/settings.ts';
import { defaultReachSettings } from '../core/reach-settings.ts';
import { validateRules, type Rules } from '../core/rules.ts';
import { STATION_BASES, STATION_KINDS, STATION_STATUSES, type Station, type StationStatus } from '../core/types.ts';

export const SCENARIO_FORMAT = 'ems-coverage-scenario';
export const SCENARIO_VERSION = 1;

/** Longest scenario name, station name or station id (UTF-16 units). */
export const MAX_NAME_CHARS = 200;
/** Longest station note. */
export const MAX_NOTE_CHARS = 2000;
/** Longest township, county or zone code, and imported file name. */
export const MAX_CODE_CHARS = 200;

/** Where the population or zones of a scenario came from (the same shape as the store's DataSources). */
export type ScenarioDataSource = { kind: 'demo' } | { kind: 'imported'; file: string };
export interface ScenarioDataSources {
  population: ScenarioDataSource;
  zones: ScenarioDataSource;
}

/** A scenario as the app keeps it: everything needed to restore the user's work exactly. */
export interface SavedScenario {
  name: string;
  /** ISO 8601 date and time of saving. */
  savedAt: string;
  /** Region id: a 6-digit county adcode ("350525"), or a whole city's ("350500" 泉州市, "350200" 厦门市). */
  region: string;
  /** Every station, disabled ones included, in the user's order. */
  stations: Station[];
  /** Status a disabled station returns to when switched on, by station id (only ids in `stations`). */
  enabledStatus: Record<string, StationStatus>;
  rules: Rules;
  dataSources?: ScenarioDataSources;
}

/** One problem with a scenario: where (a field path such as `stations[3].lng`, '' for the whole) and why. */
export interface ScenarioIssue {
  path: string;
  message: string;
}

/** Machine-readable kind of failure, for translated UI text. */
export type ScenarioErrorCode = 'too-large' | 'not-json' | 'not-scenario' | 'wrong-version' | 'invalid' | 'damaged-link' | 'storage';

export interface ScenarioFailure {
  ok: false;
  /** One readable sentence: which file, which field, what was expected, what came. */
  error: string;
  code: ScenarioErrorCode;
  /** Every problem found (the error names the first few). */
  issues: ScenarioIssue[];
}

/** The checked scenario, or why it was refused. */
export type ScenarioResult<T> = { ok: true; scenario: T } | ScenarioFailure;

/** A failure of the whole input (not one field). */
export function failure(source: string, message: string, code: ScenarioErrorCode): ScenarioFailure {
  return { ok: false, error: `${source} ${message}`, code, issues: [{ path: '', message }] };
}

// eslint-disable-next-line no-control-regex -- these are exactly the characters we remove
const CONTROL_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- notes may keep tabs and line breaks
const CONTROL_IN_NOTE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A name from an untrusted file as plain one-line text: control characters and
 * bidirectional overrides (which can make a name display as another) removed.
 * @example cleanName('站\u0000点\u202e1') // '站点1'
 */
export function cleanName(text: string): string {
  return text.replace(CONTROL_IN_NAME, '');
}

/** A note: like cleanName, but tabs and line breaks stay. */
export function cleanNote(text: string): string {
  return text.replace(CONTROL_IN_NOTE, '');
}

/** `text` cut to at most `max` UTF-16 units without splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const high = text.charCodeAt(max - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 1 : max);
}

// Schema builders whose error message is the expectation alone; issueMessage adds "expected … got …".
const text = (max: number, clean: (s: string) => string, what = 'text') =>
  z.string({ error: what }).max(max, { error: `${what} of at most ${max} characters` }).transform(clean);
const range = (min: number, max: number, what: string) => z.number({ error: what }).min(min, { error: what }).max(max, { error: what });
const positive = (what = 'a positive number') => z.number({ error: what }).positive({ error: what });
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `one of ${values.join(', ')}` });

const stationSchema = z.object(
  {
    id: z.string({ error: 'text' }).min(1, { error: 'a non-empty id' }).max(MAX_NAME_CHARS, { error: `an id of at most ${MAX_NAME_CHARS} characters` }).transform(cleanName),
    name: text(MAX_NAME_CHARS, cleanName),
    kind: oneOf(STATION_KINDS),
    status: oneOf(STATION_STATUSES),
    lng: range(-180, 180, 'a longitude between -180 and 180'),
    lat: range(-90, 90, 'a latitude between -90 and 90'),
    township: text(MAX_CODE_CHARS, cleanName).optional(),
    county: text(MAX_CODE_CHARS, cleanName).optional(),
    positionApproximate: z.boolean({ error: 'true or false' }).optional(),
    note: text(MAX_NOTE_CHARS, cleanNote).optional(),
    basis: oneOf(STATION_BASES).optional(),
    ambulances: z.number({ error: 'a whole number of ambulances ≥ 0' }).int({ error: 'a whole number of ambulances ≥ 0' }).min(0, { error: 'a whole number of ambulances ≥ 0' }).optional(),
    capabilities: z.array(oneOf(CAPABILITIES), { error: `a list of capabilities (${CAPABILITIES.join(', ')})` }).optional(),
    plannedCapabilities: z.array(oneOf(CAPABILITIES), { error: `a list of capabilities (${CAPABILITIES.join(', ')})` }).optional(),
    /** In the file, each station carries the status it returns to when switched on. */
    enabledStatus: oneOf(STATION_STATUSES).optional(),
  },
  { error: 'a station object' },
);

type FileStation = z.output<typeof stationSchema>;

/** The stations list: every id used once. */
export const stationsSchema = z.array(stationSchema, { error: 'a list of stations' }).superRefine((stations, ctx) => {
  const first = new Map<string, number>();
  stations.forEach((s, k) => {
    const earlier = first.get(s.id);
    if (earlier !== undefined) ctx.addIssue({ code: 'custom', path: [k, 'id'], message: `duplicate id "${truncate(s.id, 40)}" (also stations[${earlier}].id); every station needs its own id` });
    else first.set(s.id, k);
  });
});

const speedSettingsSchema = z.object(
  {
    classKmh: z.record(z.string().max(MAX_CODE_CHARS, { error: `a road class of at most ${MAX_CODE_CHARS} characters` }), positive('a positive speed in km/h')),
    postedShare: positive(),
    capKmh: positive('a positive speed in km/h'),
    urbanFactor: positive(),
    ruralFactor: positive(),
    traffic: oneOf(['off-peak', 'peak']),
    peakFactor: positive(),
    bothDirections: z.boolean({ error: 'true or false' }),
    offRoadKmh: positive('a positive speed in km/h'),
    maxSnapKm: positive('a positive number of kilometres'),
  },
  { error: 'an object of speed settings' },
);

/** How reach is measured; files saved before roads existed have none and get the defaults. */
const reachSettingsSchema = z.object(
  {
    model: oneOf(['straight-line', 'roads']),
    serviceAlongRoads: z.boolean({ error: 'true or false' }),
    speeds: speedSettingsSchema,
  },
  { error: 'an object of reach settings' },
);

const minutesByCapability = z.object(
  Object.fromEntries(CAPABILITIES.map((c) => [c, positive('a positive number of minutes')])) as Record<(typeof CAPABILITIES)[number], ReturnType<typeof positive>>,
  { error: 'minutes per capability' },
);

/** Parameters of the EMS measures; files saved before them have none and get the defaults. */
const emsSettingsSchema = z.object(
  {
    demand: oneOf(['residents', 'calls', 'both']),
    callsPerThousandPerYear: positive(),
    meanJobMinutes: positive('a positive number of minutes'),
    busyTarget: z.number({ error: 'a share between 0 and 1' }).gt(0, { error: 'a share between 0 and 1' }).lt(1, { error: 'a share between 0 and 1' }),
    defaultAmbulancesPerStation: positive(),
    hospitalTargetMinutes: minutesByCapability,
  },
  { error: 'an object of EMS settings' },
);

/** Every rule with its own bounds; the cross-rule checks (turnout < minutes, lenient ≥ strict) are in rulesProblem. */
export const rulesFieldsSchema = z.object(
  {
    urbanRadiusKm: positive('a positive number of kilometres'),
    ruralStrictRadiusKm: positive('a positive number of kilometres'),
    ruralLenientRadiusKm: positive('a positive number of kilometres'),
    ruralReading: oneOf(['strict', 'lenient']),
    circleMinutes: positive('a positive number of minutes'),
    turnoutMinutes: z.number({ error: 'a number of minutes ≥ 0' }).min(0, { error: 'a number of minutes ≥ 0' }),
    urbanSpeedKmh: positive('a positive speed in km/h'),
    ruralSpeedKmh: positive('a positive speed in km/h'),
    urbanDetourCoefficient: positive(),
    ruralDetourCoefficient: positive(),
    residentsPerAmbulance: positive('a positive number of residents'),
    residentsPerAed: positive('a positive number of residents'),
    reach: reachSettingsSchema.default(() => defaultReachSettings()),
    ems: emsSettingsSchema.default(() => defaultEmsSettings()),
    areaTypeOverrides: z.record(
      z.string().max(MAX_CODE_CHARS, { error: `a zone code of at most ${MAX_CODE_CHARS} characters` }),
      oneOf(['urban', 'rural']),
      { error: `zone codes of at most ${MAX_CODE_CHARS} characters, each "urban" or "rural"` },
    ),
  },
  { error: 'an object of rules' },
);

/** The message of validateRules when the rules cannot be used together, else null. */
export function rulesProblem(rules: Rules): string | null {
  try {
    validateRules(rules);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

const rulesSchema = rulesFieldsSchema.superRefine((rules, ctx) => {
  // zod runs refinements after field issues too; the fields' own messages say it better then
  if (!rulesFieldsSchema.safeParse(rules).success) return;
  const problem = rulesProblem(rules);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const dataSourceSchema = z.discriminatedUnion(
  'kind',
  [z.object({ kind: z.literal('demo') }), z.object({ kind: z.literal('imported'), file: text(MAX_CODE_CHARS, cleanName) })],
  { error: '{ "kind": "demo" } or { "kind": "imported", "file": … }' },
);

export const regionSchema = z.string({ error: 'a 6-digit county adcode such as "350525"' }).regex(/^\d{6}$/, { error: 'a 6-digit county adcode such as "350525"' });
export const scenarioNameSchema = text(MAX_NAME_CHARS, cleanName);

/** Stations as the app keeps them, and the enabledStatus map, from the file's stations. */
export function splitStations(fileStations: FileStation[]): Pick<SavedScenario, 'stations' | 'enabledStatus'> {
  const enabledStatus: Record<string, StationStatus> = {};
  const stations = fileStations.map(({ enabledStatus: back, ...station }) => {
    if (back !== undefined) enabledStatus[station.id] = back;
    return station;
  });
  return { stations, enabledStatus };
}

/** A station without the data file's provenance (source, positionSource, centresSource): that belongs to the data, looked up again by id, not to a scenario. */
export function withoutProvenance(station: Station): Station {
  if (station.source === undefined && station.positionSource === undefined && station.centresSource === undefined) return station;
  const out = { ...station };
  delete out.source;
  delete out.positionSource;
  delete out.centresSource;
  return out;
}

/**
 * The file's stations: each with its enabledStatus (when there is one),
 * optional fields left out when undefined, and text cleaned and cut to the
 * reader's limits, so whatever is written can be read back.
 */
export function joinStations(stations: readonly Station[], enabledStatus: Readonly<Record<string, StationStatus>>): (Station & { enabledStatus?: StationStatus })[] {
  const safe = (text: string, max: number) => truncate(cleanName(text), max);
  return stations.map((s) => {
    const out: Station & { enabledStatus?: StationStatus } = { ...s, id: safe(s.id, MAX_NAME_CHARS), name: safe(s.name, MAX_NAME_CHARS) };
    if (s.township !== undefined) out.township = safe(s.township, MAX_CODE_CHARS);
    if (s.county !== undefined) out.county = safe(s.county, MAX_CODE_CHARS);
    if (s.note !== undefined) out.note = truncate(cleanNote(s.note), MAX_NOTE_CHARS);
    delete out.source;
    delete out.positionSource;
    delete out.centresSource;
    for (const key of Object.keys(out) as (keyof typeof out)[]) if (out[key] === undefined) delete out[key];
    const back = Object.hasOwn(enabledStatus, s.id) ? enabledStatus[s.id] : undefined;
    if (back !== undefined) out.enabledStatus = back;
    return out;
  });
}

/** A scenario file (version 1) after the format and version are known to match. */
export const scenarioFileSchema = z
  .object({
    format: z.literal(SCENARIO_FORMAT),
    version: z.literal(SCENARIO_VERSION),
    name: scenarioNameSchema,
    savedAt: z.iso.datetime({ offset: true, error: 'an ISO 8601 date and time such as "2025-01-31T09:30:00.000Z"' }),
    region: regionSchema,
    stations: stationsSchema,
    rules: rulesSchema,
    dataSources: z.object({ population: dataSourceSchema, zones: dataSourceSchema }, { error: 'an object { population, zones }' }).optional(),
  })
  .transform((file): SavedScenario => {
    const { stations, enabledStatus } = splitStations(file.stations);
    const scenario: SavedScenario = { name: file.name, savedAt: file.savedAt, region: file.region, stations, enabledStatus, rules: file.rules };
    if (file.dataSources) scenario.dataSources = file.dataSources;
    return scenario;
  });

/** `stations[3].lng`, `rules.areaTypeOverrides["350525104000"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]{0,59}$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(truncate(String(key), 60))}]`;
  }
  return out;
}

/** A short, safe picture of a value as it came: `"abc"`, `12`, `a list of 3 items`, `"aaaa…" (10,485,760 characters)`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = JSON.stringify(cleanName(truncate(value, 40)));
    return value.length > 40 ? `${shown.slice(0, -1)}…" (${value.length.toLocaleString('en-US')} characters)` : shown;
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

const hasInput = (issue: z.core.$ZodIssue): issue is z.core.$ZodIssue & { input: unknown } => 'input' in issue;

/** One zod issue in words: custom checks say it all; others are "expected X, got Y" or "is missing (expected X)". */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom') return issue.message;
  if (issue.code === 'invalid_type' && (!hasInput(issue) || issue.input === undefined)) return `is missing (expected ${issue.message})`;
  const got = hasInput(issue) ? `, got ${describeValue(issue.input)}` : '';
  return `expected ${issue.message}${got}`;
}

/** The zod issues as ScenarioIssues, in the order found. */
export function toIssues(error: z.ZodError): ScenarioIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issueMessage(issue) }));
}

/** The failure of a schema check: the first three issues in one sentence, and all of them in `issues`. */
export function invalid(source: string, issues: ScenarioIssue[]): ScenarioFailure {
  const shown = issues.slice(0, 3).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '';
  return { ok: false, error: `${source}: ${shown.join('; ')}${more}`, code: 'invalid', issues };
}

/** Checks a value with a schema, never throwing: the parsed value or the worded problems. */
export function checkWith<T>(schema: z.ZodType<T>, value: unknown, source: string): ScenarioResult<T> {
  let parsed: ReturnType<typeof schema.safeParse>;
  try {
    parsed = schema.safeParse(value, { reportInput: true });
  } catch (e) {
    // a schema bug must not take the app down; report it as an unreadable input
    return failure(source, `could not be checked (${(e as Error).message})`, 'invalid');
  }
  return parsed.success ? { ok: true, scenario: parsed.data } : invalid(source, toIssues(parsed.error));
}
