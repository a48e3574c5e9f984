/** A facility preview: counts, the good rows, every problem row, and what to do next. */
import { useState } from 'react';
import type { FacilityPreview } from '../../io/facilities.ts';
import { useT } from '../i18n.ts';
import { GoodRowsTable } from './GoodRowsTable.tsx';
import { ProblemTable } from './ProblemTable.tsx';

export function FacilityPreviewView({ preview, busy, onImport, onApplyFixes, onCancel }: { preview: FacilityPreview; busy: boolean; onImport: (replace: boolean) => void; onApplyFixes: () => void; onCancel: () => void }) {
  const { t } = useT();
  const [replace, setReplace] = useState(false);
  const { summary } = preview;
  const fixable = preview.problems.some((p) => p.code === 'swapped-lnglat' && p.severity !== 'warning');
  return (
    <div className="import-preview" data-testid="facility-preview">
      <p data-testid="facility-counts" data-rows={summary.rows} data-good={summary.good} data-rejected={summary.rejected} data-warnings={summary.warnings}>
        {t('import.counts', summary)}
      </p>
      <h4>{t('import.good')}</h4>
      <GoodRowsTable stations={preview.good} />
      <h4>{t('import.problems', { n: preview.problems.length })}</h4>
      <ProblemTable problems={preview.problems} />
      <label className="import-replace">
        <input type="checkbox" data-testid="facility-replace" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
        {t('import.replace')}
      </label>
      <div className="import-actions">
        <button type="button" className="primary" data-testid="facility-import-good" disabled={busy || summary.good === 0} onClick={() => onImport(replace)}>
          {t('import.importGood', { n: summary.good })}
        </button>
        <button type="button" data-testid="facility-apply-fixes" disabled={busy || !fixable} onClick={onApplyFixes}>
          {t('import.applyFixes')}
        </button>
        <button type="button" data-testid="facility-cancel" onClick={onCancel}>
          {t('import.cancel')}
        </button>
      </div>
    </div>
  );
}
