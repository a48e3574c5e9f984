import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, makeRules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import type { DataSources } from '../../src/app/store.ts';
import { readFacilities } from '../../src/io/demo-files.ts';
import { makeScenario, parseScenario, serializeScenario, type SavedScenario } from '../../src/io/scenario-file.ts';
import type { ScenarioDataSources } from '../../src/io/scenario-schema.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

// the schema's data-source type must stay the store's (a saved file restores it)
const sameSources: [ScenarioDataSources, DataSources] = [{} as DataSources, {} as ScenarioDataSources];
void sameSources;

const stations: Station[] = [
  { id: 'yc-centre', name: '永春县急救中心', kind: 'emergency-centre', status: 'existing', lng: 118.294, lat: 25.321, county: '350525', township: '350525100000', positionApproximate: true },
  { id: 'yc-dapu', name: '达埔急救站', kind: 'station', status: 'proposed', lng: 118.1672, lat: 25.3072, note: '规划新建\n(2025)' },
  { id: 'yc-guiyang', name: '桂洋急救站', kind: 'station', status: 'disabled', lng: 118.0123456789012, lat: 25.6543210987654 },
  { id: 'user-1', name: 'New station 1', kind: 'candidate', status: 'disabled', lng: 118.2, lat: 25.4, positionApproximate: false },
];

const scenario: SavedScenario = {
  name: '永春县 方案A',
  savedAt: '2025-01-31T09:30:00.000Z',
  region: '350525',
  stations,
  // Guiyang was proposed before it was switched off; user-1 was existing
  enabledStatus: { 'yc-centre': 'existing', 'yc-dapu': 'proposed', 'yc-guiyang': 'proposed', 'user-1': 'existing' },
  rules: makeRules({ ruralReading: 'lenient', circleMinutes: 14, areaTypeOverrides: { '350525104000': 'urban', '350525200000': 'rural' } }),
  dataSources: { population: { kind: 'imported', file: 'worldpop.tif' }, zones: { kind: 'demo' } },
};

/** The valid file as an object, to break one field at a time. */
const fileObject = () => JSON.parse(serializeScenario(scenario)) as Record<string, unknown> & { stations: Record<string, unknown>[]; rules: Record<string, unknown> };
const parseObject = (o: unknown, name = 'scenario.json') => parseScenario(JSON.stringify(o), name);
const errorOf = (r: ReturnType<typeof parseScenario>) => (r.ok ? 'no error' : r.error);

