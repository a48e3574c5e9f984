/**
 * The snapshot dialog: title, scenario name, paper, orientation, resolution,
 * format, before/after and footer; shows the output size, progress and a
 * clear error, and downloads the file. A native modal <dialog>: focus stays
 * inside, Esc closes it, focus returns to the button that opened it.
 */
import type maplibregl from 'maplibre-gl';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { currentDefaults, exportSnapshot, prewarmSnapshot } from '../../app/snapshot-export.ts';
import { useStore } from '../../app/store.ts';
import { DPI_CHOICES, FORMATS, ORIENTATIONS, PAPER_CHOICES, type SnapshotOptions } from '../../export/snapshot/options.ts';
import { pagePixels } from '../../export/snapshot/paper.ts';
import { useT } from '../i18n.ts';
import { downloadBlob, fileSize } from './download.ts';
import { textsFor } from './texts.ts';
import './export.css';

type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="export-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

function Choice<T extends string | number>({ name, legend, values, value, label, onChange }: { name: string; legend: string; values: readonly T[]; value: T; label: (v: T) => string; onChange: (v: T) => void }) {
  return (
    <fieldset className="export-choice">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={String(v)}>
          <input type="radio" name={name} value={String(v)} checked={v === value} onChange={() => onChange(v)} data-testid={`export-${name}-${v}`} />
          {label(v)}
        </label>
      ))}
    </fieldset>
  );
}

export function ExportDialog({ live, onClose }: { live: maplibregl.Map; onClose: () => void }) {
  const { t, language } = useT();
  const hasDelta = useStore((s) => s.result?.delta != null);
  const ref = useRef<HTMLDialogElement>(null);
  const [options, setOptions] = useState<SnapshotOptions>(() => ({ paper: 'A4', orientation: 'landscape', dpi: 300, format: 'png', beforeAfter: false, tables: true, ...currentDefaults(textsFor(language)) }));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const busy = status.kind === 'busy';
  const set = <K extends keyof SnapshotOptions>(key: K, value: SnapshotOptions[K]) => setOptions((o) => ({ ...o, [key]: value }));
  const page = pagePixels(options.paper, options.orientation, options.dpi);

  // the print map loads while the form is being filled in
  const { paper, orientation, dpi, beforeAfter } = options;
  useEffect(() => prewarmSnapshot(live, { paper, orientation, dpi, beforeAfter }), [live, paper, orientation, dpi, beforeAfter]);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog?.showModal();
    return () => {
      dialog?.close();
      opener?.focus();
    };
  }, []);

  const run = async () => {
    setStatus({ kind: 'busy', text: t('export.progress.prepare') });
    try {
      const result = await exportSnapshot(
        { ...options, beforeAfter: options.beforeAfter && hasDelta },
        { live, language, texts: textsFor(language), onProgress: (key, params) => setStatus({ kind: 'busy', text: t(key, params) }) },
      );
      downloadBlob(result.blob, result.fileName);
      for (const f of result.extraFiles) downloadBlob(f.blob, f.fileName);
      const files = [result.fileName, ...result.extraFiles.map((f) => f.fileName)].join('、');
      const size = result.blob.size + result.extraFiles.reduce((s, f) => s + f.blob.size, 0);
      setStatus({ kind: 'done', text: t('export.done', { file: files, size: fileSize(size) }) });
    } catch (e) {
      setStatus({ kind: 'error', text: t('export.error', { message: (e as Error).message }) });
    }
  };

  return (
    <dialog
      ref={ref}
      className="export-dialog"
      aria-labelledby="export-title"
      data-testid="export-dialog"
      // Esc: the browser closes the dialog; keep it open while the file is being made
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void run();
        }}
      >
        <div className="export-head">
          <h2 id="export-title">{t('export.title')}</h2>
          <button type="button" className="icon" aria-label={t('export.close')} title={t('export.close')} disabled={busy} onClick={onClose}>
            ✕
          </button>
        </div>
        <div className="export-body">
          <Field label={t('export.field.title')}>
            <input type="text" value={options.title} maxLength={200} onChange={(e) => set('title', e.target.value)} data-testid="export-title" />
          </Field>
          <Field label={t('export.field.scenario')}>
            <input type="text" value={options.scenario} maxLength={200} onChange={(e) => set('scenario', e.target.value)} data-testid="export-scenario" />
          </Field>
          <div className="export-row">
            <Field label={t('export.field.paper')}>
              <select value={options.paper} onChange={(e) => set('paper', e.target.value as SnapshotOptions['paper'])} data-testid="export-paper">
                {PAPER_CHOICES.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('export.field.dpi')}>
              <select value={options.dpi} onChange={(e) => set('dpi', Number(e.target.value))} data-testid="export-dpi">
                {DPI_CHOICES.map((d) => (
                  <option key={d} value={d}>
                    {t('export.dpi', { dpi: d })}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Choice name="orientation" legend={t('export.field.orientation')} values={ORIENTATIONS} value={options.orientation} label={(v) => t(`export.orientation.${v}`)} onChange={(v) => set('orientation', v)} />
          <Choice name="format" legend={t('export.field.format')} values={FORMATS} value={options.format} label={(v) => v.toUpperCase()} onChange={(v) => set('format', v)} />
          <label className="export-check">
            <input type="checkbox" checked={options.beforeAfter && hasDelta} disabled={!hasDelta} onChange={(e) => set('beforeAfter', e.target.checked)} data-testid="export-before-after" />
            <span>{hasDelta ? t('export.field.beforeAfter') : t('export.beforeAfterNone')}</span>
          </label>
          <label className="export-check">
            <input type="checkbox" checked={options.tables} onChange={(e) => set('tables', e.target.checked)} data-testid="export-tables" />
            <span>{t('handout.field.tables')}</span>
          </label>
          <Field label={t('export.field.footer')}>
            <input type="text" value={options.footer} maxLength={200} onChange={(e) => set('footer', e.target.value)} data-testid="export-footer" />
          </Field>
          <p className="export-size">
            {t('export.size', { width: page.widthPx, height: page.heightPx, paper: options.paper, orientation: t(`export.orientation.${options.orientation}`).toLocaleLowerCase(), dpi: options.dpi })}
          </p>
          <p className={`export-status${status.kind === 'error' ? ' export-status--error' : ''}`} role={status.kind === 'error' ? 'alert' : 'status'} aria-live="polite" data-testid="export-status">
            {status.kind === 'idle' ? '' : status.text}
          </p>
        </div>
        <div className="export-actions">
          <button type="button" disabled={busy} onClick={onClose}>
            {t('export.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="export-start">
            {t('export.start')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
