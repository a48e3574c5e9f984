/**
 * The footnote row under the township table when its ambulance column does not
 * add up to the region's figure: each township is rounded up on its own, the
 * region on its total population, so both are shown and said so.
 */
import { regionById } from '../app/regions.ts';
import type { ZoneRow } from '../core/tables.ts';
import { useT } from './i18n.ts';

/** Which whole the total is for: 全县, 全市 or 全区, from the region's name. */
function scopeKey(regionId: string): string {
  const region = regionById(regionId);
  if (region.city) return 'zones.scope.city';
  const name = region.name;
  return name.endsWith('区') ? 'zones.scope.district' : name.endsWith('市') ? 'zones.scope.city' : 'zones.scope.county';
}

export function AmbulanceRoundingNote({ zones, total, regionId }: { zones: readonly ZoneRow[]; total: number; regionId: string }) {
  const { t, n } = useT();
  const sum = zones.reduce((s, z) => s + z.ambulancesNeeded, 0);
  if (sum === total) return null;
  return (
    <tfoot>
      <tr>
        <td colSpan={7} className="muted small" data-testid="ambulance-rounding-note">
          {t('zones.roundingNote', { sum: n(sum), total: n(total), scope: t(scopeKey(regionId)) })}
        </td>
      </tr>
    </tfoot>
  );
}
