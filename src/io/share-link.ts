/**
 * A scenario in a URL hash fragment, `#scenario=<data>`: the region, the
 * stations and the rules that differ from the defaults, as JSON deflated with
 * fflate and written in base64url. Decoding checks it like a scenario file.
 * Links are for quick sharing; a scenario file is the exact record (a link's
 * unchanged rules follow the defaults of the app that opens it).
 */
import { deflateSync, inflateSync } from 'fflate';
import { z } from 'zod';
import { DEFAULT_RULES, type Rules } from '../core/rules.ts';
import type { Station, StationStatus } from '../core/types.ts';
import {
  checkWith,
  cleanName,
  failure,
  invalid,
  joinStations,
  MAX_NAME_CHARS,
  regionSchema,
  rulesFieldsSchema,
  rulesProblem,
  scenarioNameSchema,
  splitStations,
  stationsSchema,
  truncate,
  type ScenarioResult,
} from './scenario-schema.ts';

/** The hash parameter holding the scenario. */
export const SHARE_PARAM = 'scenario';
/** Longest link made by default: well within what browsers, chat apps and mail clients keep intact. */
export const DEFAULT_MAX_LINK_CHARS = 8000;
const LINK_VERSION = 1;
/** Longest data read from a link, and its largest inflated size: a hostile link must not exhaust memory. */
const MAX_DECODE_CHARS = 200_000;
const MAX_INFLATED_BYTES = 1_000_000;
const SOURCE = 'The share link';

/** What a link carries (a SavedScenario has all of it). */
export interface SharedScenario {
  name: string;
  region: string;
  stations: Station[];
  enabledStatus: Record<string, StationStatus>;
  rules: Rules;
}

export type ShareLinkResult =
  | {
      ok: true;
      /** `baseUrl` (its own hash replaced) + hash; the hash alone when no baseUrl was given. */
      url: string;
      /** `#scenario=…` */
      hash: string;
    }
  | { ok: false; code: 'too-long'; error: string; length: number; maxChars: number };

export interface ShareLinkOptions {
  /** The page address the link opens (e.g. location.href); its length counts toward the limit. */
  baseUrl?: string;
  /** Longest link allowed (default 8,000 characters). */
  maxChars?: number;
}

/** The rules that differ from DEFAULT_RULES (area type overrides only when there are some). */
export function rulesChanges(rules: Rules): Partial<Rules> {
  const changes: Partial<Rules> = {};
  for (const key of Object.keys(DEFAULT_RULES) as (keyof Rules)[]) {
    if (key === 'areaTypeOverrides') continue;
    if (rules[key] !== DEFAULT_RULES[key]) (changes as Record<string, unknown>)[key] = rules[key];
  }
  if (Object.keys(rules.areaTypeOverrides).length > 0) changes.areaTypeOverrides = rules.areaTypeOverrides;
  return changes;
}

/**
 * The link for a scenario, or a refusal when it would be longer than
 * `maxChars` (the UI then offers a scenario file instead).
 * @example encodeShareLink(scenario, { baseUrl: location.href }) // { ok: true, url: 'https://…/#scenario=…', hash: '#scenario=…' }
 */
