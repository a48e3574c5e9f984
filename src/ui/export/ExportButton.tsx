/** The header's export button; it opens the snapshot dialog with the map on screen and installs the scripted export hook. */
import { useEffect, useState } from 'react';
import { installSnapshotHook } from '../../app/snapshot-hook.ts';
import { getState, useStore } from '../../app/store.ts';
import { useT } from '../i18n.ts';
import { getLiveMap, useLiveMap } from '../live-map.ts';
import { ExportDialog } from './ExportDialog.tsx';
import { textsFor } from './texts.ts';

export function ExportButton() {
  const { t } = useT();
  const phase = useStore((s) => s.phase);
  const live = useLiveMap();
  const [open, setOpen] = useState(false);
  useEffect(
    () =>
      installSnapshotHook(() => {
        const map = getLiveMap();
        const { language } = getState();
        return map ? { live: map, language, texts: textsFor(language) } : null;
      }),
    [],
  );
  return (
    <>
      <button type="button" data-testid="export-open" aria-haspopup="dialog" aria-expanded={open} title={t('export.buttonTitle')} disabled={phase !== 'ready' || !live} onClick={() => setOpen(true)}>
        {t('export.button')}
      </button>
      {open && live && <ExportDialog live={live} onClose={() => setOpen(false)} />}
    </>
  );
}
