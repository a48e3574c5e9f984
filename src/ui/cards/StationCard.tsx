/** A station's details: kind, status, basis (documented, assumed, candidate), source document, position source, note, coordinates, its ambulances and hospital centres (editable), and a field to move it exactly. */
import { useEffect } from 'react';
import { closeCard, placeStation } from '../../app/card-actions.ts';
import { useStore } from '../../app/store.ts';
import { fromWgs84 } from '../../io/crs.ts';
import { useT } from '../i18n.ts';
import { CardShell, Field } from './CardShell.tsx';
import { CoordinateField } from './CoordinateField.tsx';
import { StationHospital } from './StationHospital.tsx';
import { noteText, positionText, sourceText } from './provenance.ts';

const DIGITS = 6;

export function StationCard({ id }: { id: string }) {
  const { t, language } = useT();
  const station = useStore((s) => s.stations.find((x) => x.id === id));
  // provenance comes from the data file (a restored scenario does not carry it)
  const data = useStore((s) => s.dataset?.stations.find((x) => x.id === id));
  useEffect(() => {
    if (!station) closeCard();
  }, [station]);
  if (!station) return null;
  const basis = station.basis ?? data?.basis;
  const [gLng, gLat] = fromWgs84(station.lng, station.lat, 'GCJ02');
  return (
    <CardShell title={station.name} testId="station-card">
      <dl className="ems-card__fields" data-station-id={station.id}>
        <Field label={t('cards.kind')} testId="station-card-kind" value={station.kind}>
          {t(`kind.${station.kind}`)}
        </Field>
        <Field label={t('cards.status')} testId="station-card-status" value={station.status}>
          {t(`status.${station.status}`)}
        </Field>
        {basis && (
          <Field label={t('cards.basis')} testId="station-card-basis" value={basis}>
            {t(`cards.basis.${basis}`)}
          </Field>
        )}
        <Field label={t('cards.source')} testId="station-card-source">
          {sourceText(station.source ?? data?.source, t, language === 'en')}
        </Field>
        {(station.centresSource ?? data?.centresSource) && (
          <Field label={t('cards.centresSource')} testId="station-card-centres-source">
            {sourceText(station.centresSource ?? data?.centresSource, t, language === 'en')}
          </Field>
        )}
        <Field label={t('cards.position')} testId="station-card-position">
          {positionText(station, station.positionSource ?? data?.positionSource, t)}
        </Field>
        <Field label={t('cards.note')} testId="station-card-note">
          {noteText(station.note, t)}
        </Field>
        <Field label={t('cards.coords.wgs84')} testId="station-card-wgs84" value={`${station.lng},${station.lat}`}>
          {t('cards.coords.value', { lng: station.lng.toFixed(DIGITS), lat: station.lat.toFixed(DIGITS) })}
        </Field>
        <Field label={t('cards.coords.gcj02')} testId="station-card-gcj02" value={`${gLng},${gLat}`}>
          {t('cards.coords.value', { lng: gLng.toFixed(DIGITS), lat: gLat.toFixed(DIGITS) })}
        </Field>
      </dl>
      <StationHospital station={station} />
      <CoordinateField key={station.id} label={t('cards.place.title')} submitLabel={t('cards.place.submit')} testId="station-place" onPlace={(lng, lat) => placeStation(station.id, lng, lat)} />
    </CardShell>
  );
}
