/**
 * The EMS figures of a worker result (issue 14), or null when the result has
 * none (a result made before they existed, or a worker that does not compute
 * them). One reading for the exports, the handout and the map.
 */
import type { EmsFigures } from '../core/ems/types.ts';
import type { EvaluationUpdate } from '../worker/api.ts';

export function emsOf(result: EvaluationUpdate | null | undefined): EmsFigures | null {
  return result?.ems ?? null;
}
