/**
 * The map: creates one MapLibre map, keeps it in step with the store through
 * the map controller, and turns gestures into actions. Fills its parent.
 */
import { useEffect, useRef, useState } from 'react';
import type maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { addStationAt, moveStation, requireClient, selectStation } from '../app/actions.ts';
import { openPointCard, openStationCard } from '../app/card-actions.ts';
import { getState, useStore } from '../app/store.ts';
import { MapController, type MapStats } from '../map/controller.ts';
import { DATASET_LATEST_MS } from '../map/dataset-hold.ts';
import { attachInteraction } from '../map/interaction.ts';
import { PickedPoint } from '../map/picked-point.ts';
import { cellAtPoint } from '../map/point-pick.ts';
import { highlightedZone, showZoneHighlight } from '../map/zone-highlight.ts';
import { LOCAL_IDEOGRAPH_FONT_FAMILY } from '../map/layers.ts';
import { buildStyle } from '../map/style.ts';
import { mapUiLocale, setMapUiLocale } from '../map/ui-locale.ts';
import { translate, useT } from './i18n.ts';
import { setLiveMap } from './live-map.ts';
import { CardLayer } from './cards/CardLayer.tsx';
import { LegendControl } from './LegendControl.tsx';
import { loadMapLibrary, type MapLibrary } from '../map/library.ts';
import { mapInputSelector } from './map-input-of.ts';
import './map.css';

declare global {
  interface Window {
    /** The live map, a test hook only (end-to-end tests project station coordinates to pixels); the app hands the map on through live-map.ts. */
    __emsMap?: maplibregl.Map;
    /** Costs of the latest map updates, for end-to-end tests and benchmarks. */
    __emsMapStats?: MapStats;
  }
}

/** Quanzhou, before the region's cells are known. */
const INITIAL_VIEW = { center: [118.35, 25.2] as [number, number], zoom: 8.5 };

