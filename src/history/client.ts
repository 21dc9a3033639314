// Runs an import and back-test off the main thread, in src/history.worker.ts. One job at a time:
// starting another (or cancel) terminates the worker, so a long back-test never blocks a new file.
import { notLoaded } from '../lib/load-failure';
import type { BacktestSummary, FitReport, HistoryReply, HistoryRequest, HistoryStep, ImportOptions } from './protocol';

export interface ImportCallbacks {
  onProgress(step: HistoryStep, done: number, total: number): void;
  onFitted(report: FitReport): void;
  onBacktested(result: BacktestSummary, ms: number): void;
  /** Bad records (the CLI's lines), or the worker failed. */
  onError(problems: string[]): void;
}

let nextId = 0;

export class HistoryRunner {
  private worker: Worker | null = null;
  private id = 0;
  private callbacks: ImportCallbacks | null = null;

  get busy(): boolean {
    return this.callbacks !== null;
  }

  start(file: File, options: ImportOptions, callbacks: ImportCallbacks): void {
    this.cancel();
    this.id = ++nextId;
    this.callbacks = callbacks;
    const request: HistoryRequest = { kind: 'import', id: this.id, file, options };
    (this.worker ??= this.spawn()).postMessage(request);
  }

  cancel(): void {
    if (!this.callbacks) return;
    this.worker?.terminate();
    this.worker = null;
    this.callbacks = null;
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('../history.worker.ts', import.meta.url), { type: 'module', name: 'followsun-history' });
    worker.onmessage = (event: MessageEvent<HistoryReply>) => {
      const reply = event.data;
      const c = this.callbacks;
      if (!c || reply.id !== this.id) return;
      if (reply.type === 'progress') c.onProgress(reply.step, reply.done, reply.total);
      else if (reply.type === 'fitted') c.onFitted(reply.report);
      else {
        this.callbacks = null;
        if (reply.type === 'backtested') c.onBacktested(reply.result, reply.ms);
        else c.onError(reply.problems);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const c = this.callbacks;
      this.callbacks = null;
      this.worker?.terminate();
      this.worker = null;
      // No message: its script did not load (offline, or the site changed since the page loaded).
      c?.onError([event.message ? `The import worker failed: ${event.message}` : notLoaded('The import worker')]);
    };
    return worker;
  }
}
