import 'fake-indexeddb/auto';
import { createStore, getMany, set } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { makeRules } from '../../src/core/rules.ts';
import { readAutosaveEarly } from '../../src/app/autosave-early.ts';
import { appAutosaveStore } from '../../src/app/autosave-keys.ts';
import { createAutosaveStorage } from '../../src/app/autosave-storage.ts';
import { AUTOSAVE_DB, autosaveKey } from '../../src/app/autosave-keys.ts';
import type { SavedScenario } from '../../src/io/scenario-file.ts';

// every read of the entries and every store made counted: the early read must stand in for the storage's own, on one connection
vi.mock('idb-keyval', async (original) => {
  const actual = await original<typeof import('idb-keyval')>();
  return { ...actual, getMany: vi.fn(actual.getMany), createStore: vi.fn(actual.createStore) };
});

const scenario = (region: string, name: string): SavedScenario => ({
  name,
  savedAt: '2025-01-31T09:30:00.000Z',
  region,
  stations: [{ id: 'yc-dapu', name: '达埔急救站', kind: 'station', status: 'proposed', lng: 118.1672, lat: 25.3072 }],
  enabledStatus: { 'yc-dapu': 'proposed' },
  rules: makeRules(),
  dataSources: { population: { kind: 'demo' }, zones: { kind: 'demo' } },
});

const nameOf = async (load: ReturnType<ReturnType<typeof createAutosaveStorage>['load']>) => {
  const loaded = await load;
  return loaded.kind === 'loaded' ? loaded.scenario.name : loaded.kind;
};

// the entry reads the app's own database (not a test store), so these tests share it and run in order
describe("the entry's early read of the first region's autosave", () => {
  const appStore = appAutosaveStore;

  it('is what the first load of that region answers, once; the next load reads the database again', async () => {
    const storage = createAutosaveStorage();
    expect(await storage.save(scenario('350525', 'read early'))).toEqual({ ok: true });
    const reads = vi.mocked(getMany);
    reads.mockClear();
    readAutosaveEarly('350525');
    expect(reads).toHaveBeenCalledTimes(1);
    expect(await nameOf(storage.load('350525'))).toBe('read early');
    // the load took the early read: no read of its own
    expect(reads).toHaveBeenCalledTimes(1);
    await storage.save(scenario('350525', 'written after'));
    expect(await nameOf(storage.load('350525'))).toBe('written after');
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('shares one connection with the storage: the save after a load that took it opens no other', async () => {
    const opened = () => vi.mocked(createStore).mock.calls.filter(([name]) => name === AUTOSAVE_DB).length;
    const storage = createAutosaveStorage();
    readAutosaveEarly('350525');
    await storage.load('350525');
    expect(await storage.save(scenario('350525', 'saved'))).toEqual({ ok: true });
    expect(await nameOf(storage.load('350525'))).toBe('saved');
    // the first test's read opened the app's database; nothing since opened it again
    expect(opened()).toBe(1);
  });

  it('is not taken for another region, and is dropped by that load', async () => {
    const storage = createAutosaveStorage();
    await storage.save(scenario('350526', 'Dehua'));
    await storage.save(scenario('350525', 'Yongchun'));
    readAutosaveEarly('350525');
    expect(await nameOf(storage.load('350526'))).toBe('Dehua');
    await set(autosaveKey('350525'), 'changed', appStore());
    // the early read (of the old, good entry) was dropped: this load reads the damaged entry now
    expect(await nameOf(storage.load('350525'))).toBe('corrupt');
  });

  it('is checked like any load: a damaged entry read early is reported, not taken as a scenario', async () => {
    await set(autosaveKey('350525'), '{"format": "ems-coverage-scenario", "version": 99}', appStore());
    readAutosaveEarly('350525');
    const loaded = await createAutosaveStorage().load('350525');
    expect(loaded.kind).toBe('corrupt');
  });

  it('is never taken by a storage on a store of its own (tests, other databases)', async () => {
    const storage = createAutosaveStorage();
    await storage.save(scenario('350525', 'app database'));
    readAutosaveEarly('350525');
    const other = createStore('autosave-early-other', 'autosave');
    expect(await createAutosaveStorage(other).load('350525')).toEqual({ kind: 'none' });
    // still there for the app's own storage
    expect(await nameOf(storage.load('350525'))).toBe('app database');
  });
});
