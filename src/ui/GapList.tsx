/** The ranked gap areas, named by the townships they span; a click zooms to the area and highlights it. */
import { focusGap } from '../app/actions.ts';
import { useStore } from '../app/store.ts';
import { gapAreaName, gapAreaShares } from '../i18n/gap-area-name.ts';
import { useT } from './i18n.ts';

const SHOWN = 10;

export function GapList() {
  // null: a new region's first answer, whose gap groups follow in the next
  const gaps = useStore((s) => s.result?.gaps);
  const highlighted = useStore((s) => s.highlightedGap);
  const { t, n, language } = useT();
  if (gaps === undefined) return null;
  return (
    <div className="gaps">
      <h3>{t('gaps.title')}</h3>
      <p className="muted small">{t('gaps.hint')}</p>
      {gaps === null ? (
        <p className="muted" data-testid="gaps-pending">{t('gaps.pending')}</p>
      ) : gaps.length === 0 ? (
        <p>{t('gaps.none')}</p>
      ) : (
        <ol>
          {gaps.slice(0, SHOWN).map((g) => (
            <li key={g.rank}>
              <button type="button" className={`link ${highlighted === g.rank ? 'active' : ''}`} data-testid={`gap-item-${g.rank}`} onClick={() => focusGap(g.rank)}>
                {t('gaps.item', { rank: g.rank, zone: gapAreaName(g.townships, g.population, language), population: n(g.population), area: n(g.areaKm2, 1) })}
              </button>
              <div className="muted small gap-shares" data-testid={`gap-shares-${g.rank}`} title={t('gapArea.shares')}>
                {gapAreaShares(g.townships, g.population, language)}
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
