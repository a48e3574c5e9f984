import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, makeRules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { readFacilities } from '../../src/io/demo-files.ts';
import { decodeShareLink, encodeShareLink, rulesChanges, type SharedScenario } from '../../src/io/share-link.ts';
import { withoutProvenance } from '../../src/io/scenario-schema.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const demo = readFacilities(readFileSync(path.join(ROOT, 'data/facilities.json'), 'utf8'));
const yongchun = demo.filter((s) => s.county === '350525');
const quanzhou = demo.filter((s) => s.county!.startsWith('3505'));
const xiamen = demo.filter((s) => s.county!.startsWith('3502'));

const small: SharedScenario = {
  name: '永春县 方案A',
  region: '350525',
  stations: [
    { id: 'yc-dapu', name: '达埔急救站', kind: 'station', status: 'proposed', lng: 118.1672, lat: 25.3072 },
    { id: 'yc-guiyang', name: '桂洋急救站', kind: 'station', status: 'disabled', lng: 118.0123456789012, lat: 25.6543210987654, note: 'a\nb' },
  ],
  enabledStatus: { 'yc-dapu': 'proposed', 'yc-guiyang': 'proposed' },
  rules: makeRules({ ruralReading: 'lenient', areaTypeOverrides: { '350525104000': 'urban' } }),
};

/** A hand-made link carrying `payload` as the encoder would pack it. */
const linkOf = (payload: unknown) => {
  const bytes = deflateSync(new TextEncoder().encode(JSON.stringify(payload)));
  return `#scenario=${Buffer.from(bytes).toString('base64url')}`;
};
const errorOf = (r: ReturnType<typeof decodeShareLink>) => (r === null ? 'null' : r.ok ? 'no error' : r.error);

describe('share link round trip', () => {
  it('decodes to exactly the scenario encoded (rules filled from the defaults)', () => {
    const link = encodeShareLink(small, { baseUrl: 'http://127.0.0.1:5173/?x=1#old' });
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.url.startsWith('http://127.0.0.1:5173/?x=1#scenario=')).toBe(true);
    expect(link.hash).toMatch(/^#scenario=[A-Za-z0-9_-]+$/);
    for (const input of [link.url, link.hash, link.hash.slice(1)]) {
      const r = decodeShareLink(input);
      expect(r?.ok && r.scenario).toStrictEqual(small);
    }
  });

  it('carries only the rules that differ from the defaults', () => {
    expect(rulesChanges(makeRules())).toEqual({});
    expect(rulesChanges(small.rules)).toEqual({ ruralReading: 'lenient', areaTypeOverrides: { '350525104000': 'urban' } });
  });

  it("the demo facilities of Yongchun, of all Quanzhou and of all Xiamen (names, notes, basis) fit in a link of under 8,000 characters", () => {
    expect(quanzhou.length + xiamen.length).toBe(demo.length); // every demo facility is in one of the two cities
    for (const [region, stations] of [['350525', yongchun], ['350500', quanzhou], ['350200', xiamen]] as const) {
      const scenario: SharedScenario = { name: region, region, stations, enabledStatus: {}, rules: makeRules() };
      const link = encodeShareLink(scenario);
      expect(link.ok).toBe(true);
      if (!link.ok) return;
      expect(link.hash.length).toBeLessThan(8000);
      const r = decodeShareLink(link.hash);
      // the data file's provenance (source, positionSource) is looked up again by id, not carried in the link
      expect(r?.ok && r.scenario).toEqual({ ...scenario, stations: stations.map(withoutProvenance) });
    }
  });

  it('a link longer than the limit is refused with a clear message, and the limit is adjustable', () => {
    const many: Station[] = Array.from({ length: 2000 }, (_, k) => ({ id: `s-${k}`, name: `站点 ${k} ${Math.random()}`, kind: 'station', status: 'existing', lng: 118 + Math.random(), lat: 25 + Math.random() }));
    const scenario: SharedScenario = { name: 'big', region: '350500', stations: many, enabledStatus: {}, rules: makeRules() };
    const refused = encodeShareLink(scenario);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.code).toBe('too-long');
    expect(refused.maxChars).toBe(8000);
    expect(refused.error).toMatch(/^This scenario is too large for a link \([\d,]+ characters; at most 8,000\): save a scenario file instead\.$/);
    // the page address counts toward the limit
    const hashOnly = encodeShareLink(small);
    const limit = hashOnly.ok ? hashOnly.hash.length : 0;
    expect(encodeShareLink(small, { maxChars: limit }).ok).toBe(true);
    expect(encodeShareLink(small, { maxChars: limit, baseUrl: 'https://example.org/' }).ok).toBe(false);
  });
});

