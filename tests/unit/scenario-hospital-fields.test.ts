/**
 * A station's fleet and hospital centres (issue 14) survive every way a
 * scenario leaves the page and comes back: the scenario file, the share
 * link and the autosave; a bad value is refused naming the field.
 */
import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { createAutosaveStorage } from '../../src/app/autosave-storage.ts';
import { makeRules } from '../../src/core/rules.ts';
import { parseScenario, serializeScenario, type SavedScenario } from '../../src/io/scenario-file.ts';
import { decodeShareLink, encodeShareLink } from '../../src/io/share-link.ts';

const scenario: SavedScenario = {
  name: '泉港 胸痛中心',
  savedAt: '2025-01-31T09:30:00.000Z',
  region: '350505',
  stations: [
    { id: 'qg-hosp', name: '泉港区医院', kind: 'hospital', status: 'existing', lng: 118.9, lat: 25.12, ambulances: 3, capabilities: ['stroke'], plannedCapabilities: ['chest-pain'] },
    { id: 'qg-hc', name: '卫生院', kind: 'health-centre', status: 'disabled', lng: 118.95, lat: 25.15, ambulances: 0 },
  ],
  enabledStatus: { 'qg-hc': 'existing' },
  rules: makeRules(),
  dataSources: { population: { kind: 'demo' }, zones: { kind: 'demo' } },
};

describe('a station\'s ambulances and centres round-trip', () => {
  it('through the scenario file', () => {
    const r = parseScenario(serializeScenario(scenario), 'a.json');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.stations).toEqual(scenario.stations);
  });

  it('through the share link', () => {
    const link = encodeShareLink(scenario);
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    const back = decodeShareLink(link.hash);
    expect(back?.ok).toBe(true);
    if (back?.ok) expect(back.scenario.stations).toEqual(scenario.stations);
  });

  it('through the autosave', async () => {
    const autosave = createAutosaveStorage(createStore('hospital-fields', 'autosave'));
    await autosave.save(scenario);
    const loaded = await autosave.load('350505');
    expect(loaded.kind).toBe('loaded');
    if (loaded.kind === 'loaded') expect(loaded.scenario.stations).toEqual(scenario.stations);
  });

  it('refuses an unknown centre or a fractional fleet, naming the field', () => {
    const text = serializeScenario(scenario);
    const bad = parseScenario(text.replace('"stroke"', '"burns"'), 'a.json');
    expect(bad.ok ? 'no error' : bad.error).toMatch(/stations\[0\]\.capabilities\[0\]/);
    const half = parseScenario(text.replace('"ambulances": 3', '"ambulances": 2.5'), 'a.json');
    expect(half.ok ? 'no error' : half.error).toMatch(/stations\[0\]\.ambulances.*whole number/);
  });
});

describe('a link leaves out a county its township code gives', () => {
  it('and reads back exactly: county from the township, no county, or a county the township does not begin with', () => {
    const base = { kind: 'station' as const, status: 'existing' as const, lng: 118.5, lat: 25 };
    const stations = [
      { ...base, id: 'a', name: 'a', township: '350582003000', county: '350582' },
      { ...base, id: 'b', name: 'b', township: '350582003000' },
      { ...base, id: 'c', name: 'c', township: '350582003000', county: '350505' },
      { ...base, id: 'd', name: 'd', county: '350505' },
    ];
    const link = encodeShareLink({ ...scenario, stations, enabledStatus: {} });
    if (!link.ok) throw new Error(link.error);
    const back = decodeShareLink(link.hash);
    expect(back?.ok && back.scenario.stations).toEqual(stations);
  });
});
