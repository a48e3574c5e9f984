/** The stations a facility preview would import (the first few hundred). */
import type { Station } from '../../core/types.ts';
import { useT } from '../i18n.ts';

const SHOWN = 200;

export function GoodRowsTable({ stations }: { stations: readonly Station[] }) {
  const { t } = useT();
  return (
    <div className="import-table-wrap">
      <table className="import-table" data-testid="good-rows">
        <thead>
          <tr>
            <th>{t('import.col.name')}</th>
            <th>{t('import.col.kind')}</th>
            <th>{t('import.col.status')}</th>
            <th>{t('import.col.lnglat')}</th>
          </tr>
        </thead>
        <tbody>
          {stations.slice(0, SHOWN).map((s) => (
            <tr key={s.id} data-testid="good-row">
              <td>{s.name}</td>
              <td>{t(`kind.${s.kind}`)}</td>
              <td>{t(`status.${s.status}`)}</td>
              <td>
                {s.lng.toFixed(5)}, {s.lat.toFixed(5)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {stations.length > SHOWN && <p className="muted small">{t('import.moreRows', { n: stations.length - SHOWN })}</p>}
    </div>
  );
}
