/** Opening and closing the map's details cards, and placing a station at typed coordinates. */
import { addStationAt, moveStation, selectStation } from './actions.ts';
import { getState, setState } from './store.ts';

export function openStationCard(id: string): void {
  selectStation(id);
  setState({ card: { kind: 'station', id } });
}

/** A click on the map away from any station: `cell` is the grid index there, or null. */
export function openPointCard(lng: number, lat: number, cell: number | null): void {
  setState({ card: { kind: 'point', lng, lat, cell } });
}

export function closeCard(): void {
  if (getState().card) setState({ card: null });
}

/** Moves a station to a WGS84 point exactly as a drop would: one undo step, coverage recomputed. */
export function placeStation(id: string, lng: number, lat: number): void {
  moveStation(id, lng, lat, true);
}

/** Adds a proposed station at a WGS84 point (the keyboard way to add one) and opens its card. */
export function addStationAtPoint(lng: number, lat: number, namePrefix: string): string {
  const id = addStationAt(lng, lat, namePrefix);
  setState({ card: { kind: 'station', id } });
  return id;
}
