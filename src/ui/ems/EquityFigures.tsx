/** The spread of service between townships: the worst and best by share of residents within the circle minutes, and the spread. */
import type { Equity } from '../../core/ems/types.ts';
import { useT } from '../i18n.ts';

export function EquityFigures({ equity, horizonMinutes }: { equity: Equity; horizonMinutes: number }) {
  const { t, n, pct, place } = useT();
  const item = (zone: Equity['worstZone']) =>
    zone
      ? t('emsPanel.equity.item', {
          name: place(zone.name),
          share: pct(zone.withinTarget * 100),
          p90: zone.p90Minutes === null ? t('emsPanel.notReached', { max: horizonMinutes }) : t('emsPanel.minutes', { minutes: n(zone.p90Minutes, 1) }),
        })
      : '—';
  return (
    <div className="ems-block" data-testid="ems-equity">
      <h3>{t('emsPanel.equity.title')}</h3>
      <table>
        <tbody>
          <tr>
            <th scope="row">{t('emsPanel.equity.worst')}</th>
            <td className="ems-wrap" data-testid="ems-equity-worst" data-code={equity.worstZone?.code ?? ''} data-value={equity.worstZone?.withinTarget ?? ''}>{item(equity.worstZone)}</td>
          </tr>
          <tr>
            <th scope="row">{t('emsPanel.equity.best')}</th>
            <td className="ems-wrap" data-testid="ems-equity-best" data-code={equity.bestZone?.code ?? ''} data-value={equity.bestZone?.withinTarget ?? ''}>{item(equity.bestZone)}</td>
          </tr>
          <tr>
            <th scope="row">{t('emsPanel.equity.spread')}</th>
            <td data-testid="ems-equity-spread" data-value={equity.spread}>{t('emsPanel.equity.spreadValue', { points: n(equity.spread * 100, 1) })}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
