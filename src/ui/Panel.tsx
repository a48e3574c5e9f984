/** A collapsible sidebar section with a heading button (keyboard-reachable). */
import type { ReactNode } from 'react';
import { togglePanel } from '../app/actions.ts';
import { useStore, type PanelKey } from '../app/store.ts';
import { useT } from './i18n.ts';

export function Panel({ id, title, children, extra }: { id: PanelKey; title: string; children: ReactNode; extra?: ReactNode }) {
  const collapsed = useStore((s) => s.collapsed[id]);
  const { t } = useT();
  return (
    <section className="panel" data-testid={`${id}-section`}>
      <h2 className="panel-heading">
        <button type="button" aria-expanded={!collapsed} aria-controls={`panel-${id}`} onClick={() => togglePanel(id)} title={collapsed ? t('app.expand') : t('app.collapse')}>
          <span className="chevron" aria-hidden>{collapsed ? '▸' : '▾'}</span> {title}
        </button>
        {extra}
      </h2>
      {!collapsed && (
        <div className="panel-body" id={`panel-${id}`}>
          {children}
        </div>
      )}
    </section>
  );
}
