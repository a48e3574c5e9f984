/** The facility preview's reading choices: coordinate system and which column feeds each field. */
import type { Crs } from '../../io/crs.ts';
import type { FacilityField, FacilityPreview } from '../../io/facilities.ts';
import { useT } from '../i18n.ts';
import { CrsSelect } from './CrsSelect.tsx';

/** The same fields as io/facilities.ts FACILITY_FIELDS (kept here so the main bundle does not load the reader). */
const FIELDS: readonly FacilityField[] = ['id', 'name', 'lng', 'lat', 'coords', 'kind', 'status', 'address', 'note', 'capabilities', 'plannedCapabilities', 'ambulances'];

export function FacilityMapping({ preview, disabled, onCrs, onColumn }: { preview: FacilityPreview; disabled: boolean; onCrs: (crs: Crs) => void; onColumn: (field: FacilityField, column: string | null) => void }) {
  const { t } = useT();
  return (
    <div className="import-mapping">
      <CrsSelect testId="facility-crs" value={preview.sourceCrs} note={t(`import.crsFrom.${preview.crsFrom}`)} disabled={disabled} onChange={onCrs} />
      <fieldset className="import-columns">
        <legend>{t('import.columns')}</legend>
        {FIELDS.map((field) => (
          <label key={field} className="import-field">
            <span>{t(`import.field.${field}`)}</span>
            <select data-testid={`facility-column-${field}`} value={preview.columnMapping[field] ?? ''} disabled={disabled} onChange={(e) => onColumn(field, e.target.value === '' ? null : e.target.value)}>
              <option value="">{t('import.column.none')}</option>
              {preview.header.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
