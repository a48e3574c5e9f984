/**
 * A dialog of tabs floating over the map without blocking it (the map pans
 * while a job runs): the import dialog and the region dialog. Esc closes it
 * and focus goes back to where it was; every tab stays mounted, so a
 * preview survives switching tabs.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props<Tab extends string> {
  /** Prefix of the ids and test ids: `${name}-dialog`, `${name}-tab-${tab}`, `${name}-close`. */
  name: string;
  tabs: readonly Tab[];
  title: string;
  closeLabel: string;
  tabLabel: (tab: Tab) => string;
  panel: (tab: Tab) => ReactNode;
  onClose: () => void;
  /** Shown below the tabs, whichever is open. */
  footer?: ReactNode;
}

export function TabbedDialog<Tab extends string>({ name, tabs, title, closeLabel, tabLabel, panel, onClose, footer }: Props<Tab>) {
  const [tab, setTab] = useState<Tab>(tabs[0]);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      opener?.focus();
    };
  }, [onClose]);
  return (
    <div className="import-dialog" role="dialog" aria-modal="false" aria-labelledby={`${name}-title`} data-testid={`${name}-dialog`} ref={ref}>
      <div className="import-head">
        <h2 id={`${name}-title`}>{title}</h2>
        <button type="button" className="icon" data-testid={`${name}-close`} aria-label={closeLabel} title={closeLabel} onClick={onClose}>
          ✕
        </button>
      </div>
      <div className="import-tabs" role="tablist">
        {tabs.map((k) => (
          <button key={k} type="button" role="tab" id={`${name}-tab-${k}`} aria-controls={`${name}-panel-${k}`} aria-selected={tab === k} data-testid={`${name}-tab-${k}`} onClick={() => setTab(k)}>
            {tabLabel(k)}
          </button>
        ))}
      </div>
      {tabs.map((k) => (
        <div key={k} role="tabpanel" id={`${name}-panel-${k}`} aria-labelledby={`${name}-tab-${k}`} hidden={tab !== k} className="import-body">
          {panel(k)}
        </div>
      ))}
      {footer}
    </div>
  );
}
