/**
 * The calls tab: a file of historical 120 calls read in the worker and
 * counted per cell of the open region. Says that no call point is kept;
 * the calls in use are named here, with a button to remove them.
 */
import { useState } from 'react';
import { importCallsFile, removeCallsData } from '../../app/import-actions.ts';
import { useStore } from '../../app/store.ts';
import type { Crs } from '../../io/crs.ts';
import { useT } from '../i18n.ts';
import { FileDrop } from './FileDrop.tsx';
import { ImportOutcome } from './ImportOutcome.tsx';
import { ImportProgressBar } from './ImportProgressBar.tsx';

/** The same names as io/crs.ts CRS_NAMES (see CrsSelect), and 'auto': from the file's headers. */
const CHOICES = ['auto', 'WGS84', 'GCJ02', 'BD09'] as const;

export function CallImport() {
  const { t, n } = useT();
  const running = useStore((s) => s.importJob !== null);
  const calls = useStore((s) => s.dataset?.region.calls ?? null);
  const [crs, setCrs] = useState<(typeof CHOICES)[number]>('auto');
  return (
    <div className="import-tab" data-testid="call-import">
      <p className="muted small">{t('import.calls.note')}</p>
      <p className="small" data-testid="calls-privacy">
        {t('import.calls.privacy')}
      </p>
      <p data-testid="calls-in-use" data-file={calls?.source.source ?? ''} data-total={calls?.total ?? 0}>
        {calls ? t('import.calls.inUse', { file: calls.source.source, total: n(calls.total) }) : t('import.calls.none')}
        {calls?.synthetic ? ` · ${t('import.calls.synthetic')}` : ''}{' '}
        {calls && (
          <button type="button" data-testid="calls-remove" disabled={running} onClick={() => void removeCallsData()}>
            {t('import.calls.remove')}
          </button>
        )}
      </p>
      <label className="import-field">
        <span>{t('import.crs')}</span>
        <select data-testid="calls-crs" value={crs} disabled={running} onChange={(e) => setCrs(e.target.value as (typeof CHOICES)[number])}>
          {CHOICES.map((c) => (
            <option key={c} value={c}>
              {c === 'auto' ? t('import.calls.crsAuto') : t(`import.crs.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <FileDrop testId="call-file" accept=".csv,.txt,.xlsx" hint={t('import.calls.accept')} disabled={running} onFile={(f) => void importCallsFile(f, crs === 'auto' ? undefined : (crs as Crs))} />
      <ImportProgressBar kind="calls" />
      {!running && <ImportOutcome kind="calls" />}
    </div>
  );
}
