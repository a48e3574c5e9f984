/** Where the autosave lives in IndexedDB: read by the entry (autosave-early.ts) and by the autosave storage. */
export const AUTOSAVE_DB = 'ems-coverage-planner';
export const AUTOSAVE_STORE = 'autosave';

/** The key of a region's latest scenario. */
export const autosaveKey = (region: string) => `scenario:${region}`;
/** The key of the undo history that led to it. */
export const historyKey = (region: string) => `history:${region}`;
