// Contact records brought into the app: a records file dropped on the page or picked with "Import
// records…" is read, fitted and back-tested in the history worker (src/history/), and the fitted
// scenario can be kept as a scenario of the session. The AppStore holds one HistoryStore
// (`store.imports`); the History view reads it with a HistoryController.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HistoryRunner } from '../history/client';
import { looksLikeRecords } from '../history/load-records';
import type { BacktestSummary, FitReport, HistoryStep, ImportOptions } from '../history/protocol';
import { ContextRequestEvent, Store } from './store';
import type { View } from './app-state';

/** What a file picker for records offers. */
export const RECORDS_ACCEPT = '.csv,.tsv,.tab,.txt,text/csv,text/tab-separated-values';

export type HistoryPhase = 'idle' | 'running' | 'done' | 'error';

export interface HistoryState {
  /** The records file on screen (kept to run again with other options). */
  file: File | null;
  options: ImportOptions;
  phase: HistoryPhase;
  step: HistoryStep | null;
  done: number;
  total: number;
  report: FitReport | null;
  result: BacktestSummary | null;
  /** Why the last import failed: the CLI's lines (file, line, what was expected). */
  problems: string[];
  /** The fitted scenario's YAML last kept (Keep is done once per fit). */
  keptYaml: string | null;
}

const INITIAL: HistoryState = { file: null, options: {}, phase: 'idle', step: null, done: 0, total: 0, report: null, result: null, problems: [], keptYaml: null };

/** What the history store asks of the app: show a view, open a scenario file, say something. */
export interface HistoryHost {
  setView(view: View): void;
  openFiles(files: File[]): Promise<void>;
  showToast(text: string): void;
}

export class HistoryStore extends Store<HistoryState> {
  private readonly runner = new HistoryRunner();

  constructor(private readonly app: HistoryHost) {
    super(INITIAL);
  }

  /** Starts an import of the records among `files` (the last one) and returns the other files. */
  async pick(files: File[]): Promise<File[]> {
    const heads = await Promise.all(files.map((f) => f.slice(0, 4096).text().catch(() => '')));
    const records = files.filter((f, i) => looksLikeRecords(f.name, heads[i]));
    if (records.length) this.open(records[records.length - 1]);
    return files.filter((f) => !records.includes(f));
  }

  /** Reads, fits and back-tests a records file (the options of the last one kept, but the date). */
  open(file: File): void {
    this.app.setView('history');
    this.run(file, { ...this.state.options, trainUntil: undefined });
  }

  /** Asks for a records file (the browser's file picker) and imports it. */
  choose(): void {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = RECORDS_ACCEPT;
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) this.open(file);
    });
    input.click();
  }

  /** The same file again with other options (fit until a date, trend, replications). */
  rerun(options: ImportOptions): void {
    if (this.state.file) this.run(this.state.file, options);
  }

  private run(file: File, options: ImportOptions): void {
    this.set({ file, options, phase: 'running', step: 'reading', done: 0, total: 0, report: null, result: null, problems: [] });
    this.runner.start(file, options, {
      onProgress: (step, done, total) => this.set({ step, done, total }),
      onFitted: (report) => this.set({ report }),
      onBacktested: (result) => this.set({ result, phase: 'done', step: null }),
      onError: (problems) => this.set({ problems, phase: 'error', step: null }),
    });
  }

  cancel(): void {
    if (this.state.phase !== 'running') return;
    this.runner.cancel();
    this.set({ phase: this.state.report ? 'done' : 'idle', step: null, problems: this.state.report ? [] : this.state.problems });
  }

  dispose(): void {
    this.runner.cancel();
  }

  /** Adds the fitted scenario to the session's scenarios, as an opened file would be, and shows it. */
  async keep(): Promise<void> {
    const report = this.state.report;
    if (!report) return;
    const stem = report.fileName.replace(/\.[^.]*$/, '') || 'records';
    const name = `${stem}-fitted${this.state.options.trainUntil ? `-until-${this.state.options.trainUntil}` : ''}.yaml`;
    await this.app.openFiles([new File([report.yaml], name, { type: 'application/yaml' })]);
    this.set({ keptYaml: report.yaml });
    this.app.setView('coverage');
    this.app.showToast(`Kept “${report.name}” as ${name}: run, edit, plan and compare it like any scenario.`);
  }
}

/** Connects an element to the app's history store: the host updates on every change of it. */
export class HistoryController implements ReactiveController {
  store: HistoryStore | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    // The AppStore's context key (app-store.ts's appStoreContext, a registered symbol: no import
    // cycle with the store that holds this one).
    this.host.dispatchEvent(new ContextRequestEvent<{ imports: HistoryStore }>(Symbol.for('followsun.app-store'), (app) => (this.store = app.imports)));
    this.unsubscribe = this.store?.subscribe(() => this.host.requestUpdate()) ?? null;
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  get state(): HistoryState | null {
    return this.store?.state ?? null;
  }
}
