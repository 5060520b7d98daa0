/**
 * The page's side of the worker protocol: `call` sends a request and resolves with its result,
 * forwards progress, and turns an AbortSignal into a `cancel` request.
 */
import type { IngestProgress } from '../data/ingest.ts';
import type { Request, RequestBody, Response, ResultOf } from './protocol.ts';

export class WorkerClient {
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (p: IngestProgress) => void }>();

  constructor(readonly worker: Worker) {
    worker.onmessage = (ev: MessageEvent<Response>) => {
      const msg = ev.data;
      const p = this.pending.get(msg.id);
      if (!p) return;
      if (msg.type === 'progress') p.onProgress?.(msg.progress);
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
      const e = new Error(`worker failed: ${ev.message}`);
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
  }

  call<K extends RequestBody['type']>(
    body: Extract<RequestBody, { type: K }>,
    opts: { signal?: AbortSignal; onProgress?: (p: IngestProgress) => void } = {},
  ): Promise<ResultOf[K]> {
    const id = this.nextId++;
    return new Promise<ResultOf[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: opts.onProgress });
      opts.signal?.addEventListener('abort', () => this.worker.postMessage({ id: this.nextId++, type: 'cancel', target: id } satisfies Request), { once: true });
      this.worker.postMessage({ ...body, id } as Request);
    });
  }
}