describe('scenario file round trip', () => {
  it('reads back exactly what it wrote: stations, on/off state, rules with overrides, data sources', () => {
    const r = parseScenario(serializeScenario(scenario), 'scenario.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario).toStrictEqual(scenario);
    // the status a disabled station returns to survives (proposed, not the default existing)
    expect(r.scenario.enabledStatus['yc-guiyang']).toBe('proposed');
  });

  it('writes a readable versioned JSON document with per-station enabledStatus', () => {
    const file = fileObject();
    expect(file.format).toBe('ems-coverage-scenario');
    expect(file.version).toBe(1);
    expect(file.region).toBe('350525');
    expect(file.stations[2]).toMatchObject({ id: 'yc-guiyang', status: 'disabled', enabledStatus: 'proposed' });
    expect(file).not.toHaveProperty('enabledStatus');
  });

  it('round-trips every demo facility of Quanzhou, with its basis, default rules and no data sources', () => {
    const demo = readFacilities(readFileSync(path.join(ROOT, 'data/facilities.json'), 'utf8')).filter((s) => s.county!.startsWith('3505'));
    expect(new Set(demo.map((s) => s.basis))).toEqual(new Set(['documented', 'assumed', 'candidate']));
    const saved = makeScenario({ regionId: '350500', stations: demo, enabledStatus: {}, rules: makeRules() }, '泉州市', new Date('2025-02-01T00:00:00Z'));
    const r = parseScenario(serializeScenario(saved), 'quanzhou.json');
    expect(r.ok && r.scenario).toEqual(saved);
    expect(r.ok && r.scenario.stations.map((s) => s.basis)).toEqual(demo.map((s) => s.basis));
    expect(r.ok && r.scenario.rules).toStrictEqual({ ...DEFAULT_RULES, areaTypeOverrides: {} });
  });

  it('makeScenario drops the on/off memory of deleted stations so the round trip stays exact', () => {
    const saved = makeScenario({ regionId: '350525', stations: stations.slice(0, 2), enabledStatus: scenario.enabledStatus, rules: scenario.rules }, 'x', new Date('2025-01-31T09:30:00Z'));
    expect(saved.enabledStatus).toEqual({ 'yc-centre': 'existing', 'yc-dapu': 'proposed' });
    expect(saved.savedAt).toBe('2025-01-31T09:30:00.000Z');
    const r = parseScenario(serializeScenario(saved), 'x.json');
    expect(r.ok && r.scenario).toStrictEqual(saved);
  });

  it('reads a file saved by a Windows editor (UTF-8 byte-order mark)', () => {
    expect(parseScenario(`\uFEFF${serializeScenario(scenario)}`, 'scenario.json').ok).toBe(true);
  });
});

describe('a corrupted scenario file gives a specific message and never throws', () => {
  it('truncated JSON: says the file ends early', () => {
    const text = serializeScenario(scenario);
    const r = parseScenario(text.slice(0, Math.floor(text.length / 2)), 'scenario.json');
    expect(r.ok).toBe(false);
    expect(errorOf(r)).toMatch(/^scenario\.json is not valid JSON: it ends at character \d+ before the data is complete \(is the file cut short\?\)$/);
    expect(!r.ok && r.code).toBe('not-json');
  });

  it('malformed JSON: gives line and column', () => {
    const r = parseScenario('{\n  "format": "ems-coverage-scenario",\n  "version": 1,\n  name: "x"\n}', 'broken.json');
    expect(errorOf(r)).toMatch(/^broken\.json is not valid JSON at line 4, column 3: /);
  });

  it('version 2: refused, naming both versions', () => {
    const r = parseObject({ ...fileObject(), version: 2 });
    expect(errorOf(r)).toBe('scenario.json is version 2; this app reads version 1 (it was saved by a newer version of the app)');
    expect(!r.ok && r.code).toBe('wrong-version');
  });

  it('no version, or a wrong format tag, or not an object', () => {
    const { version: _v, ...noVersion } = fileObject();
    expect(errorOf(parseObject(noVersion))).toBe('scenario.json has no version number; this app reads version 1');
    expect(errorOf(parseObject({ ...fileObject(), format: 'geojson' }, 'towns.json'))).toBe('towns.json is not a scenario file (its "format" is "geojson"; expected "ems-coverage-scenario")');
    expect(errorOf(parseObject({ type: 'FeatureCollection', features: [] }, 'towns.json'))).toBe('towns.json is not a scenario file (it has no "format"; expected "ems-coverage-scenario")');
    expect(errorOf(parseObject([1, 2]))).toBe('scenario.json is not a scenario file (expected a JSON object, got a list)');
  });

  it('missing stations', () => {
    const { stations: _s, ...rest } = fileObject();
    expect(errorOf(parseObject(rest))).toBe('scenario.json: stations: is missing (expected a list of stations)');
  });

  it('lng "abc": names the station index, the field, the range and the value', () => {
    const file = fileObject();
    file.stations[3].lng = 'abc';
    const r = parseObject(file);
    expect(errorOf(r)).toBe('scenario.json: stations[3].lng: expected a longitude between -180 and 180, got "abc"');
    expect(!r.ok && r.issues).toEqual([{ path: 'stations[3].lng', message: 'expected a longitude between -180 and 180, got "abc"' }]);
  });

  it('out-of-range numbers: latitude 95, a zero radius, turnout longer than the circle', () => {
    const a = fileObject();
    a.stations[0].lat = 95;
    expect(errorOf(parseObject(a))).toBe('scenario.json: stations[0].lat: expected a latitude between -90 and 90, got 95');
    const b = fileObject();
    b.rules.urbanRadiusKm = 0;
    expect(errorOf(parseObject(b))).toBe('scenario.json: rules.urbanRadiusKm: expected a positive number of kilometres, got 0');
    const c = fileObject();
    c.rules.turnoutMinutes = 20;
    expect(errorOf(parseObject(c))).toBe('scenario.json: rules: Rule turnoutMinutes (20) must be less than circleMinutes (14).');
  });

  it('unknown enum values: kind, status, rural reading, area type', () => {
    const file = fileObject();
    file.stations[1].kind = 'ambulance';
    file.stations[2].status = 'closed';
    file.rules.ruralReading = 'loose';
    file.rules.areaTypeOverrides = { '350525104000': 'city' };
    const r = parseObject(file);
    expect(!r.ok && r.issues).toEqual([
      { path: 'stations[1].kind', message: 'expected one of emergency-centre, sub-centre, station, hospital, health-centre, candidate, got "ambulance"' },
      { path: 'stations[2].status', message: 'expected one of existing, proposed, disabled, got "closed"' },
      { path: 'rules.ruralReading', message: 'expected one of strict, lenient, got "loose"' },
      { path: 'rules.areaTypeOverrides["350525104000"]', message: 'expected one of urban, rural, got "city"' },
    ]);
    expect(errorOf(r)).toMatch(/^scenario\.json: stations\[1\]\.kind: .*; stations\[2\]\.status: .*; rules\.ruralReading: .* \(and 1 more problems\)$/);
  });

  it('duplicate station ids: names both places', () => {
    const file = fileObject();
    file.stations[3].id = 'yc-dapu';
    expect(errorOf(parseObject(file))).toBe('scenario.json: stations[3].id: duplicate id "yc-dapu" (also stations[1].id); every station needs its own id');
  });

  it('a 10 MB name: refused with its length, without echoing it', () => {
    const r = parseObject({ ...fileObject(), name: '名'.repeat(10_000_000) });
    const error = errorOf(r);
    expect(error).toBe(`scenario.json: name: expected text of at most 200 characters, got "${'名'.repeat(40)}…" (10,000,000 characters)`);
  });

  it('a file too large to be a scenario is refused before parsing', () => {
    const r = parseScenario(' '.repeat(20_000_001), 'huge.json');
    expect(errorOf(r)).toBe('huge.json is 20.0 million characters; a scenario file is at most 20 million');
    expect(!r.ok && r.code).toBe('too-large');
  });

  it('bad date, region and data source', () => {
    const file = { ...fileObject(), savedAt: 'yesterday', region: 350525, dataSources: { population: { kind: 'imported' }, zones: { kind: 'demo' } } };
    const r = parseObject(file);
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(['savedAt', 'region', 'dataSources.population.file']);
    expect(!r.ok && r.issues[1].message).toBe('expected a 6-digit county adcode such as "350525", got 350525');
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', 'null', '42', '"x"', '{', '[]', '{"format":"ems-coverage-scenario","version":1}', '\u0000\u0001', '{"__proto__":{"x":1}}']) {
      expect(() => parseScenario(text, 'f.json')).not.toThrow();
      expect(parseScenario(text, 'f.json').ok).toBe(false);
    }
  });
});

describe('untrusted names stay plain text', () => {
  it('control characters and bidi overrides are removed from names on reading', () => {
    const file = fileObject();
    file.name = '方案\u0000A\u202e';
    file.stations[0].name = 'A\u0007B\nC';
    file.stations[1].note = 'line 1\nline 2\u0000';
    const r = parseObject(file);
    expect(r.ok && r.scenario.name).toBe('方案A');
    expect(r.ok && r.scenario.stations[0].name).toBe('ABC');
    expect(r.ok && r.scenario.stations[1].note).toBe('line 1\nline 2');
  });

  it('HTML in a name is kept as the literal text (the UI renders text, never markup)', () => {
    const file = fileObject();
    file.stations[0].name = '<img src=x onerror=alert(1)>';
    const r = parseObject(file);
    expect(r.ok && r.scenario.stations[0].name).toBe('<img src=x onerror=alert(1)>');
  });

  it('over-long names are cut on writing, so the app can always read its own files', () => {
    const long = { ...scenario, name: 'x'.repeat(500), stations: [{ ...stations[0], name: '站'.repeat(300) }] };
    const r = parseScenario(serializeScenario(long), 'long.json');
    expect(r.ok && r.scenario.name).toHaveLength(200);
    expect(r.ok && r.scenario.stations[0].name).toBe('站'.repeat(200));
  });
});
