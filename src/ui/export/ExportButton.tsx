/** The header's export button; it opens the snapshot dialog and installs the scripted export hook. */
import { useEffect, useState } from 'react';
import { installSnapshotHook } from '../../app/snapshot-hook.ts';
import { useStore } from '../../app/store.ts';
import { useT } from '../i18n.ts';
import { ExportDialog } from './ExportDialog.tsx';

export function ExportButton() {
  const { t } = useT();
  const phase = useStore((s) => s.phase);
  const [open, setOpen] = useState(false);
  useEffect(() => installSnapshotHook(), []);
  return (
    <>
      <button type="button" data-testid="export-open" aria-haspopup="dialog" aria-expanded={open} title={t('export.buttonTitle')} disabled={phase !== 'ready'} onClick={() => setOpen(true)}>
        {t('export.button')}
      </button>
      {open && <ExportDialog onClose={() => setOpen(false)} />}
    </>
  );
}
