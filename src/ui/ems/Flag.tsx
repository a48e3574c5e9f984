/** The label of a figure that rests on assumed, modelled or synthetic data (假设 / 模拟 / 合成), shown where the figure is. */
import { useT } from '../i18n.ts';

export type FlagKind = 'assumed' | 'modelled' | 'synthetic';

export function Flag({ kind, testId }: { kind: FlagKind | null | false; testId?: string }) {
  const { t } = useT();
  if (!kind) return null;
  return (
    <span className={`ems-flag ems-flag--${kind}`} data-testid={testId} data-flag={kind}>
      {t(`emsPanel.${kind}`)}
    </span>
  );
}
