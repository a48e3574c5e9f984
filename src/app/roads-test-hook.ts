/**
 * window.__emsImportRoads(bytes, name): imports a road file into the open
 * region as the import dialog's road tab does (the dataset swapped, a new
 * generation evaluated), for end-to-end tests of the map on roads on a
 * branch without that tab. Resolves with the number of ways kept.
 */
import { requireClient } from './actions.ts';
import { roadsSummaryOf, setState } from './store.ts';

declare global {
  interface Window {
    __emsImportRoads?: (bytes: Uint8Array, name: string) => Promise<number>;
  }
}

export function installRoadsTestHook(): void {
  window.__emsImportRoads = async (bytes, name) => {
    const file = new File([bytes as BlobPart], name);
    const answer = await requireClient().importRoads('test-roads', file, () => {});
    setState({ dataset: answer.dataset, roads: roadsSummaryOf(answer.dataset), result: null, highlightedGap: null });
    return answer.roads.counts.waysKept;
  };
}
