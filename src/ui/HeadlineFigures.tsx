/** The headline figures of the current scenario, each with its raw value for tests and exports. */
import { useStore } from '../app/store.ts';
import { useT } from './i18n.ts';

function Figure({ id, label, value, text, tone, hint }: { id: string; label: string; value: number; text: string; tone?: string; hint?: string }) {
  return (
    <div className={`figure ${tone ?? ''}`} title={hint}>
      <div className="figure-label">{label}</div>
      <div className="figure-value" data-testid={`headline-${id}`} data-value={value}>
        {text}
      </div>
    </div>
  );
}

export function HeadlineFigures() {
  const totals = useStore((s) => s.result?.totals);
  const minutes = useStore((s) => s.rules.circleMinutes);
  const latency = useStore((s) => s.lastLatencyMs);
  const { t, n, pct } = useT();
  if (!totals) return null;
  return (
    <div className="headline">
      <div className="figures">
        <Figure id="population" label={t('results.population')} value={totals.population} text={n(totals.population)} />
        <Figure id="covered-pct" label={t('results.coveredPct')} value={totals.coveredPct} text={pct(totals.coveredPct)} tone="covered" />
        <Figure id="covered" label={t('results.covered')} value={totals.covered} text={n(totals.covered)} tone="covered" />
        <Figure id="marginal" label={t('results.marginal')} value={totals.marginal} text={n(totals.marginal)} tone="marginal" hint={t('results.marginalHint')} />
        <Figure id="gap" label={t('results.gap')} value={totals.gap} text={n(totals.gap)} tone="gap" />
        <Figure id="within" label={t('results.within', { minutes })} value={totals.withinCircle} text={`${n(totals.withinCircle)} (${pct(totals.withinCirclePct)})`} />
        <Figure id="ambulances" label={t('results.ambulances')} value={totals.ambulancesNeeded} text={n(totals.ambulancesNeeded)} hint={t('results.ratioNote')} />
        <Figure id="aeds" label={t('results.aeds')} value={totals.aedsNeeded} text={n(totals.aedsNeeded)} hint={t('results.ratioNote')} />
      </div>
      {latency !== null && <div className="muted small">{t('results.updated', { ms: n(latency) })}</div>}
    </div>
  );
}
