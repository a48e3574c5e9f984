/**
 * The click card's response time on roads, as words: the minutes of the
 * nearest station on roads, or why there are none (no road access, or no
 * station reaches the cell within the response horizon).
 */
import type { CellDescription } from '../../core/describe-cell.ts';
import { RESPONSE_HORIZON_MINUTES } from '../../core/road-network.ts';
import type { Translate } from '../../i18n/types.ts';

/**
 * The card's response-time text, or null when reach is straight-line (the
 * cell's row has no minutes then).
 * @param n formats a number with the given decimals in the UI's language
 * @example responseText({ row: { minutes: 12.44 }, noRoadAccess: null }, zh, n) // '12.4 分钟（路网）'
 */
export function responseText(cell: Pick<CellDescription, 'noRoadAccess'> & { row: Pick<CellDescription['row'], 'minutes'> }, t: Translate, n: (value: number, digits?: number) => string): string | null {
  const minutes = cell.row.minutes;
  if (minutes === undefined) return null;
  if (minutes !== null) return t('cards.point.responseValue', { minutes: n(minutes, 1) });
  if (cell.noRoadAccess) return t(`cards.point.noRoadAccess.${cell.noRoadAccess}`);
  return t('cards.point.notReached', { horizon: RESPONSE_HORIZON_MINUTES });
}
