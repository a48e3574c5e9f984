/**
 * Equity between zones: the worst- and best-served zone by the share of
 * residents within the target, and the spread between them. Zones without
 * residents have no share to compare and are left out.
 */
import type { Equity, ZoneFractiles } from './types.ts';

type Ranked = NonNullable<Equity['worstZone']>;

/** A null p90 (the 90th percentile not reached) counts as the longest. */
const p90Of = (z: ZoneFractiles) => z.residents.p90Minutes ?? Infinity;

/** @example equity(zones) // worst: smallest share within target (ties: larger p90), best: largest (ties: smaller p90) */
export function equity(zones: readonly ZoneFractiles[]): Equity {
  let worst: ZoneFractiles | null = null;
  let best: ZoneFractiles | null = null;
  for (const z of zones) {
    if (!(z.residents.weight > 0)) continue;
    const share = z.residents.withinTarget;
    if (!worst || share < worst.residents.withinTarget || (share === worst.residents.withinTarget && p90Of(z) > p90Of(worst))) worst = z;
    if (!best || share > best.residents.withinTarget || (share === best.residents.withinTarget && p90Of(z) < p90Of(best))) best = z;
  }
  const ranked = (z: ZoneFractiles | null): Ranked | null => (z ? { code: z.code, name: z.name, withinTarget: z.residents.withinTarget, p90Minutes: z.residents.p90Minutes } : null);
  return {
    worstZone: ranked(worst),
    bestZone: ranked(best),
    spread: worst && best ? best.residents.withinTarget - worst.residents.withinTarget : 0,
  };
}
