/**
 * Dropping a region pack (.zip) anywhere on the map opens it: while a file is
 * dragged over the map a hint shows; other files are left to the dialogs.
 */
import { useEffect, useState } from 'react';
import { openPackFile } from '../../app/region-actions.ts';
import { useT } from '../i18n.ts';

const isZip = (f: File) => /\.zip$/i.test(f.name);

export function PackDropTarget() {
  const { t } = useT();
  const [over, setOver] = useState(false);
  useEffect(() => {
    const area = document.querySelector('.map-area');
    if (!area) return;
    const hasFiles = (e: Event) => (e as DragEvent).dataTransfer?.types.includes('Files') ?? false;
    const onOver = (e: Event) => {
      // the dialogs' own drop zones take their files
      if (!hasFiles(e) || (e.target as Element).closest?.('.file-drop')) return;
      e.preventDefault();
      setOver(true);
    };
    const onLeave = (e: Event) => {
      if (e.target === area || !(area as Element).contains((e as DragEvent).relatedTarget as Node)) setOver(false);
    };
    const onDrop = (e: Event) => {
      setOver(false);
      if ((e.target as Element).closest?.('.file-drop')) return;
      const file = (e as DragEvent).dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      if (isZip(file)) void openPackFile(file);
    };
    area.addEventListener('dragover', onOver);
    area.addEventListener('dragleave', onLeave);
    area.addEventListener('drop', onDrop);
    return () => {
      area.removeEventListener('dragover', onOver);
      area.removeEventListener('dragleave', onLeave);
      area.removeEventListener('drop', onDrop);
    };
  }, []);
  return over ? (
    <div className="map-banner" role="status" data-testid="pack-drop-hint">
      {t('region.dropHint')}
    </div>
  ) : null;
}
