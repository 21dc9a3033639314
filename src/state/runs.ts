// The simulations of a session: the scenario on screen runs in a worker shortly after each change
// (the newest text wins, an older run is cancelled), a large run waits for "Run anyway", and the
// scenarios chosen in Compare are compared with common random numbers. Results land in the store,
// and while a run goes on, early results of its replications so far.
import { checkRun } from '../lib/run-limits';
import { Cancelled, SimRunner } from '../sim-client';
import type { Store } from './store';
import { runKey, type AppState, type ComparisonRun } from './app-state';

export class Runs {
  private readonly runner = new SimRunner();
  private readonly compareRunner = new SimRunner();
  private runningKey: string | null = null;
  private failedKey: string | null = null;
  private allowedKey: string | null = null;
  private runTimer = 0;
  /** The run key a pending timer will start (progress updates must not push it back). */
  private pendingKey: string | null = null;
  private compareRunningKey: string | null = null;
  private compareFailedKey: string | null = null;
  private compareTimer = 0;
  private pendingCompareKey: string | null = null;

  constructor(
    private readonly store: Store<AppState>,
    /** Told when a comparison is done (the case report may be waiting for it) or failed. */
    private readonly onCompared: (key: string, run: ComparisonRun | null, error?: string) => void,
    private readonly onFirstResult: () => void,
  ) {
    this.runner.warm();
  }

  private get s(): Readonly<AppState> {
    return this.store.state;
  }

  private get active() {
    return this.s.docs.find((d) => d.id === this.s.activeId);
  }

  dispose(): void {
    this.runner.dispose();
    this.compareRunner.dispose();
  }

  /** Starts (after `delay` ms; 0: at once) a run of the scenario on screen unless its result is on hand. */
  schedule(delay: number): void {
    const doc = this.active;
    if (!doc) return;
    if (!doc.scenario) {
      // An invalid edit: stop a run of older text, say why nothing runs.
      if (this.runningKey?.startsWith(`${doc.id}\u0000`)) this.stopRun();
      if (this.s.run.phase !== 'invalid' || this.s.run.docId !== doc.id) {
        this.store.set({ run: { phase: 'invalid', docId: doc.id, done: 0, total: 0, message: 'Fix the problems in the scenario to run it (see the editor).' } });
      }
      return;
    }
    const key = runKey(doc);
    if (key === this.runningKey || key === this.failedKey) return;
    const stored = this.s.results.get(doc.id);
    if (stored?.text === doc.text) {
      if (this.runningKey) this.stopRun();
      if (this.s.run.phase !== 'done' || this.s.run.docId !== doc.id) {
        this.store.set({ run: { phase: 'done', docId: doc.id, done: stored.result.replications, total: stored.result.replications, message: '' } });
      }
      return;
    }
    if (this.pendingKey === key && delay > 0) return;
    clearTimeout(this.runTimer);
    if (delay === 0) {
      // Now, not after the page's next render: at the start, the first render took 0.1-0.2 s
      // that the worker, already started, spent waiting for the scenario.
      this.pendingKey = null;
      this.start(doc.id);
      return;
    }
    this.pendingKey = key;
    this.runTimer = window.setTimeout(() => {
      this.pendingKey = null;
      this.start(doc.id);
    }, delay);
  }

  private start(docId: string): void {
    const doc = this.s.docs.find((d) => d.id === docId);
    if (!doc?.scenario || doc.id !== this.s.activeId) return;
    const key = runKey(doc);
    if (key === this.runningKey) return;
    const { text, scenario } = doc;
    if (key !== this.allowedKey) {
      const check = checkRun(scenario, doc.fileName);
      if (check.kind !== 'ok') {
        // Not started by itself: a refused run fails, a large one waits for "Run anyway".
        this.failedKey = key;
        const ask = check.kind === 'ask';
        this.store.set({
          largeRun: ask ? { key, text: check.text } : null,
          run: { phase: ask ? 'idle' : 'error', docId: doc.id, done: 0, total: 0, message: ask ? 'Waiting: this run is large.' : check.text },
        });
        return;
      }
    }
    this.runningKey = key;
    this.store.set({ largeRun: null, early: null, run: { phase: 'running', docId: doc.id, done: 0, total: scenario.replications, message: '' } });
    this.runner
      .simulate(
        scenario,
        (done, total) => {
          if (this.runningKey === key) this.store.set({ run: { ...this.s.run, done, total } });
        },
        (result) => {
          if (this.runningKey !== key) return;
          this.store.set({ early: { docId: doc.id, text, result } });
          this.noteFirstResult(result.replications, false);
        },
      )
      .then(({ result, warnings, ms }) => {
        if (this.runningKey !== key) return;
        this.runningKey = null;
        const results = new Map(this.s.results);
        results.set(doc.id, { text, scenario, result, warnings, ms });
        this.store.set({ results, early: null, run: { phase: 'done', docId: doc.id, done: result.replications, total: result.replications, message: '' } });
        this.noteFirstResult(result.replications, true);
      })
      .catch((e: Error) => {
        if (e instanceof Cancelled || this.runningKey !== key) return;
        this.runningKey = null;
        this.failedKey = key;
        this.store.set({ early: null, run: { phase: 'error', docId: doc.id, done: 0, total: 0, message: `The simulation failed: ${e.message}` } });
      });
  }

