// The session's state and everything that changes it: the scenarios (examples, files, variants,
// edits), the view, runs and comparison (src/state/runs.ts), the URL (src/state/url-sync.ts),
// downloads, messages, theme and presentation. The shell provides one AppStore to the elements
// below it; each reads what it shows with `connect(this, select)` and calls the actions here.
import type { ReactiveControllerHost } from 'lit';
import type { Document } from 'yaml';
import { ScenarioError, type Scenario } from '../../sim/scenario/scenario';
import { scenarioFileText } from '../../sim/scenario/file-text';
import type { CsvKind, ExportFile } from '../lib/exports';
import { plannedDoc } from '../lib/plan';
import { saveFile } from '../lib/save-file';
import {
  changeDoc,
  createDoc,
  displayName,
  downloadFile,
  duplicateDoc,
  editDoc,
  isModified,
  resetDoc,
  withText,
  type FieldPath,
  type ScenarioDoc,
} from '../lib/scenario-doc';
import { HistoryStore } from './history';
import { INITIAL_STATE, runKey, STACKED_LAYOUT, type AppState, type ComparisonRun, type Notice, type Stored, type Theme, type View } from './app-state';
import { Runs } from './runs';
import { SessionPlans } from './session-plans';
import { provide, Store, StoreController, type Changed } from './store';
import { SHARED_FIELDS, UrlSync } from './url-sync';

export * from './app-state';

type Exports = typeof import('../lib/exports');
const THEME_KEY = 'followsun-theme';
const MAX_FILE_BYTES = 5_000_000;
/** Edits of one scenario that can be undone. */
const MAX_UNDO = 100;
/** The context key the shell provides the store under. */
export const appStoreContext = Symbol.for('followsun.app-store');

/** What is on screen: the active scenario, its last result, and whether that result is older than
 * the text; or, while the text's run goes on, the result of its replications so far (`early`:
 * nothing is stored until every replication is in). */
export interface Shown {
  doc: ScenarioDoc | undefined;
  stored: Stored | undefined;
  result: Stored['result'] | null;
  /** The scenario the result belongs to (or the last valid one while there is no result). */
  scenario: Scenario | null;
  stale: boolean;
  early: boolean;
}

/** The state `Shown` is worked out from. */
type ShownFrom = [AppState['docs'], string, AppState['results'], AppState['early']];

export class AppStore extends Store<AppState> {
  readonly runs = new Runs(this, (key, run, error) => this.compared(key, run, error), () => void this.loadExports().catch(() => undefined));
  readonly url = new UrlSync(this);
  /** Contact records imported, fitted and back-tested (the History view). */
  readonly imports = new HistoryStore(this);
  /** What became of the plans made this session (the Plan panel's memory). */
  readonly plans = new SessionPlans();
  private toastTimer = 0;
  private exportsModule: Promise<Exports> | null = null;
  #shown: Shown | null = null;
  #shownFrom: ShownFrom | null = null;

  constructor() {
    super({ ...INITIAL_STATE, theme: (localStorage.getItem(THEME_KEY) as Theme | null) ?? 'auto', sidebar: !matchMedia(STACKED_LAYOUT).matches });
  }

  connect(): void {
    this.applyTheme();
    this.url.connect();
  }

  disconnect(): void {
    this.url.disconnect();
    this.runs.dispose();
    this.imports.dispose();
  }

  // Runs are scheduled as soon as the state that asks for them is in, before anything renders.
  protected override react(changed: Changed<AppState>): void {
    if (changed.has('theme')) this.applyTheme();
    if (!this.state.restored) return;
    this.runs.schedule(changed.has('activeId') ? 0 : 350);
    if (this.state.view === 'compare') this.runs.scheduleCompare();
    if (SHARED_FIELDS.some((k) => changed.has(k))) this.url.schedule();
  }

  // --- reading ---------------------------------------------------------------------------------

  get active(): ScenarioDoc | undefined {
    return this.state.docs.find((d) => d.id === this.state.activeId);
  }

