/**
 * Editing a station's ambulances and hospital centres: the station stays
 * tidy (lists in order, a centre it has not also planned, nothing empty
 * kept), a bad count is refused with nothing changed, and the edit is one
 * store write of the stations (so one undo step and a new scenario version).
 */
import { describe, expect, it } from 'vitest';
import { setStationHospital } from '../../src/app/actions.ts';
import { getState, setState } from '../../src/app/store.ts';
import { withHospitalFields } from '../../src/core/ems/station-fields.ts';
import type { Station } from '../../src/core/types.ts';
import { translate } from '../../src/i18n/index.ts';
import { mapCapabilities } from '../../src/io/facility-vocabulary.ts';
import { CAPABILITIES } from '../../src/core/ems/settings.ts';

const h: Station = { id: 'h', name: '泉港区医院', kind: 'hospital', status: 'existing', lng: 118.9, lat: 25.12 };

describe('a station with its hospital fields changed', () => {
  it('orders the centres, drops a planned centre the facility has, and leaves empty lists out', () => {
    const s = withHospitalFields(h, { capabilities: ['trauma', 'stroke', 'stroke'], plannedCapabilities: ['stroke', 'chest-pain'] });
    expect(s).toEqual({ ...h, capabilities: ['stroke', 'trauma'], plannedCapabilities: ['chest-pain'] });
    const cleared = withHospitalFields(s, { capabilities: [], plannedCapabilities: [] });
    expect(cleared).toEqual(h);
    expect(Object.keys(cleared)).not.toContain('capabilities');
  });

  it('sets and clears the ambulance count; refuses a fraction or a negative count', () => {
    expect(withHospitalFields(h, { ambulances: 2 }).ambulances).toBe(2);
    expect(withHospitalFields({ ...h, ambulances: 2 }, { ambulances: undefined })).toEqual(h);
    expect(() => withHospitalFields(h, { ambulances: 1.5 })).toThrow(/whole number ≥ 0, got 1.5/);
    expect(() => withHospitalFields(h, { ambulances: -1 })).toThrow(/got -1/);
  });
});

describe('the station-edit action', () => {
  it('replaces the station in one write of the stations list; a refused count changes nothing', () => {
    setState({ stations: [h] });
    const before = getState().stations;
    expect(setStationHospital('h', { plannedCapabilities: ['chest-pain'], ambulances: 3 })).toBeNull();
    const after = getState().stations;
    expect(after).not.toBe(before);
    expect(after[0]).toEqual({ ...h, ambulances: 3, plannedCapabilities: ['chest-pain'] });
    expect(setStationHospital('h', { ambulances: -2 })).toMatch(/whole number/);
    expect(getState().stations).toBe(after);
  });
});

describe('centre words', () => {
  it('each centre\'s word, in both languages, is one the facility importer reads back as that centre', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      for (const c of CAPABILITIES) expect(mapCapabilities(translate(language, `vocab.capability.${c}`)).has).toEqual([c]);
    }
  });
});
