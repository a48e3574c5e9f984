/**
 * Which scenario the EMS panel and its charts belong to: a drag's light
 * updates repeat the last full update's EMS figures, so they keep that full
 * update's tag and are not current for the drag's versions.
 */
import { describe, expect, it } from 'vitest';
import { emsIsCurrent, emsTagOf, type AppState } from '../../src/app/store.ts';
import type { EmsFigures } from '../../src/core/ems/types.ts';
import type { EvaluationUpdate } from '../../src/worker/api.ts';

const ems = { equity: { spread: 0.5 } } as EmsFigures;
const update = (version: number, emsUpdated: boolean) => ({ tag: { dataset: 1, version }, emsUpdated });

describe('the EMS figures’ tag', () => {
  it('a full update tags them with its own version; light updates keep that tag', () => {
    const full = emsTagOf(update(5, true), null);
    expect(full).toEqual({ dataset: 1, version: 5 });
    expect(emsTagOf(update(6, false), full)).toEqual({ dataset: 1, version: 5 });
    expect(emsTagOf(update(7, false), emsTagOf(update(6, false), full))).toEqual({ dataset: 1, version: 5 });
    expect(emsTagOf(update(8, true), full)).toEqual({ dataset: 1, version: 8 });
    expect(emsTagOf(update(6, false), null)).toBeNull();
  });

  it('the panel is current only when its figures are the scenario on screen: not during a drag’s repeats, not for a partial step, not for an older dataset', () => {
    const state = (emsFor: AppState['emsFor'], version: number, dataset = 1): Pick<AppState, 'result' | 'emsFor' | 'datasetGeneration' | 'scenarioVersion'> => ({
      result: { ems } as EvaluationUpdate,
      emsFor,
      datasetGeneration: dataset,
      scenarioVersion: version,
    });
    expect(emsIsCurrent(state({ dataset: 1, version: 5 }, 5))).toBe(true);
    expect(emsIsCurrent(state(emsTagOf(update(6, false), { dataset: 1, version: 5 }), 6))).toBe(false);
    expect(emsIsCurrent(state({ dataset: 1, version: 5, partial: true }, 5))).toBe(false);
    expect(emsIsCurrent(state({ dataset: 1, version: 5 }, 5, 2))).toBe(false);
    expect(emsIsCurrent({ ...state({ dataset: 1, version: 5 }, 5), result: null })).toBe(false);
  });
});
