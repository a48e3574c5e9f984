/** Per-township urban/rural choice: default from the NBS codes, or set by the planner. */
import { setAreaOverride } from '../app/actions.ts';
import { useStore } from '../app/store.ts';
import type { AreaType } from '../core/types.ts';
import { useT } from './i18n.ts';

export function AreaTypeOverrides() {
  const zones = useStore((s) => s.dataset?.zones ?? []);
  const overrides = useStore((s) => s.rules.areaTypeOverrides);
  const { t, place } = useT();
  const typeName = (type: AreaType) => t(type === 'urban' ? 'zones.urban' : 'zones.rural');
  return (
    <div className="area-types">
      <h3>{t('rules.areaTypes')}</h3>
      <p className="muted small">{t('rules.areaTypesHint')}</p>
      <ul>
        {zones.map((z) => (
          <li key={z.code}>
            <label>
              <span>{place(z.name)}</span>
              <select
                data-testid={`area-type-${z.code}`}
                value={overrides[z.code] ?? 'default'}
                onChange={(e) => setAreaOverride(z.code, e.target.value === 'default' ? null : (e.target.value as AreaType))}
              >
                <option value="default">{t('rules.default', { type: typeName(z.areaType) })}</option>
                <option value="urban">{typeName('urban')}</option>
                <option value="rural">{typeName('rural')}</option>
              </select>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
