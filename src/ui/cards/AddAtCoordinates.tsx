/** Adds a proposed station at typed coordinates: the keyboard way to place one. */
import { addStationAtPoint } from '../../app/card-actions.ts';
import { translate, useT } from '../i18n.ts';
import { CoordinateField } from './CoordinateField.tsx';

export function AddAtCoordinates() {
  const { t, language } = useT();
  return (
    <details className="add-at-coordinates" data-testid="add-at-coordinates">
      <summary>{t('cards.add.title')}</summary>
      <CoordinateField label={t('cards.place.input')} submitLabel={t('cards.add.submit')} testId="station-add" onPlace={(lng, lat) => addStationAtPoint(lng, lat, translate(language, 'map.newStation'))} />
    </details>
  );
}
