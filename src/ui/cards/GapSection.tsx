/** The gap area a clicked cell belongs to: its figures and the townships it spans, with each one's share. */
import type { CellGap } from '../../core/describe-cell.ts';
import { useT } from '../i18n.ts';

export function GapSection({ gap }: { gap: CellGap }) {
  const { t, n, pct } = useT();
  return (
    <div className="ems-card__gap" data-testid="gap-card" data-rank={gap.rank}>
      <h3>{t('cards.gap.title', { rank: gap.rank })}</h3>
      <dl className="ems-card__fields">
        <div className="ems-card__field">
          <dt>{t('cards.gap.population')}</dt>
          <dd data-testid="gap-card-population" data-value={gap.population}>
            {t('cards.point.people', { population: n(gap.population) })}
          </dd>
        </div>
        <div className="ems-card__field">
          <dt>{t('cards.gap.gapPopulation')}</dt>
          <dd data-testid="gap-card-gap-population" data-value={gap.gapPopulation}>
            {t('cards.point.people', { population: n(gap.gapPopulation) })}
          </dd>
        </div>
        <div className="ems-card__field">
          <dt>{t('cards.gap.marginalPopulation')}</dt>
          <dd data-testid="gap-card-marginal-population" data-value={gap.marginalPopulation}>
            {t('cards.point.people', { population: n(gap.marginalPopulation) })}
          </dd>
        </div>
        <div className="ems-card__field">
          <dt>{t('cards.gap.area')}</dt>
          <dd data-value={gap.areaKm2}>{t('cards.gap.areaValue', { area: n(gap.areaKm2, 1) })}</dd>
        </div>
      </dl>
      <div className="ems-card__subhead">{t('cards.gap.townships')}</div>
      <ul className="ems-card__shares" data-testid="gap-card-townships">
        {gap.townships.map((z) => (
          <li key={z.code ?? '-'} data-code={z.code ?? ''} data-value={z.population}>
            {t('cards.gap.share', { name: z.name ?? t('cards.gap.unzoned'), population: n(z.population), pct: pct(gap.population > 0 ? (100 * z.population) / gap.population : 0) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
