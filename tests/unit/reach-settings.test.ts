import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEED_SETTINGS, defaultReachSettings, speedModelOf, validateReachSettings } from '../../src/core/reach-settings.ts';
import { CLASS_SPEEDS_KMH, PEAK_FACTOR, roadSpeedKmh } from '../../src/core/roads/speeds.ts';
import { DEFAULT_RULES, makeRules } from '../../src/core/rules.ts';
import { parseScenario } from '../../src/io/scenario-file.ts';

describe('reach settings', () => {
  it('default speeds give the published class speeds, with their sources', () => {
    const model = speedModelOf(DEFAULT_SPEED_SETTINGS);
    expect(roadSpeedKmh(model, 'primary', NaN, 'rural')).toBe(65);
    expect(roadSpeedKmh(model, 'primary', 50, 'rural')).toBe(40); // 50 × 0.8
    expect(model.classKmh.primary.source).toBe(CLASS_SPEEDS_KMH.primary.source);
    expect(model.scenarioFactor.value).toBe(1);
  });

  it('peak traffic multiplies every speed by the peak factor, sourced as the stated assumption', () => {
    const model = speedModelOf({ ...DEFAULT_SPEED_SETTINGS, traffic: 'peak' });
    expect(roadSpeedKmh(model, 'primary', NaN, 'rural')).toBeCloseTo(65 * 0.7, 10);
    expect(model.scenarioFactor).toBe(PEAK_FACTOR);
    const halved = speedModelOf({ ...DEFAULT_SPEED_SETTINGS, traffic: 'peak', peakFactor: 0.5 });
    expect(roadSpeedKmh(halved, 'residential', NaN, null)).toBe(12.5);
    expect(halved.scenarioFactor.source).toBe('set by the user');
  });

  it('a changed value is sourced "set by the user", an unchanged one keeps its source', () => {
    const model = speedModelOf({ ...DEFAULT_SPEED_SETTINGS, capKmh: 60, classKmh: { 一级: 70 } });
    expect(model.capKmh).toEqual({ value: 60, source: 'set by the user' });
    expect(model.postedShare.source).toMatch(/OSRM/);
    expect(model.classKmh['一级公路']).toEqual({ value: 70, source: 'set by the user' });
    expect(roadSpeedKmh(model, 'motorway', NaN, null)).toBe(60); // capped
  });

  it('refuses unusable settings, naming them', () => {
    const bad = defaultReachSettings();
    bad.speeds.capKmh = 0;
    expect(() => validateReachSettings(bad)).toThrow(/capKmh/);
    expect(() => makeRules({ reach: { ...defaultReachSettings(), model: 'boat' as never } })).toThrow(/Reach model/);
    const badClass = defaultReachSettings();
    badClass.speeds.classKmh = { primary: -5 };
    expect(() => validateReachSettings(badClass)).toThrow(/primary/);
  });

  it('a scenario file saved before roads existed opens with the default reach settings', () => {
    const { reach: _reach, ...oldRules } = DEFAULT_RULES;
    const text = JSON.stringify({ format: 'ems-coverage-scenario', version: 1, name: 'old', savedAt: '2026-01-01T00:00:00Z', region: '350525', stations: [], rules: oldRules });
    const r = parseScenario(text, 'old.json');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.rules.reach).toEqual(defaultReachSettings());
  });
});
