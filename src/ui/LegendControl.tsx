/**
 * The map's legend and layer switches: one row per layer with its checkbox
 * and, while the layer is shown, what its symbols mean. Also the optional
 * online basemap address. Collapsible; lives over the map.
 */
import { useState, type CSSProperties, type ReactNode } from 'react';
import { setBasemapUrl, setHospitalCapability, toggleLayer } from '../app/actions.ts';
import type { Capability } from '../core/ems/settings.ts';
import { capabilitiesOf, capabilityDrawn } from '../map/capabilities-on-map.ts';
import { BACKUP_COLOURS, BACKUP_OPACITY, CALL_COLOURS, CALL_OPACITY, CALL_STEPS, HOSPITAL_COLOURS, HOSPITAL_NONE, hospitalSteps } from '../map/ems-ramps.ts';
import { EquityItems, WorkloadItems } from './ems/EmsLegendItems.tsx';
import { Fill, Item } from './legend-parts.tsx';
import { callsOf as mapInputCalls } from './map-input-of.ts';
import { useStore, type LayerKey } from '../app/store.ts';
import { MAX_DRAWN_CELLS } from '../map/layers.ts';
import { circleFormula } from '../core/rules.ts';
import { STATION_KINDS } from '../core/types.ts';
import { COLOURS, KIND_COLOURS, KIND_RADII, OUTSIDE_CIRCLE_OPACITY, POPULATION_RAMP, STATUS_OPACITY } from '../map/layers.ts';
import { isochroneMinutes } from '../map/isochrone-layer.ts';
import { BEYOND_LAST_STEP, MINUTES_COLOURS, MINUTES_OPACITY, minutesSteps, NO_ROAD_ACCESS, NOT_REACHED } from '../map/minutes-ramp.ts';
import { RESPONSE_HORIZON_MINUTES } from '../core/road-network.ts';
import { isTileTemplate } from '../map/style.ts';
import { useT } from './i18n.ts';

function Line({ colour, style = 'solid', width = 2 }: { colour: string; style?: 'solid' | 'dashed' | 'dotted'; width?: number }) {
  return <span className="ems-legend__line" style={{ borderTop: `${width}px ${style} ${colour}` }} aria-hidden />;
}

function Dot({ style }: { style: CSSProperties }) {
  return (
    <span className="ems-legend__dotbox" aria-hidden>
      <span className="ems-legend__dot" style={style} />
    </span>
  );
}

interface LayerRowProps {
  layer: LayerKey;
  title: string;
  columns?: boolean;
  /** Why the layer cannot be shown now (its switch is then disabled, with this as its tooltip). */
  unavailable?: string | null;
  children?: ReactNode;
}

function LayerRow({ layer, title, columns = false, unavailable = null, children }: LayerRowProps) {
  const on = useStore((s) => s.layers[layer]);
  return (
    <div className={`ems-legend__layer${unavailable ? ' ems-legend__layer--unavailable' : ''}`}>
      <label className="ems-legend__toggle" title={unavailable ?? undefined}>
        <input type="checkbox" checked={on} disabled={unavailable !== null} onChange={() => toggleLayer(layer)} data-testid={`layer-${layer}`} />
        <span>{title}</span>
      </label>
      {on && !unavailable && children && <ul className={`ems-legend__items${columns ? ' ems-legend__items--columns' : ''}`}>{children}</ul>}
    </div>
  );
}

function BasemapField({ failed }: { failed: boolean }) {
  const { t } = useT();
  const stored = useStore((s) => s.basemapUrl);
  const [draft, setDraft] = useState(stored);
  const valid = draft.trim() === '' || isTileTemplate(draft);
  // the address is applied on purpose (Enter or the button), never while typing, so no half-typed host is requested
  const apply = () => {
    if (valid) setBasemapUrl(draft.trim());
  };
  return (
    <li className="ems-legend__basemap">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <input
          type="url"
          value={draft}
          placeholder={t('map.basemap.placeholder')}
          onChange={(e) => setDraft(e.target.value)}
          aria-invalid={!valid}
          aria-label={t('map.layer.basemap')}
          data-testid="basemap-url"
        />
        <button type="submit" disabled={!valid || draft.trim() === stored}>
          {t('map.basemap.apply')}
        </button>
      </form>
      <small className={failed || !valid ? 'ems-legend__warning' : undefined} role={failed ? 'status' : undefined}>
        {!valid ? t('map.basemap.invalid') : failed && stored !== '' ? t('map.basemap.failed') : t('map.basemap.note')}
      </small>
    </li>
  );
}

