/** The facilities tab: choose a file, adjust how it is read, preview, import the good rows. */
import { useState } from 'react';
import { importFacilities, previewFacilityFile } from '../../app/import-actions.ts';
import type { FacilityPreview, MergeResult } from '../../io/facilities.ts';
import type { FacilityPreviewRequest } from '../../worker/api.ts';
import { useT } from '../i18n.ts';
import { FacilityMapping } from './FacilityMapping.tsx';
import { FacilityPreviewView } from './FacilityPreviewView.tsx';
import { FileDrop } from './FileDrop.tsx';

export function FacilityImport() {
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [request, setRequest] = useState<FacilityPreviewRequest>({});
  const [preview, setPreview] = useState<FacilityPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<MergeResult | null>(null);

  const read = async (f: File, next: FacilityPreviewRequest) => {
    setFile(f);
    setRequest(next);
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setPreview(await previewFacilityFile(f, next));
    } catch (e) {
      setPreview(null);
      setError(t('import.error', { file: f.name, message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setFile(null);
    setPreview(null);
    setError(null);
    setRequest({});
  };

  return (
    <div className="import-tab" data-testid="facility-import">
      <FileDrop testId="facility-file" accept=".csv,.txt,.xlsx,.xls,.geojson,.json" hint={t('import.facilities.accept')} disabled={busy} onFile={(f) => void read(f, {})} />
      {file && <p className="small">{t('import.file', { name: file.name })}</p>}
      {busy && <p className="muted small" role="status">{t('import.reading')}</p>}
      {error && (
        <p className="error-text" role="alert" data-testid="facility-error">
          {error}
        </p>
      )}
      {done && (
        <p role="status" data-testid="facility-imported">
          {t('import.imported', { added: done.added.length, renamed: done.renamed.length })}
        </p>
      )}
      {file && preview && (
        <>
          <FacilityMapping
            preview={preview}
            disabled={busy}
            onCrs={(crs) => void read(file, { ...request, crs })}
            onColumn={(field, column) => void read(file, { ...request, columns: { ...preview.columnMapping, [field]: column } })}
          />
          <FacilityPreviewView
            preview={preview}
            busy={busy}
            onApplyFixes={() => void read(file, { ...request, applySwapFix: true })}
            onCancel={reset}
            onImport={(replace) => {
              void importFacilities(preview, replace).then((merged) => {
                reset();
                setDone(merged);
              });
            }}
          />
        </>
      )}
    </div>
  );
}
