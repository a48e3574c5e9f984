/** Buttons that download the township table, the station list and the gap/cell layers of the current result. */
import { useState } from 'react';
import type { TableExportKind } from '../app/table-exports.ts';
import { emsOf } from '../app/ems-result.ts';
import { useStore } from '../app/store.ts';
import type { Crs } from '../io/crs.ts';
import { downloadBlob } from './export/download.ts';
import { useT } from './i18n.ts';

const BUTTONS: { kind: TableExportKind; label: string }[] = [
  { kind: 'township-csv', label: 'tables.townshipCsv' },
  { kind: 'township-xlsx', label: 'tables.townshipXlsx' },
  { kind: 'stations-csv', label: 'tables.stationsCsv' },
  { kind: 'stations-geojson', label: 'tables.stationsGeoJson' },
  { kind: 'gaps-geojson', label: 'tables.gapsGeoJson' },
  { kind: 'cells-geojson', label: 'tables.cellsGeoJson' },
  { kind: 'workload-csv', label: 'tables.workloadCsv' },
  { kind: 'hospitals-csv', label: 'tables.hospitalsCsv' },
];

export function ExportTables() {
  const { t } = useT();
  const hasResult = useStore((s) => s.result !== null);
  const ems = useStore((s) => emsOf(s.result));
  // the EMS tables exist only when the result has EMS figures (hospital transport: when a capability is set)
  const available = (kind: TableExportKind) => hasResult && (kind === 'workload-csv' ? ems !== null : kind === 'hospitals-csv' ? (ems?.hospitals.length ?? 0) > 0 : true);
  const [crs, setCrs] = useState<Crs>('WGS84');
  const [busy, setBusy] = useState<TableExportKind | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const run = async (kind: TableExportKind) => {
    setBusy(kind);
    setMessage(null);
    try {
      // the spreadsheet and CRS writers load on first export, not with the app
      const { buildTableExport } = await import('../app/table-exports.ts');
      const file = await buildTableExport(kind, crs, t);
      downloadBlob(file.blob, file.fileName);
      setMessage({ error: false, text: t('tables.done', { file: file.fileName }) });
    } catch (e) {
      setMessage({ error: true, text: t('tables.failed', { error: (e as Error).message }) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="export-tables">
      <h3>{t('tables.tables')}</h3>
      <label className="small">
        {t('tables.crs')}{' '}
        <select data-testid="export-crs" value={crs} onChange={(e) => setCrs(e.target.value as Crs)}>
          <option value="WGS84">WGS84</option>
          <option value="GCJ02">GCJ-02</option>
        </select>
      </label>
      <div className="button-row wrap">
        {BUTTONS.map((b) => (
          <button key={b.kind} type="button" data-testid={`export-${b.kind}`} disabled={!available(b.kind) || busy !== null} onClick={() => void run(b.kind)}>
            {t(b.label)}
          </button>
        ))}
      </div>
      <p className="muted small">{t('tables.tablesNote')}</p>
      {message && (
        <p className={message.error ? 'notice error' : 'muted small'} role={message.error ? 'alert' : 'status'} data-testid="export-message">
          {message.text}
        </p>
      )}
    </div>
  );
}