/** The response-time ramp: a swatch per step (the circle's marked), then not reached and no road access. */
function MinutesItems({ circleMinutes }: { circleMinutes: number }) {
  const { t, n } = useT();
  const steps = minutesSteps(circleMinutes);
  const swatch = (k: number) => <Fill colour={MINUTES_COLOURS[k]} alpha={MINUTES_OPACITY} />;
  return (
    <>
      {steps.map((minutes, k) => (
        <Item key={k} symbol={swatch(k)}>
          {minutes === circleMinutes ? <strong>{t('map.minutes.stepCircle', { minutes: n(minutes) })}</strong> : t('map.minutes.step', { minutes: n(minutes) })}
        </Item>
      ))}
      <Item symbol={swatch(BEYOND_LAST_STEP)}>{t('map.minutes.beyond', { minutes: n(steps[steps.length - 1]), horizon: RESPONSE_HORIZON_MINUTES })}</Item>
      <Item wide symbol={swatch(NOT_REACHED)}>{t('map.minutes.notReached', { horizon: RESPONSE_HORIZON_MINUTES })}</Item>
      <Item wide symbol={swatch(NO_ROAD_ACCESS)}>{t('map.minutes.noRoadAccess')}</Item>
      <li className="ems-legend__note">{t('map.minutes.note')}</li>
    </>
  );
}

/** Backup coverage: cells by the number of stations within their cover limit. */
function BackupItems() {
  const { t } = useT();
  return (
    <>
      {(['none', 'one', 'two'] as const).map((k, i) => (
        <Item key={k} wide={k === 'two'} symbol={<Fill colour={BACKUP_COLOURS[i]} alpha={BACKUP_OPACITY} />}>
          {t(`map.backup.${k}`)}
        </Item>
      ))}
      <li className="ems-legend__note">{t('map.backup.note')}</li>
    </>
  );
}

/** Call density: a swatch per step of calls per cell. */
function CallItems() {
  const { t, n } = useT();
  const bounds = [0, ...CALL_STEPS];
  return (
    <>
      {CALL_COLOURS.slice(1).map((colour, k) => (
        <Item key={k} symbol={<Fill colour={colour} alpha={CALL_OPACITY} />}>
          {k < CALL_STEPS.length ? `${n(bounds[k])}–${n(bounds[k + 1])}` : `> ${n(bounds[k])}`}
        </Item>
      ))}
      <li className="ems-legend__note">{t('map.calls.unit')}</li>
      <li className="ems-legend__note">{t('map.calls.note')}</li>
    </>
  );
}

/** Hospital transport: the capability drawn (a choice when there are several), the ramp around its target. */
function HospitalItems({ capability, available, targetMinutes, onRoads }: { capability: Capability; available: Capability[]; targetMinutes: number; onRoads: boolean }) {
  const { t, n } = useT();
  const steps = hospitalSteps(targetMinutes);
  const swatch = (k: number) => <Fill colour={HOSPITAL_COLOURS[k]} alpha={MINUTES_OPACITY} />;
  const name = (c: Capability) => t(`vocab.capability.${c}`);
  return (
    <>
      <li className="ems-legend__wide">
        <label className="ems-legend__select">
          {t('map.hospital.capability')}{' '}
          <select value={capability} onChange={(e) => setHospitalCapability(e.target.value as Capability)} data-testid="hospital-capability">
            {available.map((c) => (
              <option key={c} value={c}>
                {name(c)}
              </option>
            ))}
          </select>
        </label>
      </li>
      {steps.map((minutes, k) => (
        <Item key={k} symbol={swatch(k)}>
          {minutes === targetMinutes ? <strong>{t('map.hospital.stepTarget', { minutes: n(minutes) })}</strong> : t('map.hospital.step', { minutes: n(minutes) })}
        </Item>
      ))}
      <Item symbol={swatch(BEYOND_LAST_STEP)}>{t('map.hospital.beyond', { minutes: n(steps[steps.length - 1]) })}</Item>
      <Item symbol={swatch(HOSPITAL_NONE)}>{t('map.hospital.none')}</Item>
      <li className="ems-legend__note">{t('map.hospital.note', { capability: name(capability), basis: t(onRoads ? 'ems.basis.roads' : 'ems.basis.circle-formula') })}</li>
    </>
  );
}

export interface LegendControlProps {
  /** The online basemap is on but its tiles do not load. */
  basemapFailed?: boolean;
}

