/** The frame of a details card on the map: a titled, closable region (Esc closes it too). */
import { useId, type ReactNode } from 'react';
import { closeCard } from '../../app/card-actions.ts';
import { useT } from '../i18n.ts';

export function CardShell({ title, testId, current = true, children }: { title: string; testId: string; current?: boolean; children: ReactNode }) {
  const { t } = useT();
  const titleId = useId();
  return (
    <section className="ems-card" role="dialog" aria-modal="false" aria-labelledby={titleId} data-testid={testId} data-current={current ? 'true' : 'false'}>
      <header className="ems-card__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon" data-testid="card-close" aria-label={t('cards.close')} title={t('cards.close')} onClick={closeCard}>
          ✕
        </button>
      </header>
      <div className="ems-card__body">{children}</div>
    </section>
  );
}

/** One labelled line of a card. */
export function Field({ label, children, testId, value }: { label: string; children: ReactNode; testId?: string; value?: string | number }) {
  return (
    <div className="ems-card__field">
      <dt>{label}</dt>
      <dd data-testid={testId} data-value={value}>
        {children}
      </dd>
    </div>
  );
}