export function encodeShareLink(scenario: SharedScenario, options: ShareLinkOptions = {}): ShareLinkResult {
  const maxChars = options.maxChars ?? DEFAULT_MAX_LINK_CHARS;
  const changes = rulesChanges(scenario.rules);
  const payload = {
    v: LINK_VERSION,
    name: truncate(cleanName(scenario.name), MAX_NAME_CHARS),
    region: scenario.region,
    stations: joinStations(scenario.stations, scenario.enabledStatus).map(countyFromTownship),
    ...(Object.keys(changes).length > 0 ? { rules: changes } : {}),
  };
  const bytes = deflateSync(new TextEncoder().encode(JSON.stringify(payload)), { level: 9 });
  const hash = `#${SHARE_PARAM}=${toBase64Url(bytes)}`;
  const url = options.baseUrl === undefined ? hash : options.baseUrl.replace(/#.*$/s, '') + hash;
  if (url.length > maxChars) {
    const n = (x: number) => x.toLocaleString('en-US');
    return {
      ok: false,
      code: 'too-long',
      error: `This scenario is too large for a link (${n(url.length)} characters; at most ${n(maxChars)}): save a scenario file instead.`,
      length: url.length,
      maxChars,
    };
  }
  return { ok: true, url, hash };
}

const linkSchema = z.object({
  v: z.literal(LINK_VERSION, { error: `link version ${LINK_VERSION}` }),
  name: scenarioNameSchema.optional(),
  region: regionSchema,
  stations: stationsSchema,
  rules: rulesFieldsSchema.partial().optional(),
});

/**
 * The scenario in a link (a full URL, a `#…` hash or the bare `scenario=…`),
 * checked like a scenario file; null when the link carries no scenario.
 * Never throws.
 */
export function decodeShareLink(urlOrHash: string): ScenarioResult<SharedScenario> | null {
  const data = findParam(urlOrHash);
  if (data === null) return null;
  if (data.length > MAX_DECODE_CHARS) return failure(SOURCE, `is too long to read (${data.length} characters)`, 'too-large');
  const bad = /[^A-Za-z0-9_-]/.exec(data);
  if (bad) return failure(SOURCE, `is damaged: unexpected character ${JSON.stringify(bad[0])} at position ${bad.index + 1} of the scenario data (was it cut or re-wrapped?)`, 'damaged-link');
  let text: string;
  try {
    const inflated = inflateSync(fromBase64Url(data), { out: new Uint8Array(MAX_INFLATED_BYTES + 1) });
    if (inflated.length > MAX_INFLATED_BYTES) return failure(SOURCE, `holds more than ${MAX_INFLATED_BYTES / 1e6} MB of data`, 'too-large');
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch (e) {
    return failure(SOURCE, `is damaged: its data cannot be unpacked (${(e as Error).message}); was it cut short?`, 'damaged-link');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return failure(SOURCE, `is damaged: its data is not valid JSON (${truncate((e as Error).message, 120)})`, 'damaged-link');
  }
  const version = (json as { v?: unknown } | null)?.v;
  if (typeof version === 'number' && version !== LINK_VERSION) {
    return failure(SOURCE, `is version ${version}; this app reads version ${LINK_VERSION}`, 'wrong-version');
  }
  const checked = checkWith(linkSchema, json, SOURCE);
  if (!checked.ok) return checked;
  const link = checked.scenario;
  const rules: Rules = { ...DEFAULT_RULES, ...link.rules, areaTypeOverrides: { ...(link.rules?.areaTypeOverrides ?? {}) } };
  const problem = rulesProblem(rules);
  if (problem) return invalid(SOURCE, [{ path: 'rules', message: problem }]);
  return { ok: true, scenario: { name: link.name ?? '', region: link.region, ...splitStations(link.stations.map(countyBack)), rules } };
}

/**
 * A link leaves out a station's county where it is its township code's first
 * six digits (the demo's stations: every one), so a city's stations fit in a link;
 * a station with a township and no county says so with an empty county.
 */
function countyFromTownship<S extends Station>(station: S): S {
  if (station.township === undefined) return station;
  const out = { ...station };
  if (station.county === undefined) out.county = '';
  else if (station.county === station.township.slice(0, 6)) delete out.county;
  return out;
}

/** The county a link left out, read back from the township code (an empty county: none). */
function countyBack<S extends Station>(station: S): S {
  if (station.township === undefined) return station;
  const out = { ...station };
  if (station.county === '') delete out.county;
  else if (station.county === undefined) out.county = station.township.slice(0, 6);
  return out;
}

/** The value of `scenario=` in the hash part (or the whole text when it has no '#'); null when absent. */
function findParam(urlOrHash: string): string | null {
  const hashAt = urlOrHash.indexOf('#');
  const fragment = hashAt >= 0 ? urlOrHash.slice(hashAt + 1) : urlOrHash;
  for (const part of fragment.split('&')) {
    if (part.startsWith(`${SHARE_PARAM}=`)) return part.slice(SHARE_PARAM.length + 1).trim();
  }
  return null;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // in slices: String.fromCharCode(...all) overflows the call stack on large arrays
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
