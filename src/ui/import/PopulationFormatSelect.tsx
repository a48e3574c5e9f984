/** Choice of what a population file is (or "detect from the file"), for the import and new-region forms. */
import type { PopulationFormat } from '../../worker/api.ts';
import { useT } from '../i18n.ts';

const FORMATS: readonly PopulationFormat[] = ['auto', 'geotiff', 'h3-table', 'points', 'polygons'];

export function PopulationFormatSelect({ value, testId, disabled, onChange }: { value: PopulationFormat; testId: string; disabled?: boolean; onChange: (format: PopulationFormat) => void }) {
  const { t } = useT();
  return (
    <label className="import-field">
      <span>{t('import.population.format')}</span>
      <select data-testid={testId} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as PopulationFormat)}>
        {FORMATS.map((f) => (
          <option key={f} value={f}>
            {t(`import.format.${f}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
