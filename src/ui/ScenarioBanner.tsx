/**
 * The strip under the header whenever the open scenario is not the region's
 * demo scenario: how it came (restored autosave, file, link, edits) and one
 * click back to the demo (undoable, so no confirmation).
 */
import { isDemo, restoreDemo } from '../app/scenario-actions.ts';
import { useStore } from '../app/store.ts';
import { useT } from './i18n.ts';

export function ScenarioBanner() {
  const { t, language } = useT();
  const shown = useStore((s) => s.phase === 'ready' && !isDemo(s));
  const origin = useStore((s) => s.scenarioOrigin);
  const autosavedAt = useStore((s) => s.autosavedAt);
  const name = useStore((s) => s.scenarioName);
  const historyDamaged = useStore((s) => s.scenarioNotice?.key === 'restore.historyDamaged' || s.scenarioNotice?.key === 'restore.stepsDropped');
  if (!shown) return null;
  const message =
    origin === 'restored'
      ? t('restore.bannerRestored', { time: autosavedAt ? new Date(autosavedAt).toLocaleString(language) : '' })
      : origin === 'file'
        ? t('restore.bannerFile', { name })
        : origin === 'link'
          ? t('restore.bannerLink')
          : t('restore.bannerEdited');
  return (
    <div className="scenario-banner" role="status" data-testid="scenario-banner" data-origin={origin}>
      <span className="scenario-banner__text" title={message}>
        {message}
        {historyDamaged && <span className="scenario-banner__warning"> {t('restore.bannerHistoryDamaged')}</span>}
      </span>
      <span aria-hidden="true">·</span>
      <button type="button" className="link" data-testid="banner-restore-demo" title={t('restore.buttonHint')} onClick={restoreDemo}>
        {t('scenario.startOver')}
      </button>
    </div>
  );
}
