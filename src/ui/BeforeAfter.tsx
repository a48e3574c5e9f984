/** Before → after for the scenario's proposed stations (e.g. 达埔 and 桂洋). */
import { focusStation } from '../app/actions.ts';
import { useStore } from '../app/store.ts';
import { useT } from './i18n.ts';

export function BeforeAfter() {
  const delta = useStore((s) => s.result?.delta ?? null);
  const minutes = useStore((s) => s.rules.circleMinutes);
  const { t, n } = useT();
  if (!delta) return <p className="muted">{t('delta.none')}</p>;
  const signed = (v: number) => (v > 0 ? `+${n(v)}` : n(v));
  const rows: [string, string, { before: number; after: number; change: number }][] = [
    ['covered', t('results.covered'), delta.covered],
    ['marginal', t('results.marginal'), delta.marginal],
    ['gap', t('results.gap'), delta.gap],
    ['within', t('results.within', { minutes }), delta.withinCircle],
  ];
  return (
    <div className="before-after">
      <h3>{t('delta.title')}</h3>
      <p className="muted small">{t('delta.stations', { names: delta.stations.map((s) => s.name).join('、') })}</p>
      <table>
        <thead>
          <tr>
            <th />
            <th>{t('delta.without')}</th>
            <th>{t('delta.with')}</th>
            <th>{t('delta.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label, v]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td data-testid={`delta-${key}-before`} data-value={v.before}>{n(v.before)}</td>
              <td data-testid={`delta-${key}-after`} data-value={v.after}>{n(v.after)}</td>
              <td data-testid={`delta-${key}-change`} data-value={v.change} className={v.change > 0 ? 'up' : v.change < 0 ? 'down' : ''}>
                {signed(v.change)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="per-station">
        <thead>
          <tr>
            <th>{t('stations.name')}</th>
            <th>{t('delta.newly')}</th>
            <th>{t('delta.uniquely')}</th>
          </tr>
        </thead>
        <tbody>
          {delta.stations.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <button type="button" className="link" onClick={() => focusStation(s.id)}>
                  {s.name}
                </button>
              </th>
              <td data-testid={`delta-station-${s.id}`} data-value={s.newlyCovered}>{n(s.newlyCovered)}</td>
              <td>{n(s.uniquelyCovered)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="muted small delta-notes">
        <p data-testid="delta-note-newly">{t('note.newly')}</p>
        <p data-testid="delta-note-uniquely">{t('note.uniquely')}</p>
      </div>
    </div>
  );
}