export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const interactionRef = useRef<ReturnType<typeof attachInteraction> | null>(null);
  const attributionRef = useRef<maplibregl.AttributionControl | null>(null);
  const controlsRef = useRef<maplibregl.IControl[]>([]);
  /** Why there is no map: the library did not load, or WebGL failed. */
  const [failure, setFailure] = useState<{ key: 'map.loadError' | 'map.webglError'; message: string } | null>(null);
  const [basemapFailed, setBasemapFailed] = useState(false);
  const { t, language } = useT();
  const populationSource = useStore((s) => s.dataSources.population);
  const zonesSource = useStore((s) => s.dataSources.zones);
  const addMode = useStore((s) => s.addMode);
  // the map is made once the first figures are on screen (or something went wrong), and at the latest when a
  // held region would be drawn without its figures: its set-up and first frames hold the page for hundreds of
  // milliseconds where WebGL is software, and the figures need not wait for them
  const figuresShown = useStore((s) => s.result !== null || s.phase === 'error' || s.error !== null);
  const [mapWanted, setMapWanted] = useState(false);
  useEffect(() => {
    if (figuresShown) setMapWanted(true);
  }, [figuresShown]);
  useEffect(() => {
    const timer = setTimeout(() => setMapWanted(true), DATASET_LATEST_MS);
    return () => clearTimeout(timer);
  }, []);

  // the library itself is loaded only when the map is wanted (map/library.ts)
  const [lib, setLib] = useState<MapLibrary | null>(null);
  useEffect(() => {
    if (!mapWanted) return;
    let current = true;
    loadMapLibrary().then(
      (loaded) => current && setLib(() => loaded),
      (e: unknown) => current && setFailure({ key: 'map.loadError', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [mapWanted]);

  useEffect(() => {
    if (!lib || !container.current) return;
    const state = getState();
    let map: maplibregl.Map;
    try {
      map = new lib.Map({
        container: container.current,
        style: buildStyle({ highlightedGap: state.highlightedGap }),
        center: INITIAL_VIEW.center,
        zoom: INITIAL_VIEW.zoom,
        localIdeographFontFamily: LOCAL_IDEOGRAPH_FONT_FAMILY,
        locale: mapUiLocale((key) => translate(state.language, key)),
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        maxPitch: 0,
        // no label fade-in: every fade is ~20 extra frames, and a software-rendered frame costs the page tens of milliseconds
        fadeDuration: 0,
        // keeps the canvas readable by snapshot export
        canvasContextAttributes: { preserveDrawingBuffer: true },
      });
    } catch (e) {
      setFailure({ key: 'map.webglError', message: e instanceof Error ? e.message : String(e) });
      return;
    }
    map.touchZoomRotate.disableRotation();
    mapRef.current = map;
    window.__emsMap = map;
    setLiveMap(map);

    const mapContainer = container.current;
    const controller = new MapController(map, {
      translate,
      onBasemapStatus: setBasemapFailed,
      isochrones: (stationId, minutesList) => requireClient().isochrones(stationId, minutesList),
      hospitalMinutes: (capability) => requireClient().hospitalMinutes(capability),
      firstDueOutlines: () => requireClient().firstDueOutlines(),
      // keep fitted boxes clear of the legend when it is open
      fitPadding: () => {
        const legend = mapContainer.parentElement?.querySelector('.ems-legend');
        const width = legend ? legend.getBoundingClientRect().width : 0;
        const left = width > 0 && width < mapContainer.clientWidth / 2 ? width + 30 : 40;
        return { top: 40, right: 60, bottom: 40, left };
      },
    });
    window.__emsMapStats = controller.stats;
    const toInput = mapInputSelector();
    controller.update(toInput(getState()));
    const unsubscribe = useStore.subscribe((next) => controller.update(toInput(next)));
    // the township zoomed to keeps its outline drawn (retried until the style has the layer)
    let zoneShown: string | null | undefined;
    const syncZone = () => {
      const code = highlightedZone(getState().focus);
      if (code !== zoneShown && showZoneHighlight(map, code)) zoneShown = code;
    };
    const unsubscribeZone = useStore.subscribe(syncZone);
    const picked = new PickedPoint(map);
    const unsubscribePicked = useStore.subscribe((next, prev) => {
      if (next.card !== prev.card) picked.show(next.card?.kind === 'point' ? [next.card.lng, next.card.lat] : null);
    });
    map.on('styledata', syncZone);


    interactionRef.current = attachInteraction(map, {
      isAddMode: () => getState().addMode,
      select: selectStation,
      move: moveStation,
      add: (lng, lat) => addStationAt(lng, lat, translate(getState().language, 'map.newStation')),
      clickStation: openStationCard,
      clickPoint: (lng, lat) => openPointCard(lng, lat, cellAtPoint(getState().dataset?.h3Halves ?? new Uint32Array(0), lng, lat)),
    });

    return () => {
      unsubscribe();
      unsubscribeZone();
      unsubscribePicked();
      controller.dispose();
      interactionRef.current?.detach();
      interactionRef.current = null;
      map.remove();
      mapRef.current = null;
      attributionRef.current = null;
      controlsRef.current = [];
      if (window.__emsMap === map) delete window.__emsMap;
      setLiveMap(null);
    };
  }, [lib]);

  // MapLibre's own controls speak the UI's language: they read their texts when added, so they are added again
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !lib) return;
    setMapUiLocale(map, mapUiLocale((key) => translate(language, key)));
    for (const control of controlsRef.current) map.removeControl(control);
    controlsRef.current = [new lib.NavigationControl({ showCompass: false }), new lib.ScaleControl({ unit: 'metric', maxWidth: 120 })];
    map.addControl(controlsRef.current[0], 'top-right');
    map.addControl(controlsRef.current[1], 'bottom-right');
  }, [language, lib]);

  // attribution text follows the language (declared after the controls above, so it stays below the scale)
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !lib) return;
    if (attributionRef.current) map.removeControl(attributionRef.current);
    // the region's own boundaries are the user's file: the demo's sources are not named then
    const text =
      zonesSource.kind === 'imported'
        ? translate(language, 'map.attributionOwn', { zones: zonesSource.file, population: populationSource.kind === 'imported' ? populationSource.file : translate(language, 'map.attributionModelled') })
        : populationSource.kind === 'imported'
          ? translate(language, 'map.attributionImported', { file: populationSource.file })
          : translate(language, 'map.attribution');
    attributionRef.current = new lib.AttributionControl({ compact: true, customAttribution: text });
    map.addControl(attributionRef.current, 'bottom-right');
  }, [language, populationSource, zonesSource, lib]);

  useEffect(() => {
    interactionRef.current?.refreshCursor();
  }, [addMode]);

  return (
    <div className="ems-map" data-testid="map" role="region" aria-label={t('map.aria')}>
      <div ref={container} className="ems-map__canvas" />
      {failure && (
        <div className="ems-map__error" role="alert">
          {t(failure.key, { message: failure.message })}
        </div>
      )}
      <LegendControl basemapFailed={basemapFailed} />
      <CardLayer />
    </div>
  );
}