  /** The active scenario and its last result (the same object while neither changed). */
  get shown(): Shown {
    const { docs, activeId, results, early } = this.state;
    const from: ShownFrom = [docs, activeId, results, early];
    if (this.#shown && this.#shownFrom?.every((x, k) => x === from[k])) return this.#shown;
    const doc = this.active;
    const stored = doc ? results.get(doc.id) : undefined;
    this.#shownFrom = from;
    const stale = !!stored && stored.text !== doc?.text;
    this.#shown =
      doc && early?.docId === doc.id && early.text === doc.text && (!stored || stale)
        ? { doc, stored: undefined, result: early.result, scenario: doc.scenario ?? doc.lastValid, stale: false, early: true }
        : { doc, stored, result: stored?.result ?? null, scenario: stored?.scenario ?? doc?.lastValid ?? null, stale, early: false };
    return this.#shown;
  }

  compareIds(): string[] {
    return this.runs.compareIds();
  }

  compareKey(ids: string[]): string {
    return this.runs.compareKey(ids);
  }

  // --- scenarios -------------------------------------------------------------------------------

  select(id: string): void {
    this.set({ activeId: id });
  }

  setView(view: View): void {
    this.set({ view });
  }

  private replaceDoc(doc: ScenarioDoc, record = true): void {
    const before = this.state.docs.find((d) => d.id === doc.id);
    if (record && before && before.text !== doc.text) {
      // An edit: the text before it can be had back (Undo); what was undone cannot be redone.
      const h = this.state.history.get(doc.id);
      this.setHistory(doc.id, { past: [...(h?.past ?? []), before.text].slice(-MAX_UNDO), future: [] });
    }
    this.set({ docs: this.state.docs.map((d) => (d.id === doc.id ? doc : d)) });
  }

  private setHistory(id: string, entry: { past: string[]; future: string[] }): void {
    const history = new Map(this.state.history);
    history.set(id, entry);
    this.set({ history });
  }

  /** How many edits of the scenario on screen can be undone and redone. */
  undoable(): { undo: number; redo: number } {
    const h = this.state.history.get(this.state.activeId);
    return { undo: h?.past.length ?? 0, redo: h?.future.length ?? 0 };
  }

  /** The scenario on screen as it was before its last edit (or, redoing, after the last undone one). */
  undo(redo = false): void {
    const doc = this.active;
    const h = doc ? this.state.history.get(doc.id) : undefined;
    const from = redo ? h?.future : h?.past;
    if (!doc || !h || !from?.length) return;
    const text = from[from.length - 1];
    const rest = from.slice(0, -1);
    this.setHistory(doc.id, redo ? { past: [...h.past, doc.text], future: rest } : { past: rest, future: [...h.future, doc.text] });
    this.replaceDoc(withText({ ...doc, format: /^\s*[{[]/.test(text) ? 'json' : 'yaml' }, text), false);
  }

  /** Sets one field of the active scenario (comments and layout of its file kept). */
  editField(path: FieldPath, value: unknown): void {
    const doc = this.active;
    if (doc) this.replaceDoc(editDoc(doc, path, value));
  }

  /** Replaces the active scenario's text (validated with the CLI's schema). */
  editText(text: string): void {
    const doc = this.active;
    if (doc && text !== doc.text) this.replaceDoc(withText(doc, text));
  }

  /** Any change of the active scenario made with the `yaml` Document API (the roster editor's):
   * only the changed part of the text is rewritten, and the result is validated like any edit. */
  change(edit: (doc: Document) => void): void {
    const doc = this.active;
    if (doc) this.replaceDoc(changeDoc(doc, edit));
  }

  reset(): void {
    const doc = this.active;
    if (doc) this.replaceDoc(resetDoc(doc));
  }

  /** Inserts `copy` after the active scenario, shows it and chooses the two for Compare. */
  private addVariant(copy: ScenarioDoc, toast: string): void {
    const doc = this.active;
    if (!doc) return;
    const docs = this.state.docs;
    const at = docs.indexOf(doc);
    this.set({ docs: [...docs.slice(0, at + 1), copy, ...docs.slice(at + 1)], compareSelection: [doc.id, copy.id], activeId: copy.id });
    this.showToast(toast);
  }

  duplicate(): void {
    const doc = this.active;
    if (!doc) return;
    const copy = duplicateDoc(doc, this.state.docs);
    this.addVariant(copy, `Created “${displayName(copy)}”. Change a knob, then open Compare.`);
  }

  /** Adds the planned scenario as a variant next to the one planned, and compares the two. */
  usePlan(planned: Scenario): void {
    const doc = this.active;
    if (!doc) return;
    const copy = plannedDoc(doc, planned, this.state.docs);
    this.addVariant(copy, `Added “${displayName(copy)}”: open Compare to set it against the scenario it plans.`);
  }

  remove(id: string): void {
    const { docs, compareSelection, results, activeId } = this.state;
    const doc = docs.find((d) => d.id === id);
    if (!doc || doc.origin === 'example') return;
    const left = docs.filter((d) => d.id !== id);
    const kept = new Map(results);
    kept.delete(id);
    const history = new Map(this.state.history);
    history.delete(id);
    this.set({
      docs: left,
      compareSelection: compareSelection.filter((x) => x !== id),
      results: kept,
      history,
      activeId: activeId === id ? (left.find((d) => d.exampleKey === doc.exampleKey)?.id ?? left[0].id) : activeId,
    });
  }

  async openFiles(files: File[]): Promise<void> {
    // Contact records (CSV, TSV) are imported on the History view; the rest open as scenarios.
    files = await this.imports.pick(files);
    if (!files.length) return;
    const added: ScenarioDoc[] = [];
    const failures: Notice[] = [];
    for (const file of files) {
      const fail = (line: string) => failures.push({ kind: 'error', title: `Could not open ${file.name}`, lines: [line] });
      if (file.size > MAX_FILE_BYTES) {
        fail(`${file.name}: the file is ${(file.size / 1e6).toFixed(1)} MB; a scenario file is a few kB`);
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch (e) {
        fail(`${file.name}: cannot read the file (${(e as Error).message})`);
        continue;
      }
      try {
        // As the CLI reads it: a Latin-1 file is refused at its line, not read with its bytes replaced.
        added.push(createDoc(scenarioFileText(bytes, file.name), file.name, 'file', { strict: true }));
      } catch (e) {
        const lines = e instanceof ScenarioError ? e.problems : [`${file.name}: ${(e as Error).message}`];
        failures.push({ kind: 'error', title: `Could not open ${file.name}`, lines });
      }
    }
    if (added.length) {
      this.set({ docs: [...this.state.docs, ...added], activeId: added[added.length - 1].id });
      if (!failures.length) this.showToast(`Opened ${added.map((d) => d.fileName).join(', ')}`);
    }
    if (failures.length) {
      const current = this.active;
      this.set({
        notice: {
          kind: 'error',
          title: failures.map((f) => f.title).join('; '),
          lines: failures.flatMap((f) => f.lines),
          footer: current ? `Nothing was replaced: still showing “${displayName(current)}”.` : undefined,
        },
      });
    } else this.set({ notice: null });
  }

  // --- downloads and links -----------------------------------------------------------------------

  download(): void {
    const doc = this.active;
    if (!doc) return;
    const { name, text } = downloadFile(doc);
    saveFile(name, text, 'application/yaml');
    this.showToast(`Downloaded ${name}`);
  }

  /** Why the result on screen is not the scenario's as it is now ('' when it is): the one reason
   * every view, the status and the downloads give. A stale result is the last complete run of an
   * older text of the scenario; it is shown dimmed and cannot be downloaded as the current one. */
  staleReason(): string {
    const { stale, stored } = this.shown;
    if (!stale || !stored) return '';
    const { phase, message } = this.state.run;
    const why =
      phase === 'running'
        ? 'the new run is in progress'
        : phase === 'invalid'
          ? 'the scenario has problems to fix before it can run'
          : phase === 'error'
            ? 'its run failed'
            : this.asksAboutActive()
              ? 'its run waits for “Run anyway”'
              : phase === 'idle' && message.startsWith('Run cancelled')
                ? 'its run was cancelled'
                : 'its run starts in a moment';
    return `This is the last result that ran, from before the scenario’s latest change: ${why}.`;
  }

  /** The CSV and report code, loaded on first use (and ahead of it once a result is shown). */
  private loadExports(): Promise<Exports> {
    this.exportsModule ??= import('../lib/exports').catch((e: Error) => {
      this.exportsModule = null;
      throw e;
    });
    return this.exportsModule;
  }

  private async saveExport(make: (m: Exports) => ExportFile): Promise<void> {
    try {
      const file = make(await this.loadExports());
      saveFile(file.name, file.text, file.type);
      this.showToast(`Downloaded ${file.name}`);
    } catch (e) {
      this.set({ notice: { kind: 'error', title: 'The download failed', lines: [(e as Error).message] } });
    }
  }

  /** A table of the result on screen as CSV, named after the scenario: only when the result is the
   * scenario's as it is now, so an older result is never saved under the current scenario's name. */
  downloadCsv(kind: CsvKind): void {
    const { doc, stored, stale } = this.shown;
    if (stale) {
      this.showToast(`Nothing downloaded. ${this.staleReason()}`);
      return;
    }
    if (doc && stored) void this.saveExport((m) => m.csvExport(kind, stored.result, doc.fileName));
  }

  /** The case report of the scenarios chosen in Compare: at once when their comparison is on
   * hand, otherwise once it has run. */
  downloadCaseReport(): void {
    const ids = this.compareIds();
    if (ids.length < 2) {
      this.set({ view: 'compare' });
      this.showToast('Choose two to four scenarios to compare: the case report is about their differences.');
      return;
    }
    const key = this.compareKey(ids);
    const comparison = this.state.comparison;
    if (comparison?.key === key) {
      this.saveCaseReport(comparison);
      return;
    }
    this.set({ reportWanted: key });
    this.runs.compareNow();
    this.showToast('Comparing the scenarios with common random numbers: the case report downloads when that is done.');
  }

  private compared(key: string, run: ComparisonRun | null, error?: string): void {
    if (run) void this.loadExports().catch(() => undefined); // the report button's code, ahead of a click
    if (this.state.reportWanted !== key) return;
    this.set({ reportWanted: null });
    if (run) this.saveCaseReport(run);
    else this.showToast(`No case report: the comparison failed (${error}).`);
  }

  private saveCaseReport(run: ComparisonRun): void {
    const docs = run.ids.map((id) => this.state.docs.find((d) => d.id === id));
    void this.saveExport((m) =>
      m.caseReportExport({
        scenarios: run.scenarios,
        files: docs.map((d) => d?.fileName ?? 'scenario.yaml'),
        edited: docs.map((d) => !!d && d.origin !== 'variant' && isModified(d)),
        comparison: run.comparison,
        generatedAt: new Date().toISOString(),
      }),
    );
  }

  async copyLink(): Promise<void> {
    await this.url.write();
    try {
      await navigator.clipboard.writeText(location.href);
      this.showToast('Link copied: it reproduces this view, scenarios included.');
    } catch {
      this.showToast('The address bar now holds a link to this view.');
    }
  }

  /** Is this the run the large-run question is about (the scenario on screen as it is now)? */
  asksAboutActive(): boolean {
    const doc = this.active;
    return !!doc && this.state.largeRun?.key === runKey(doc);
  }

  // --- theme, presentation, messages ---------------------------------------------------------------

  private applyTheme(): void {
    const root = document.documentElement;
    if (this.state.theme === 'auto') delete root.dataset.theme;
    else root.dataset.theme = this.state.theme;
  }

  cycleTheme(): void {
    const t = this.state.theme;
    const theme: Theme = t === 'auto' ? 'light' : t === 'light' ? 'dark' : 'auto';
    localStorage.setItem(THEME_KEY, theme);
    this.set({ theme });
    this.applyTheme();
  }

  togglePresent(): void {
    const present = !this.state.present;
    if (present) document.documentElement.dataset.present = '';
    else delete document.documentElement.dataset.present;
    this.set({ present, sidebar: !present });
  }

  toggleSidebar(): void {
    this.set({ sidebar: !this.state.sidebar });
  }

  showToast(text: string): void {
    this.set({ toast: text });
    clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => this.set({ toast: '' }), 4000);
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }
}

/** Provides a new store to the elements below `host`. */
export function provideAppStore(host: HTMLElement): AppStore {
  const store = new AppStore();
  provide(host, appStoreContext, store);
  return store;
}

/** What a view of the result on screen reads: the result, its scenario, the display time zone
 * (and the store, for anything else). The host updates when one of them changes. */
export class ViewController {
  private readonly ctl: StoreController<AppState, AppStore>;

  constructor(host: ReactiveControllerHost & HTMLElement, more: (store: AppStore) => unknown[] = () => []) {
    this.ctl = connect(host, (s) => [s.shown.result, s.shown.scenario, s.shown.stale, s.state.timeZone, ...more(s)]);
    // Every view of the result carries the same mark while it is stale (styled `:host([stale])`).
    host.addController({ hostUpdate: () => host.toggleAttribute('stale', this.stale) });
  }

  /** The result on screen is not the scenario's as it is now (AppStore.staleReason says why). */
  get stale(): boolean {
    return this.ctl.store?.shown.stale ?? false;
  }

  get store(): AppStore | null {
    return this.ctl.store;
  }

  get result(): Shown['result'] {
    return this.ctl.store?.shown.result ?? null;
  }

  get scenario(): Shown['scenario'] {
    return this.ctl.store?.shown.scenario ?? null;
  }

  get timeZone(): string {
    return this.ctl.store?.state.timeZone ?? 'UTC';
  }
}

/** Connects an element to the app's store; it updates when a value `select` returns changed. */
export function connect(host: ReactiveControllerHost & HTMLElement, select: (store: AppStore) => unknown[] = () => []): StoreController<AppState, AppStore> {
  return new StoreController<AppState, AppStore>(host, appStoreContext, select);
}
