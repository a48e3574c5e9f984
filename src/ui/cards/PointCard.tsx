/**
 * A clicked point: its township, the cell's and the township's residents,
 * coverage status, circle, nearest station and straight-line distance (from
 * the worker), and the gap area the cell belongs to. The card shows figures
 * only while they belong to the result on screen; otherwise it says it is
 * updating and asks the worker again.
 */
import { useEffect, useState } from 'react';
import { requireClient } from '../../app/actions.ts';
import type { MapCard } from '../../app/store.ts';
import { useStore } from '../../app/store.ts';
import { maxRuleRadiusKm } from '../../core/rules.ts';
import type { CellAnswer } from '../../worker/api.ts';
import { useT } from '../i18n.ts';
import { CardShell, Field } from './CardShell.tsx';
import { GapSection } from './GapSection.tsx';
import { responseText } from './response-text.ts';

export function PointCard({ card }: { card: Extract<MapCard, { kind: 'point' }> }) {
  const { t, n } = useT();
  const seq = useStore((s) => s.result?.seq ?? null);
  const stations = useStore((s) => s.stations);
  const rules = useStore((s) => s.rules);
  // mid-drag results come every frame: the card asks again once the station is dropped
  const dragging = useStore((s) => s.draggingStationId !== null);
  const [answer, setAnswer] = useState<CellAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (card.cell === null || seq === null || dragging) return;
    let live = true;
    requireClient()
      .describeCell(card.cell)
      .then((a) => {
        if (live) setAnswer(a);
      })
      .catch((e: Error) => {
        if (live) setError(e.message);
      });
    return () => {
      live = false;
    };
  }, [card.cell, seq, dragging]);

  if (card.cell === null) {
    return (
      <CardShell title={t('cards.point.title')} testId="point-card">
        <p data-testid="point-card-empty">{t('cards.point.noCell')}</p>
      </CardShell>
    );
  }
  const current = answer !== null && answer.index === card.cell && answer.seq === seq;
  if (!current || !answer) {
    return (
      <CardShell title={t('cards.point.title')} testId="point-card" current={false}>
        <p className="muted" role="status">
          {error ?? t('cards.point.updating')}
        </p>
      </CardShell>
    );
  }
  const { row, zone, gap } = answer;
  const nearest = row.nearestStationId ? stations.find((s) => s.id === row.nearestStationId) : undefined;
  const response = responseText(answer, t, n);
  return (
    <CardShell title={zone ? zone.name : t('cards.point.title')} testId="point-card">
      <dl className="ems-card__fields" data-cell={answer.index} data-h3={row.h3}>
        <Field label={t('cards.point.township')} testId="point-card-township" value={zone?.code}>
          {zone ? t('cards.point.townshipValue', { name: zone.name, county: zone.countyName }) : t('cards.point.noTownship')}
        </Field>
        <Field label={t('cards.point.cellPopulation')} testId="point-card-cell-population" value={row.population}>
          {t('cards.point.people', { population: n(row.population) })}
        </Field>
        {zone && (
          <Field label={t('cards.point.townshipPopulation')} testId="point-card-township-population" value={zone.population}>
            {t('cards.point.people', { population: n(zone.population) })}
          </Field>
        )}
        <Field label={t('cards.point.status')} testId="point-card-status" value={row.status}>
          <span className={`status-chip status-chip--${row.status}`}>{t(`cards.status.${row.status}`)}</span>
        </Field>
        <Field label={t('cards.point.circle', { minutes: rules.circleMinutes })} testId="point-card-circle" value={row.withinCircle ? 1 : 0}>
          {t(row.withinCircle ? 'cards.point.inside' : 'cards.point.outside')}
        </Field>
        <Field label={t('cards.point.nearest')} testId="point-card-nearest" value={row.distanceKm ?? undefined}>
          {row.nearestStationId && row.distanceKm !== null ? (
            <span data-station-id={row.nearestStationId}>{t('cards.point.nearestValue', { name: nearest?.name ?? row.nearestStationId, km: n(row.distanceKm, 2) })}</span>
          ) : row.nearestStationId ? (
            // statuses judged along roads: the nearest station is by minutes, with no straight-line km
            <span data-station-id={row.nearestStationId}>{t('cards.point.nearestNoKm', { name: nearest?.name ?? row.nearestStationId })}</span>
          ) : (
            t('cards.point.noNearest', { km: n(maxRuleRadiusKm(rules)) })
          )}
        </Field>
        {response !== null && (
          <Field label={t('cards.point.response')} testId="point-card-response" value={row.minutes ?? undefined}>
            {response}
          </Field>
        )}
        <Field label={t('cards.point.inRange')} testId="point-card-in-range" value={row.stationsInRange}>
          {n(row.stationsInRange)}
        </Field>
      </dl>
      {gap && <GapSection gap={gap} />}
      <p className="muted small">{t('cards.point.modelled')}</p>
    </CardShell>
  );
}
