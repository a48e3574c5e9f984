/** The outcome of the last scenario action (opened, restored, refused), as plain text. */
import { useStore } from '../app/store.ts';
import { useT } from './i18n.ts';

export function ScenarioNoticeView() {
  const notice = useStore((s) => s.scenarioNotice);
  const { t, language } = useT();
  if (!notice) return null;
  const params = { ...notice.params };
  // times are stored as ISO strings; show them in the reader's locale
  if (typeof params.time === 'string') params.time = new Date(params.time).toLocaleString(language);
  return (
    <p className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="scenario-notice">
      {t(notice.key, params)}
    </p>
  );
}