export function LegendControl({ basemapFailed = false }: LegendControlProps) {
  const { t, n } = useT();
  const populationSource = useStore((s) => s.dataSources.population);
  const rules = useStore((s) => s.rules);
  const cellCount = useStore((s) => s.dataset?.population.length ?? 0);
  const stations = useStore((s) => s.stations);
  const hasSuggestion = useStore((s) => (s.suggestion?.picks.length ?? 0) > 0);
  // the reach of the result on screen: the minutes layer and isochrones exist only on roads
  const onRoads = useStore((s) => s.result?.reach.model === 'roads' && s.result.minutes !== null);
  const serviceAlongRoads = useStore((s) => onRoads && s.result?.reach.serviceAlongRoads === true);
  const stationSelected = useStore((s) => s.selectedStationId !== null);
  const calls = useStore((s) => mapInputCalls(s.dataset));
  const hospitalCapability = useStore((s) => capabilityDrawn(s.stations, s.hospitalCapability));
  const capabilities = capabilitiesOf(stations);
  // on a narrow screen the legend starts folded so it does not cover the map
  const [collapsed, setCollapsed] = useState(() => typeof window !== 'undefined' && window.innerWidth < 900);
  const kinds = STATION_KINDS.filter((k) => stations.some((s) => s.kind === k));
  const lenient = rules.ruralReading === 'lenient';
  const ramp = POPULATION_RAMP.map(([, c], i) => `${c} ${(i / (POPULATION_RAMP.length - 1)) * 100}%`).join(', ');
  const stationDot = (colour: string, radius: number): CSSProperties => ({ background: colour, width: radius * 2, height: radius * 2, border: '1.5px solid #fff' });

  return (
    <section className={`ems-legend${collapsed ? ' ems-legend--collapsed' : ''}`} data-testid="legend" aria-label={t('map.legend.title')}>
      <button
        type="button"
        className="ems-legend__header"
        aria-expanded={!collapsed}
        title={collapsed ? t('map.legend.expand') : t('map.legend.collapse')}
        onClick={() => setCollapsed(!collapsed)}
      >
        <span>{t('map.legend.title')}</span>
        <span aria-hidden>{collapsed ? '▸' : '▾'}</span>
      </button>
      {!collapsed && (
        <div className="ems-legend__body">
          <LayerRow layer="stations" title={t('map.layer.stations')} columns>
            {kinds.map((kind) => (
              <Item key={kind} wide={kind === 'health-centre'} symbol={<Dot style={stationDot(KIND_COLOURS[kind], KIND_RADII[kind])} />}>
                {t(`map.kind.${kind}`)}
              </Item>
            ))}
            <Item symbol={<Dot style={stationDot(KIND_COLOURS.station, 6)} />}>{t('map.stationStatus.existing')}</Item>
            <Item symbol={<Dot style={{ width: 12, height: 12, background: '#fff', border: `3px solid ${COLOURS.proposed}` }} />}>{t('map.stationStatus.proposed')}</Item>
            <Item symbol={<Dot style={{ width: 12, height: 12, background: COLOURS.disabled, opacity: 0.55, border: '1.5px solid #757575' }} />}>{t('map.stationStatus.disabled')}</Item>
            <Item wide symbol={<Dot style={{ ...stationDot(KIND_COLOURS['health-centre'], 4.5), boxShadow: `0 0 0 3px rgba(255,255,255,0.6), 0 0 0 4px ${COLOURS.approx}` }} />}>{t('map.stations.approx')}</Item>
            <Item wide symbol={<Dot style={{ width: 16, height: 16, background: 'rgba(255,214,0,0.35)', border: `2px solid ${COLOURS.gapHighlight}` }} />}>{t('map.stations.selected')}</Item>
            {hasSuggestion && (
              <Item wide symbol={<Dot style={{ width: 14, height: 14, background: '#fff', border: `3px solid ${COLOURS.suggested}` }} />}>
                {t('map.stations.suggested')}
              </Item>
            )}
          </LayerRow>

          <LayerRow layer="minutes" title={t('map.layer.minutes')} columns unavailable={onRoads ? null : t('map.minutes.needsRoads')}>
            <MinutesItems circleMinutes={rules.circleMinutes} />
          </LayerRow>

          <LayerRow layer="backup" title={t('map.layer.backup')} columns>
            <BackupItems />
          </LayerRow>

          <LayerRow layer="calls" title={t(calls?.synthetic ? 'map.layer.callsSynthetic' : 'map.layer.calls')} columns unavailable={calls ? null : t('map.calls.needsCalls')}>
            <CallItems />
          </LayerRow>

          <LayerRow layer="workload" title={t('map.layer.workload')} columns>
            <WorkloadItems />
          </LayerRow>

          <LayerRow layer="equity" title={t('map.layer.equity')} columns>
            <EquityItems />
          </LayerRow>

          <LayerRow layer="hospital" title={t('map.layer.hospital')} columns unavailable={hospitalCapability ? null : t('map.hospital.needsHospitals')}>
            {hospitalCapability && <HospitalItems capability={hospitalCapability} available={capabilities} targetMinutes={rules.ems.hospitalTargetMinutes[hospitalCapability]} onRoads={onRoads} />}
          </LayerRow>

          {onRoads ? (
            <LayerRow layer="circles" title={t('map.layer.circlesRoads', { minutes: rules.circleMinutes })}>
              <Item symbol={<Line colour={COLOURS.circle} width={3} />}>{t('map.circles.isochroneCircle', { minutes: rules.circleMinutes })}</Item>
              <Item wide symbol={<Line colour={COLOURS.isochrone} />}>
                {t('map.circles.isochrones', { list: isochroneMinutes(rules.circleMinutes).join(' / ') })}
              </Item>
              {!stationSelected && <li className="ems-legend__note">{t('map.circles.selectHint')}</li>}
              <Item symbol={<Fill colour={COLOURS.outsideCircle} alpha={OUTSIDE_CIRCLE_OPACITY + 0.1} />}>{t('map.circles.outside')}</Item>
            </LayerRow>
          ) : (
            <LayerRow layer="circles" title={t('map.layer.circles', { minutes: rules.circleMinutes })}>
              <Item symbol={<Line colour={COLOURS.circle} style="dotted" />}>{t('map.circles.urban', { formula: circleFormula(rules, 'urban') })}</Item>
              <Item symbol={<Line colour={COLOURS.circle} style="dotted" />}>{t('map.circles.rural', { formula: circleFormula(rules, 'rural') })}</Item>
              <Item symbol={<Fill colour={COLOURS.outsideCircle} alpha={OUTSIDE_CIRCLE_OPACITY + 0.1} />}>{t('map.circles.outside')}</Item>
            </LayerRow>
          )}

          <LayerRow layer="radii" title={t('map.layer.radii')}>
            {serviceAlongRoads ? (
              <li className="ems-legend__note">{t('map.radii.alongRoads')}</li>
            ) : (
              <>
                <Item symbol={<Line colour={COLOURS.urbanRadius} />}>{t('map.radii.urban', { km: n(rules.urbanRadiusKm, 1) })}</Item>
                {!lenient && <Item symbol={<Line colour={COLOURS.ruralRadius} />}>{t('map.radii.ruralStrict', { km: n(rules.ruralStrictRadiusKm, 1) })}</Item>}
                <Item symbol={<Line colour={COLOURS.ruralRadius} style={lenient ? 'solid' : 'dashed'} />}>{t('map.radii.ruralLenient', { km: n(rules.ruralLenientRadiusKm, 1) })}</Item>
                <li className="ems-legend__note">{t('map.radii.note')}</li>
              </>
            )}
          </LayerRow>

          <LayerRow layer="gaps" title={t('map.layer.gaps')}>
            <Item symbol={<Line colour={COLOURS.gapLine} />}>{t('map.gaps.outline')}</Item>
            <Item symbol={<Line colour={COLOURS.gapHighlight} width={3} />}>{t('map.gaps.highlighted')}</Item>
          </LayerRow>

          <LayerRow layer="status" title={t('map.layer.status')}>
            <Item symbol={<Fill colour={COLOURS.covered} alpha={Math.max(STATUS_OPACITY.covered, 0.25)} />}>{t('map.status.covered')}</Item>
            {!lenient && (
              <Item symbol={<Fill colour={COLOURS.marginal} alpha={STATUS_OPACITY.marginal} />}>
                {t('map.status.marginal', { strict: n(rules.ruralStrictRadiusKm, 1), lenient: n(rules.ruralLenientRadiusKm, 1) })}
              </Item>
            )}
            <Item symbol={<Fill colour={COLOURS.gap} alpha={STATUS_OPACITY.gap} />}>{t('map.status.gap')}</Item>
            <li className="ems-legend__note" data-testid="legend-parents-note">
              {cellCount > MAX_DRAWN_CELLS ? t('map.status.coarseNote', { cells: n(cellCount) }) : t('map.status.parentsNote')}
            </li>
          </LayerRow>

          <LayerRow layer="townships" title={t('map.layer.townships')}>
            <Item symbol={<Line colour={COLOURS.zoneLine} style="dashed" width={1} />}>{t('map.townships.note')}</Item>
          </LayerRow>

          <LayerRow layer="population" title={populationSource.kind === 'imported' ? t('map.layer.populationImported', { file: populationSource.file }) : t('map.layer.population')}>
            <li className="ems-legend__ramp">
              <span className="ems-legend__rampbar" style={{ background: `linear-gradient(to right, ${ramp})` }} aria-hidden />
              <span className="ems-legend__rampticks">
                <span>{n(POPULATION_RAMP[0][0])}</span>
                <span>{n(POPULATION_RAMP[POPULATION_RAMP.length - 1][0])}+</span>
              </span>
              <small>{t('map.population.unit')}</small>
            </li>
            <li className="ems-legend__note">{t(populationSource.kind === 'imported' ? 'map.population.noteImported' : 'map.population.note')}</li>
          </LayerRow>

          <LayerRow layer="basemap" title={t('map.layer.basemap')}>
            <BasemapField failed={basemapFailed} />
          </LayerRow>
        </div>
      )}
    </section>
  );
}
