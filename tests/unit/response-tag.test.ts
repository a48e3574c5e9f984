/**
 * Which scenario the response curve on screen belongs to: a drag's light
 * updates repeat the last full figures, so the curve keeps that full
 * update's tag and is not current for the drag's versions.
 */
import { describe, expect, it } from 'vitest';
import { responseIsCurrent, responseTagOf, type AppState } from '../../src/app/store.ts';
import type { ResponseTimes } from '../../src/core/response-times.ts';
import type { EvaluationUpdate } from '../../src/worker/api.ts';

const response = { medianMinutes: 7 } as ResponseTimes;
const update = (version: number, responseUpdated: boolean, r: ResponseTimes | null = response) => ({ tag: { dataset: 1, version }, response: r, responseUpdated });

describe('the response figures’ tag', () => {
  it('a full update tags them with its own version; light updates keep that tag; straight line has none', () => {
    const full = responseTagOf(update(5, true), null);
    expect(full).toEqual({ dataset: 1, version: 5 });
    expect(responseTagOf(update(6, false), full)).toEqual({ dataset: 1, version: 5 });
    expect(responseTagOf(update(7, false), responseTagOf(update(6, false), full))).toEqual({ dataset: 1, version: 5 });
    expect(responseTagOf(update(8, true), full)).toEqual({ dataset: 1, version: 8 });
    expect(responseTagOf(update(9, true, null), full)).toBeNull();
  });

  it('the curve is current only when its figures are the scenario on screen: not during a drag’s repeats, not for a partial step, not for an older dataset', () => {
    const state = (responseFor: AppState['responseFor'], version: number, dataset = 1): Pick<AppState, 'result' | 'responseFor' | 'datasetGeneration' | 'scenarioVersion'> => ({
      result: { response } as EvaluationUpdate,
      responseFor,
      datasetGeneration: dataset,
      scenarioVersion: version,
    });
    expect(responseIsCurrent(state({ dataset: 1, version: 5 }, 5))).toBe(true);
    // a light update of version 6 shows version 5's curve
    expect(responseIsCurrent(state(responseTagOf(update(6, false), { dataset: 1, version: 5 }), 6))).toBe(false);
    expect(responseIsCurrent(state({ dataset: 1, version: 5, partial: true }, 5))).toBe(false);
    expect(responseIsCurrent(state({ dataset: 1, version: 5 }, 5, 2))).toBe(false);
    expect(responseIsCurrent({ ...state({ dataset: 1, version: 5 }, 5), result: { response: null } as EvaluationUpdate })).toBe(false);
  });
});
