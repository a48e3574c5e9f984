/** The scenario panel: name, undo/redo, save/open a file, share link, autosave state, comparison, table exports. */
import { useRef, useState } from 'react';
import { regionOf } from '../app/regions.ts';
import {
  clearComparison,
  isDemo,
  loadScenarioFile,
  pinComparison,
  redo,
  restoreDemo,
  scenarioFileText,
  setScenarioName,
  shareLink,
  undo,
} from '../app/scenario-actions.ts';
import { useStore } from '../app/store.ts';
import { downloadName } from '../export/download-name.ts';
import { downloadBlob } from './export/download.ts';
import { ExportTables } from './ExportTables.tsx';
import { useT } from './i18n.ts';
import { Panel } from './Panel.tsx';
import { ScenarioNoticeView } from './ScenarioNoticeView.tsx';

export function ScenarioPanel() {
  const { t, language } = useT();
  const name = useStore((s) => s.scenarioName);
  const regionName = useStore((s) => regionOf(s.regionId, s.dataset?.region).name);
  const canUndo = useStore((s) => s.canUndo);
  const canRedo = useStore((s) => s.canRedo);
  const autosavedAt = useStore((s) => s.autosavedAt);
  const comparison = useStore((s) => s.comparison);
  const hasResult = useStore((s) => s.result !== null);
  const demo = useStore((s) => isDemo(s));
  const fileInput = useRef<HTMLInputElement>(null);
  const [link, setLink] = useState<{ text: string; copied: boolean } | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);

  const save = () => {
    const file = scenarioFileText();
    downloadBlob(new Blob([file.text], { type: 'application/json' }), downloadName(file.name, 'json'));
  };
  const open = async (file: File | undefined) => {
    if (!file) return;
    await loadScenarioFile(await file.text(), file.name);
    if (fileInput.current) fileInput.current.value = '';
  };
  const share = async () => {
    setLink(null);
    setLinkError(null);
    const made = shareLink(window.location.href);
    if (!made.ok) {
      setLinkError(t('scenario.shareTooLong', { length: made.length, max: made.maxChars }));
      return;
    }
    let copied = false;
    try {
      await navigator.clipboard.writeText(made.url);
      copied = true;
    } catch {
      // no clipboard permission (e.g. an insecure origin): the link is shown to copy by hand
    }
    setLink({ text: made.url, copied });
  };
  const time = autosavedAt ? new Date(autosavedAt).toLocaleTimeString(language) : null;

  return (
    <Panel id="scenario" title={t('scenario.title')}>
      <label className="scenario-name">
        <span>{t('scenario.name')}</span>
        <input
          type="text"
          data-testid="scenario-name"
          value={name}
          maxLength={200}
          placeholder={t('scenario.namePlaceholder', { region: regionName })}
          onChange={(e) => setScenarioName(e.target.value)}
        />
      </label>
      <div className="button-row">
        <button type="button" data-testid="undo" disabled={!canUndo} onClick={undo} title={t('scenario.undoHint')}>
          ↶ {t('scenario.undo')}
        </button>
        <button type="button" data-testid="redo" disabled={!canRedo} onClick={redo} title={t('scenario.redoHint')}>
          ↷ {t('scenario.redo')}
        </button>
      </div>
      <div className="button-row">
        <button type="button" data-testid="save-scenario" onClick={save}>
          {t('scenario.save')}
        </button>
        <button type="button" data-testid="open-scenario" onClick={() => fileInput.current?.click()}>
          {t('scenario.open')}
        </button>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden data-testid="scenario-file" onChange={(e) => void open(e.target.files?.[0])} />
        <button type="button" data-testid="share-scenario" onClick={() => void share()}>
          {t('scenario.share')}
        </button>
      </div>
      {link && (
        <div className="share-link" role="status">
          <span className="small">{link.copied ? t('scenario.shareCopied') : t('scenario.shareShown')}</span>
          <input type="text" readOnly value={link.text} data-testid="share-link" onFocus={(e) => e.target.select()} />
        </div>
      )}
      {linkError && (
        <p className="notice warning" role="alert">
          {linkError}
        </p>
      )}
      <ScenarioNoticeView />
      <p className="muted small" data-testid="autosave-status">
        {time ? t('scenario.autosaved', { time }) : t('scenario.notSaved')}
      </p>
      <div className="button-row">
        {comparison ? (
          <button type="button" data-testid="unpin-comparison" onClick={clearComparison}>
            {t('scenario.unpin')}
          </button>
        ) : (
          <button type="button" data-testid="pin-comparison" disabled={!hasResult} onClick={pinComparison}>
            {t('scenario.pin')}
          </button>
        )}
        <button type="button" className="link" data-testid="start-over" disabled={demo} title={t('restore.buttonHint')} onClick={restoreDemo}>
          {t('scenario.startOver')}
        </button>
      </div>
      <ExportTables />
    </Panel>
  );
}
