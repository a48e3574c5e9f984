/** Choice of the coordinate system a file's points are in. */
import type { Crs } from '../../io/crs.ts';
import { useT } from '../i18n.ts';

/** The same names as io/crs.ts CRS_NAMES (not imported: that module brings the converter into the main bundle). */
const CRS_CHOICES: readonly Crs[] = ['WGS84', 'GCJ02', 'BD09'];

export function CrsSelect({ value, note, testId, disabled, onChange }: { value: Crs; note?: string; testId: string; disabled?: boolean; onChange: (crs: Crs) => void }) {
  const { t } = useT();
  return (
    <label className="import-field">
      <span>{t('import.crs')}</span>
      <select data-testid={testId} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as Crs)}>
        {CRS_CHOICES.map((c) => (
          <option key={c} value={c}>
            {t(`import.crs.${c}`)}
          </option>
        ))}
      </select>
      {note && <span className="muted small">{note}</span>}
    </label>
  );
}
