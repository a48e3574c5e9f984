/** Where the call figures come from: imported records (maybe synthetic) or modelled from the call rate, labelled so. */
import type { EmsFigures } from '../../core/ems/types.ts';
import { useT } from '../i18n.ts';
import { callsLabel } from './ems-view.ts';
import { Flag } from './Flag.tsx';

export function CallsLine({ calls, ratePerThousand }: { calls: EmsFigures['calls']; ratePerThousand: number }) {
  const { t, n } = useT();
  const label = callsLabel(calls);
  const text =
    calls.source === 'rate'
      ? t('emsPanel.calls.rate', { rate: n(ratePerThousand, 1), perYear: n(calls.perYear) })
      : t('emsPanel.calls.imported', { total: n(calls.total), perYear: n(calls.perYear) });
  return (
    <p className="ems-calls small" data-testid="ems-calls" data-source={calls.source} data-synthetic={calls.synthetic ? 'true' : 'false'} data-value={calls.perYear}>
      {text} <Flag kind={label} testId="ems-calls-flag" />
      {calls.synthetic && <span className="muted"> · {t('emsPanel.calls.syntheticNote')}</span>}
    </p>
  );
}
