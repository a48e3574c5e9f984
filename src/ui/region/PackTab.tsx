/** The region-pack tab: open a pack file, or save the open region as one. */
import { useState } from 'react';
import { openPackFile, savePackFile } from '../../app/region-actions.ts';
import { useStore } from '../../app/store.ts';
import { downloadBlob } from '../export/download.ts';
import { useT } from '../i18n.ts';
import { FileDrop } from '../import/FileDrop.tsx';

export function PackTab() {
  const { t, n } = useT();
  const running = useStore((s) => s.regionJob !== null);
  const ready = useStore((s) => s.phase === 'ready');
  const [saved, setSaved] = useState<{ ok: true; file: string; size: string } | { ok: false; message: string } | null>(null);
  const save = async () => {
    try {
      const { blob, name } = await savePackFile();
      downloadBlob(blob, name);
      setSaved({ ok: true, file: name, size: `${n(blob.size / 1e6, 2)} MB` });
    } catch (e) {
      setSaved({ ok: false, message: (e as Error).message });
    }
  };
  return (
    <div className="import-tab" data-testid="region-pack">
      <p className="muted small">{t('region.pack.note')}</p>
      <h4>{t('region.pack.open')}</h4>
      <FileDrop testId="pack-file" accept=".zip" hint={t('region.pack.accept')} disabled={running} onFile={(f) => void openPackFile(f)} />
      <h4>{t('region.pack.save')}</h4>
      <p className="muted small">{t('region.pack.saveNote')}</p>
      <div>
        <button type="button" data-testid="pack-save" disabled={!ready || running} onClick={() => void save()}>
          {t('region.pack.save')}
        </button>
      </div>
      {saved?.ok === true && (
        <p className="small" data-testid="pack-saved">
          {t('region.pack.saved', { file: saved.file, size: saved.size })}
        </p>
      )}
      {saved?.ok === false && (
        <p className="notice error" role="alert">
          {t('region.pack.saveFailed', { message: saved.message })}
        </p>
      )}
    </div>
  );
}
