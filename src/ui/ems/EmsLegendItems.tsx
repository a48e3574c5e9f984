/**
 * Legend items of the first-due workload and township equity layers: their
 * classes around the busy and response targets, what the figure is, its
 * basis, and which figures are modelled (calls from residents) or synthetic.
 */
import { useStore } from '../../app/store.ts';
import { EQUITY_COLOURS, EQUITY_OPACITY, EQUITY_OVER_HORIZON, equitySteps, WORKLOAD_COLOURS, WORKLOAD_OPACITY, WORKLOAD_OVER } from '../../map/ems-ramps.ts';
import { COLOURS } from '../../map/layers.ts';
import { BEYOND_LAST_STEP } from '../../map/minutes-ramp.ts';
import { Fill, Item } from '../legend-parts.tsx';
import { useT } from '../i18n.ts';

/** Stations over the target named in the legend; more are counted. */
const NAMED_OVER = 4;

/** First-due workload: the busy-fraction classes around the target, the stations over it, how calls were had. */
export function WorkloadItems() {
  const { t, pct, language } = useT();
  const busyTarget = useStore((s) => s.rules.ems.busyTarget);
  const ems = useStore((s) => s.result?.ems ?? null);
  const swatch = (k: number) => <Fill colour={WORKLOAD_COLOURS[k]} alpha={WORKLOAD_OPACITY} />;
  const busy = (fraction: number) => pct(fraction * 100);
  const over = (ems?.workload ?? []).filter((w) => w.firstDueCells > 0 && w.busyFraction >= busyTarget).sort((a, b) => b.busyFraction - a.busyFraction);
  const named = over.slice(0, NAMED_OVER).map((w) => `${w.name} ${Number.isFinite(w.busyFraction) ? busy(w.busyFraction) : '∞'}`);
  if (over.length > NAMED_OVER) named.push(`+${over.length - NAMED_OVER}`);
  return (
    <>
      <Item symbol={swatch(1)}>{t('map.workload.underHalf', { busy: busy(busyTarget / 2) })}</Item>
      <Item symbol={swatch(2)}>{t('map.workload.under', { busy: busy(busyTarget) })}</Item>
      <Item symbol={swatch(WORKLOAD_OVER)}>
        <strong>{t('map.workload.over', { busy: busy(busyTarget) })}</strong>
      </Item>
      <Item symbol={swatch(WORKLOAD_OVER + 1)}>
        <strong>{t('map.workload.overDouble', { busy: busy(2 * busyTarget) })}</strong>
      </Item>
      <Item wide symbol={swatch(0)}>
        {t('map.workload.none')}
      </Item>
      <Item wide symbol={<span className="ems-legend__dotbox" aria-hidden><span className="ems-legend__dot" style={{ width: 14, height: 14, border: `3px solid ${WORKLOAD_COLOURS[WORKLOAD_OVER + 1]}` }} /></span>}>
        {t('map.workload.ring')}
      </Item>
      <Item wide symbol={<span className="ems-legend__line" style={{ borderTop: `1px solid ${COLOURS.firstDueLine}` }} aria-hidden />}>
        {t('map.workload.borders')}
      </Item>
      <li className="ems-legend__note" data-testid="legend-workload-over">
        {over.length > 0 ? t('map.workload.overStations', { list: named.join(language === 'en' ? ', ' : '、') }) : t('map.workload.overNone')}
      </li>
      <li className="ems-legend__note">{t('map.workload.note')}</li>
      {ems && ems.calls.source === 'rate' && (
        <li className="ems-legend__note" data-testid="legend-workload-calls">
          {t('map.workload.modelled')}
        </li>
      )}
      {ems && ems.calls.source === 'imported' && ems.calls.synthetic && (
        <li className="ems-legend__note" data-testid="legend-workload-calls">
          {t('map.workload.synthetic')}
        </li>
      )}
    </>
  );
}

/** Township equity: the 90th-percentile classes around the response target, the worst township, the basis of the minutes. */
export function EquityItems() {
  const { t, n, pct, place } = useT();
  const fractiles = useStore((s) => s.result?.ems?.fractiles ?? null);
  const worst = useStore((s) => s.result?.ems?.equity.worstZone ?? null);
  const circleMinutes = useStore((s) => s.rules.circleMinutes);
  const targetMinutes = fractiles?.targetMinutes ?? circleMinutes;
  const steps = equitySteps(targetMinutes);
  const swatch = (k: number) => <Fill colour={EQUITY_COLOURS[k]} alpha={EQUITY_OPACITY} />;
  return (
    <>
      {steps.map((minutes, k) => (
        <Item key={k} symbol={swatch(k)}>
          {minutes === targetMinutes ? <strong>{t('map.equity.stepTarget', { minutes: n(minutes) })}</strong> : t('map.equity.step', { minutes: n(minutes) })}
        </Item>
      ))}
      <Item symbol={swatch(BEYOND_LAST_STEP)}>{t('map.equity.beyond', { minutes: n(steps[steps.length - 1]) })}</Item>
      <Item wide symbol={swatch(EQUITY_OVER_HORIZON)}>
        {t('map.equity.overHorizon', { horizon: n(fractiles?.horizonMinutes ?? 60) })}
      </Item>
      {worst && (
        <Item wide symbol={<span className="ems-legend__line" style={{ borderTop: `3px solid ${COLOURS.equityWorst}` }} aria-hidden />}>
          <span data-testid="legend-equity-worst" data-code={worst.code}>
            {t('map.equity.worst', { name: place(worst.name), share: pct(worst.withinTarget * 100) })}
          </span>
        </Item>
      )}
      {fractiles && (
        <li className="ems-legend__note" data-testid="legend-equity-basis" data-basis={fractiles.basis}>
          {t('map.equity.note', { basis: t(`ems.basis.${fractiles.basis}`) })}
        </li>
      )}
    </>
  );
}