  /** The page's own measure of its start: when the first result, and the first complete one, were
   * on screen — after the frame that draws them (a task after the next animation frame), not when
   * they arrived: drawing the default week's result takes the page 150–400 ms. */
  private noteFirstResult(replications: number, complete: boolean): void {
    requestAnimationFrame(() => setTimeout(() => this.noteShown(replications, complete)));
  }

  private noteShown(replications: number, complete: boolean): void {
    const at = performance.now();
    if (this.s.firstResult === null) {
      this.store.set({ firstResult: { ms: at, replications } });
      console.info(`followsun: first result (${replications} replications) ${at.toFixed(0)} ms after navigation start`);
      this.onFirstResult();
    }
    if (complete && this.s.firstCompleteMs === null) this.store.set({ firstCompleteMs: at });
  }

  /** Stops the run in progress and takes its early result off the screen. */
  private stopRun(): void {
    this.runner.cancel();
    this.runningKey = null;
    this.store.set({ early: null });
  }

  cancel(): void {
    if (this.runningKey) this.failedKey = this.runningKey; // don't restart it by itself
    this.stopRun();
    this.store.set({ run: { phase: 'idle', docId: this.active?.id ?? '', done: 0, total: 0, message: 'Run cancelled. Change something or press Run to simulate again.' } });
  }

  runAnyway(): void {
    const large = this.s.largeRun;
    if (!large) return;
    this.allowedKey = large.key;
    this.failedKey = null;
    this.store.set({ largeRun: null });
    if (this.active) this.start(this.active.id);
  }

  /** Runs the scenario on screen again (its stored result dropped). */
  again(): void {
    this.failedKey = null;
    const doc = this.active;
    if (doc) {
      const results = new Map(this.s.results);
      results.delete(doc.id);
      this.store.set({ results });
    }
    this.schedule(0);
  }

  /** The chosen scenarios that can run, baseline first. */
  compareIds(): string[] {
    return this.s.compareSelection.filter((id) => this.s.docs.some((d) => d.id === id && d.scenario));
  }

  compareKey(ids: string[]): string {
    return ids.map((id) => runKey(this.s.docs.find((d) => d.id === id)!)).join('\u0001');
  }

  scheduleCompare(): void {
    const ids = this.compareIds();
    if (ids.length < 2) {
      if (this.compareRunningKey) {
        this.compareRunner.cancel();
        this.compareRunningKey = null;
        this.store.set({ compareRun: { running: false, done: 0, total: 0, error: '' } });
      }
      return;
    }
    const key = this.compareKey(ids);
    if (this.s.comparison?.key === key || this.compareRunningKey === key || this.compareFailedKey === key) return;
    if (this.pendingCompareKey === key) return;
    clearTimeout(this.compareTimer);
    this.pendingCompareKey = key;
    this.compareTimer = window.setTimeout(() => {
      this.pendingCompareKey = null;
      this.startCompare();
    }, 300);
  }

  /** Compares the chosen scenarios now (unless that comparison is already running). */
  compareNow(): void {
    clearTimeout(this.compareTimer);
    this.pendingCompareKey = null;
    this.compareFailedKey = null;
    this.startCompare();
  }

  private startCompare(): void {
    const ids = this.compareIds();
    if (ids.length < 2) return;
    const key = this.compareKey(ids);
    if (this.compareRunningKey === key) return;
    const scenarios = ids.map((id) => this.s.docs.find((d) => d.id === id)!.scenario!);
    this.compareRunningKey = key;
    this.store.set({ compareRun: { running: true, done: 0, total: scenarios[0].replications * scenarios.length, error: '' } });
    this.compareRunner
      .compare(scenarios, (done, total) => {
        if (this.compareRunningKey === key) this.store.set({ compareRun: { running: true, done, total, error: '' } });
      })
      .then(({ comparison }) => {
        if (this.compareRunningKey !== key) return;
        this.compareRunningKey = null;
        const run = { key, ids, scenarios, comparison };
        this.store.set({ comparison: run, compareRun: { running: false, done: 0, total: 0, error: '' } });
        this.onCompared(key, run);
      })
      .catch((e: Error) => {
        if (e instanceof Cancelled || this.compareRunningKey !== key) return;
        this.compareRunningKey = null;
        this.compareFailedKey = key;
        this.store.set({ compareRun: { running: false, done: 0, total: 0, error: `The comparison failed: ${e.message}` } });
        this.onCompared(key, null, e.message);
      });
  }
}
