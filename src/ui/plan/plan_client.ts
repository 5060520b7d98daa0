/**
 * The page's side of the plan worker (src/worker/plan_worker.ts, protocol in plan_protocol.ts):
 * `call` sends a request and resolves with its result, reports the phases, and turns an
 * AbortSignal into a `cancel` message. A cancelled call rejects at once with an AbortError and
 * its late answer, if any, is ignored, so an older plan can never overwrite a newer one.
 */
import type { PlanPhase, PlanRequest, PlanRequestBody, PlanResponse, PlanResultOf } from '../../worker/plan_protocol.ts';

/** Start the plan worker (a module worker bundled by Vite). */
export function createPlanWorker(): Worker {
  return new Worker(new URL('../../worker/plan_worker.ts', import.meta.url), { type: 'module', name: 'sargas-plan' });
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; onPhase?: (p: PlanPhase) => void };

const abortError = (message: string) => {
  const e = new Error(message);
  e.name = 'AbortError';
  return e;
};

export class PlanClient {
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(readonly worker: Worker) {
    worker.onmessage = (ev: MessageEvent<PlanResponse>) => {
      const msg = ev.data;
      const p = this.pending.get(msg.id);
      if (!p) return;
      if (msg.type === 'progress') p.onPhase?.(msg.phase);
      else {
        this.pending.delete(msg.id);
        if (msg.type === 'result') p.resolve(msg.result);
        else {
          const e = new Error(msg.error.message);
          e.name = msg.error.name;
          p.reject(e);
        }
      }
    };
    worker.onerror = (ev) => {
      ev.preventDefault();
      const e = new Error(`plan worker failed: ${ev.message || 'it could not start'}`);
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
  }

  /** Send a request; `transfer` lists buffers to hand over (e.g. the incident columns). */
  call<K extends Exclude<PlanRequestBody['type'], 'cancel'>>(
    body: Extract<PlanRequestBody, { type: K }>,
    opts: { signal?: AbortSignal; onPhase?: (p: PlanPhase) => void; transfer?: Transferable[] } = {},
  ): Promise<PlanResultOf[K]> {
    const id = this.nextId++;
    const { signal } = opts;
    return new Promise<PlanResultOf[K]>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError('cancelled'));
        return;
      }
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onPhase: opts.onPhase });
      signal?.addEventListener('abort', () => {
        if (!this.pending.delete(id)) return;
        this.worker.postMessage({ id: this.nextId++, type: 'cancel', target: id } satisfies PlanRequest);
        reject(abortError('cancelled'));
      }, { once: true });
      this.worker.postMessage({ ...body, id } as PlanRequest, opts.transfer ?? []);
    });
  }

  terminate(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(abortError('the plan worker was stopped'));
    this.pending.clear();
  }
}