describe('decoding checks a link like a scenario file', () => {
  it('a page address without a scenario is null (nothing to load)', () => {
    expect(decodeShareLink('http://127.0.0.1:5173/')).toBeNull();
    expect(decodeShareLink('#layers=gaps')).toBeNull();
  });

  it('a cut link is reported as damaged', () => {
    const link = encodeShareLink(small);
    if (!link.ok) throw new Error(link.error);
    const r = decodeShareLink(link.hash.slice(0, link.hash.length - 20));
    expect(errorOf(r)).toMatch(/^The share link is damaged: its data cannot be unpacked \(.*\); was it cut short\?$/);
    expect(r?.ok === false && r.code).toBe('damaged-link');
  });

  it('characters outside base64url are reported with their position', () => {
    expect(errorOf(decodeShareLink('#scenario=abc$def'))).toBe('The share link is damaged: unexpected character "$" at position 4 of the scenario data (was it cut or re-wrapped?)');
  });

  it('a station with lng "abc" gets the same message as in a file', () => {
    const r = decodeShareLink(linkOf({ v: 1, region: '350525', stations: [{ id: 'a', name: 'A', kind: 'station', status: 'existing', lng: 'abc', lat: 25 }] }));
    expect(errorOf(r)).toBe('The share link: stations[0].lng: expected a longitude between -180 and 180, got "abc"');
  });

  it('duplicate ids, a newer link version, and rules that do not fit together are refused', () => {
    const station = { id: 'a', name: 'A', kind: 'station', status: 'existing', lng: 118, lat: 25 };
    expect(errorOf(decodeShareLink(linkOf({ v: 1, region: '350525', stations: [station, station] })))).toMatch(/stations\[1\]\.id: duplicate id "a" \(also stations\[0\]\.id\)/);
    expect(errorOf(decodeShareLink(linkOf({ v: 2, region: '350525', stations: [] })))).toBe('The share link is version 2; this app reads version 1');
    expect(errorOf(decodeShareLink(linkOf({ v: 1, region: '350525', stations: [], rules: { ruralStrictRadiusKm: 30 } })))).toBe(
      'The share link: rules: Rule ruralLenientRadiusKm (20) must be ≥ ruralStrictRadiusKm (30).',
    );
  });

  it('over-long and control-character names are cleaned on encoding, so every link made can be opened', () => {
    const odd: SharedScenario = { ...small, name: 'a\u0000b', stations: [{ ...small.stations[0], name: '站'.repeat(300) }] };
    const link = encodeShareLink(odd);
    const r = link.ok ? decodeShareLink(link.hash) : null;
    expect(r?.ok && [r.scenario.name, r.scenario.stations[0].name]).toEqual(['ab', '站'.repeat(200)]);
  });

  it('rules left out of the link are the defaults', () => {
    const r = decodeShareLink(linkOf({ v: 1, region: '350525', stations: [] }));
    expect(r?.ok && r.scenario).toEqual({ name: '', region: '350525', stations: [], enabledStatus: {}, rules: { ...DEFAULT_RULES, areaTypeOverrides: {} } });
  });

  it('a decompression bomb is refused, not expanded', () => {
    const bomb = new Uint8Array(2_000_000).fill(32); // 2 MB of spaces deflate to a few kB
    const hash = `#scenario=${Buffer.from(deflateSync(bomb, { level: 1 })).toString('base64url')}`;
    expect(hash.length).toBeLessThan(20_000);
    expect(errorOf(decodeShareLink(hash))).toBe('The share link holds more than 1 MB of data');
  });
});
