/** The headline figures of the current scenario, each with its raw value for tests and exports. */
import { useStore } from '../app/store.ts';
import { headlineNotes, type HeadlineId } from './headline-notes.ts';
import { useT } from './i18n.ts';

function Figure({ id, label, value, text, tone, note }: { id: HeadlineId; label: string; value: number; text: string; tone?: string; note: string }) {
  return (
    <div className={`figure ${tone ?? ''}`}>
      <div className="figure-label">{label}</div>
      <div className="figure-value" data-testid={`headline-${id}`} data-value={value}>
        {text}
      </div>
      <div className="figure-note" data-testid={`headline-note-${id}`}>
        {note}
      </div>
    </div>
  );
}

export function HeadlineFigures() {
  const totals = useStore((s) => s.result?.totals);
  const rules = useStore((s) => s.rules);
  const minutes = rules.circleMinutes;
  const latency = useStore((s) => s.lastLatencyMs);
  const onRoads = useStore((s) => s.result?.reach.model === 'roads');
  const { t, n, pct } = useT();
  if (!totals) return null;
  const notes = headlineNotes(rules, t, n, onRoads);
  return (
    <div className="headline">
      <div className="figures">
        <Figure id="population" label={t('results.population')} value={totals.population} text={n(totals.population)} note={notes.population} />
        <Figure id="covered-pct" label={t('results.coveredPct')} value={totals.coveredPct} text={pct(totals.coveredPct)} tone="covered" note={notes['covered-pct']} />
        <Figure id="covered" label={t('results.covered')} value={totals.covered} text={n(totals.covered)} tone="covered" note={notes.covered} />
        <Figure id="marginal" label={t('results.marginal')} value={totals.marginal} text={n(totals.marginal)} tone="marginal" note={notes.marginal} />
        <Figure id="gap" label={t('results.gap')} value={totals.gap} text={n(totals.gap)} tone="gap" note={notes.gap} />
        <Figure id="within" label={t(onRoads ? 'results.withinRoads' : 'results.within', { minutes })} value={totals.withinCircle} text={`${n(totals.withinCircle)} (${pct(totals.withinCirclePct)})`} note={notes.within} />
        <Figure id="ambulances" label={t('results.ambulances')} value={totals.ambulancesNeeded} text={n(totals.ambulancesNeeded)} note={notes.ambulances} />
        <Figure id="aeds" label={t('results.aeds')} value={totals.aedsNeeded} text={n(totals.aedsNeeded)} note={notes.aeds} />
      </div>
      {latency !== null && <div className="muted small">{t('results.updated', { ms: n(latency) })}</div>}
    </div>
  );
}
