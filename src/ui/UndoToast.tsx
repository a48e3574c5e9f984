/** After a delete: the station's name and an undo button. */
import { dismissUndo, undoDelete } from '../app/actions.ts';
import { useStore } from '../app/store.ts';
import { useT } from './i18n.ts';

export function UndoToast() {
  const deleted = useStore((s) => s.deleted);
  const { t } = useT();
  if (!deleted) return null;
  return (
    <div className="toast" role="status">
      <span>{t('stations.deleted', { name: deleted.station.name })}</span>
      <button type="button" data-testid="undo-delete" onClick={undoDelete}>
        {t('stations.undo')}
      </button>
      <button type="button" className="icon" aria-label="✕" onClick={dismissUndo}>
        ✕
      </button>
    </div>
  );
}
