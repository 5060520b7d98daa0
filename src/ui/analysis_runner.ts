/**
 * Runs `analyse` requests so that only the newest one counts: starting a request aborts the one
 * before (the worker drops it at its next checkpoint, or before it starts), and a result that
 * arrives after a newer request was made is thrown away, so an older result can never overwrite
 * a newer one. Changes within `debounceMs` are merged into one request.
 */
import type { IncidentFilter } from '../data/incidents.ts';
import type { AnalysisParams, AnalysisResult } from '../worker/analysis_types.ts';
import type { WorkerClient } from '../worker/client.ts';

export interface RunnerCallbacks {
  onStart: () => void;
  /** Draw a result; the runner waits for it before reporting the total time. */
  onResult: (r: AnalysisResult, startedAt: number) => Promise<void>;
  onError: (e: Error) => void;
}

export class AnalysisRunner {
  private generation = 0;
  private ctrl: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly client: WorkerClient, private readonly cb: RunnerCallbacks, private readonly debounceMs = 120) {}

  /** Ask for an analysis soon (merging quick successive changes). */
  request(input: () => { filter: IncidentFilter; params: AnalysisParams }): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run(input());
    }, this.debounceMs);
  }

  /** Start an analysis now, cancelling any running one. */
  run({ filter, params }: { filter: IncidentFilter; params: AnalysisParams }): void {
    this.ctrl?.abort();
    const ctrl = new AbortController();
    this.ctrl = ctrl;
    const generation = ++this.generation;
    const startedAt = performance.now();
    this.cb.onStart();
    this.client.call({ type: 'analyse', filter, params }, { signal: ctrl.signal }).then(
      async (r) => {
        if (generation !== this.generation) return;
        await this.cb.onResult(r, startedAt);
      },
      (e: Error) => {
        if (generation !== this.generation || e.name === 'AbortError') return;
        this.cb.onError(e);
      },
    );
  }

  /** Is `generation` still the newest request? */
  get current(): number {
    return this.generation;
  }
}
