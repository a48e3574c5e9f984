/**
 * A new region's drawing waits for its first figures. When a region opens,
 * the page's thread would otherwise build and hand over its zones, outlines,
 * labels and parent cells (hundreds of ms on a slow machine, and a software
 * frame after it) while the worker computes, and the worker's answer then
 * queues behind that work: the figures came ~0.5 s late. So the old region
 * is cleared at once, the new one is drawn in the task after the frame that
 * shows its complete figures (one map frame for outlines, cells and colours;
 * a headline-first answer comes before them and is shown in the panels
 * only), or after DATASET_LATEST_MS if no result comes.
 */

/** Drawn without a result after this long (a failed or very slow evaluation). */
export const DATASET_LATEST_MS = 3000;

export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** The next animation frame (the figures' DOM change is painted in it). */
  nextFrame(callback: () => void): void;
}

const browserScheduler: Scheduler = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  nextFrame: (callback) => requestAnimationFrame(() => callback()),
};

export class DatasetHold {
  /** The dataset generation held back, or null. */
  private held: number | null = null;
  private due = false;
  private timer: unknown = null;
  private releasing = false;

  /** @param release called when the held dataset may be drawn; the caller then calls `take()` */
  constructor(
    private readonly release: () => void,
    private readonly scheduler: Scheduler = browserScheduler,
  ) {}

  /** Whether a dataset is held (not yet due). */
  get holding(): boolean {
    return this.held !== null && !this.due;
  }

  /** Holds dataset `generation` until its first result is shown, or DATASET_LATEST_MS. */
  hold(generation: number): void {
    this.cancel();
    this.held = generation;
    this.timer = this.scheduler.setTimeout(() => this.fire(generation), DATASET_LATEST_MS);
  }

  /** A result of dataset `generation` is being shown: the held dataset is due in the task after its frame. */
  resultShown(generation: number): void {
    if (this.held !== generation || this.due || this.releasing) return;
    this.releasing = true;
    this.scheduler.nextFrame(() => this.scheduler.setTimeout(() => this.fire(generation), 0));
  }

  /** True once: the held dataset is due now (it is then no longer held). */
  take(): boolean {
    if (!this.due) return false;
    this.cancel();
    return true;
  }

  /** Forgets the held dataset (a newer one, or the map removed). */
  cancel(): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    this.held = null;
    this.due = false;
    this.releasing = false;
  }

  private fire(generation: number): void {
    if (this.held !== generation || this.due) return;
    this.due = true;
    this.release();
  }
}
