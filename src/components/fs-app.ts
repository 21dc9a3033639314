// The application shell: scenarios (examples, files, variants), the editor, the simulation runs
// (in a worker, newest run wins), the views, the URL that reproduces the view, theme and
// presentation mode, file opening (picker and drag-and-drop), downloads (the scenario as YAML, the
// result tables as CSV, the case report as HTML).
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Comparison } from '../../sim/compare';
import type { ScenarioResult } from '../../sim/stats/metrics';
import { ScenarioError, type Scenario } from '../../sim/scenario/scenario';
import { channelsIn } from '../lib/coverage';
import { DEFAULT_EXAMPLE, EXAMPLES, exampleByKey } from '../lib/examples';
import { openShiftCount, plannedDoc } from '../lib/plan';
import {
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
import type { CsvKind, ExportFile } from '../lib/exports';
import { saveFile } from '../lib/save-file';
import { zoneOptions } from '../lib/time';
import { checkState, decodeRaw, encodeState, hasState, LinkError, type SharedDoc, type SharedState } from '../lib/url-state';
import { checkRun } from '../lib/run-limits';
import { Cancelled, SimRunner } from '../sim-client';
import type { CompareCandidate } from './fs-compare-view';
import { baseStyles } from './shared-styles';
import './fs-compare-view';
import './fs-cost-view';
import './fs-header';
import './fs-headline';
import './fs-large-run';
import './fs-heatmap';
import './fs-plan-panel';
import './fs-run-status';
import './fs-scenario-editor';
import './fs-scenario-list';
import './fs-staffing-view';
import './fs-waits-view';
import type { HeaderAction, Theme } from './fs-header';
import type { RunPhase } from './fs-run-status';

type View = 'coverage' | 'waits' | 'staffing' | 'cost' | 'compare';
const VIEWS: { id: View; label: string }[] = [
  { id: 'coverage', label: 'Coverage' },
  { id: 'waits', label: 'Waits' },
  { id: 'staffing', label: 'Staffing' },
  { id: 'cost', label: 'Cost' },
  { id: 'compare', label: 'Compare' },
];
type Exports = typeof import('../lib/exports');
interface ComparisonRun {
  key: string;
  ids: string[];
  scenarios: Scenario[];
  comparison: Comparison;
}
const CSV_BUTTONS: { kind: CsvKind; label: string; title: string }[] = [
  { kind: 'summary', label: 'Summary CSV', title: 'Download the summary figures as CSV: one row per figure (overall, per pool, language and channel), mean and 95% CI' },
  { kind: 'intervals', label: 'Intervals CSV', title: 'Download the interval table as CSV: one row per reporting interval, each figure with its 95% CI' },
  { kind: 'coverage', label: 'Coverage CSV', title: "Download the coverage cells as CSV: one row per interval × language × channel (the heatmap's data)" },
  { kind: 'gap-hours', label: 'Gap hours CSV', title: 'Download the gap flags as CSV: one row per hour × language × channel with demand (uncovered, below target): every gap figure adds up from them' },
];
const THEME_KEY = 'followsun-theme';
const MAX_FILE_BYTES = 5_000_000;

interface Stored {
  text: string;
  scenario: Scenario;
  result: ScenarioResult;
  warnings: string[];
  ms: number;
}

interface RunState {
  phase: RunPhase;
  docId: string;
  done: number;
  total: number;
  message: string;
}

interface Notice {
  kind: 'error' | 'info';
  title: string;
  lines: string[];
  footer?: string;
}

@customElement('fs-app')
export class FsApp extends LitElement {
  @state() private docs: ScenarioDoc[] = [];
  @state() private activeId = '';
  @state() private view: View = 'coverage';
  @state() private timeZone = 'UTC';
  @state() private channel = 'all';
  @state() private results = new Map<string, Stored>();
  @state() private run: RunState = { phase: 'idle', docId: '', done: 0, total: 0, message: 'Loading…' };
  @state() private compareSelection: string[] = [];
  @state() private comparison: ComparisonRun | null = null;
  /** The comparison key a case report download waits for (started from the results toolbar). */
  @state() private reportWanted: string | null = null;
  @state() private compareRun = { running: false, done: 0, total: 0, error: '' };
  @state() private notice: Notice | null = null;
  @state() private toast = '';
  @state() private dragging = false;
  @state() private theme: Theme = 'auto';
  @state() private present = false;
  @state() private sidebar = true;

  private readonly runner = new SimRunner();
  private readonly compareRunner = new SimRunner();
  private runningKey: string | null = null;
  private failedKey: string | null = null;
  /** A run above the work limit waiting for "Run anyway" (its key), and the one the user allowed. */
  @state() private largeRun: { key: string; text: string } | null = null;
  private allowedKey: string | null = null;
  private compareRunningKey: string | null = null;
  private compareFailedKey: string | null = null;
  private runTimer = 0;
  /** The run key a pending timer will start (progress updates must not push it back). */
  private pendingKey: string | null = null;
  private compareTimer = 0;
  private pendingCompareKey: string | null = null;
  private hashTimer = 0;
  private toastTimer = 0;
  private lastHash = '';
  private restored = false;
  private firstResultMs: number | null = null;
  private dragDepth = 0;
  private exportsModule: Promise<Exports> | null = null;

  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto 1fr;
        height: 100vh;
        background: var(--bg);
      }
      .body {
        display: grid;
        grid-template-columns: 23rem minmax(0, 1fr);
        min-height: 0;
      }
      .body.no-sidebar {
        grid-template-columns: minmax(0, 1fr);
      }
      aside {
        overflow: auto;
        background: var(--surface);
        border-right: 1px solid var(--border);
        padding: 0.8rem 0.9rem 2rem;
      }
      aside h2 {
        font-size: 0.78rem;
        text-transform: uppercase;
        letter-spacing: 0.06em;
        color: var(--text-muted);
        margin: 0.3rem 0 0.5rem;
        display: flex;
        justify-content: space-between;
        align-items: center;
      }
      aside section + section {
        margin-top: 1.1rem;
      }
      main {
        overflow: auto;
        padding: 0.9rem 1.25rem 2.5rem;
        display: flex;
        flex-direction: column;
        gap: 0.85rem;
        min-width: 0;
      }
      .tabs-row {
        display: flex;
        align-items: flex-end;
        justify-content: space-between;
        gap: 1rem;
        border-bottom: 1px solid var(--border);
        flex-wrap: wrap;
      }
      [role='tablist'] {
        display: flex;
        gap: 0.2rem;
      }
      [role='tab'] {
        border: 0;
        border-bottom: 2px solid transparent;
        border-radius: 0;
        background: transparent;
        padding: 0.55rem 0.9rem;
        font-weight: 500;
        color: var(--text-muted);
      }
      [role='tab']:hover:not(:disabled) {
        background: transparent;
        color: var(--text);
      }
      [role='tab'][aria-selected='true'] {
        color: var(--text);
        border-bottom-color: var(--accent);
        font-weight: 600;
      }
      .view-controls {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding-bottom: 0.4rem;
        flex-wrap: wrap;
        font-size: 0.9rem;
      }
      .view-controls label {
        color: var(--text-muted);
      }
      .view-controls select {
        max-width: 20rem;
      }
      .panel {
        padding: 1rem 1.1rem;
      }
      .results-bar {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.4rem 1rem;
        flex-wrap: wrap;
      }
      .results-bar fs-run-status {
        flex: 1 1 24rem;
        min-width: 0;
      }
      .exports {
        display: flex;
        align-items: center;
        gap: 0.35rem;
        flex-wrap: wrap;
        font-size: 0.85rem;
      }
      .exports .label {
        color: var(--text-muted);
        margin-right: 0.1rem;
      }
      .exports button {
        padding: 0.2rem 0.6rem;
      }
      .notice {
        border: 1px solid var(--bad);
        background: var(--bad-soft);
        color: var(--text);
        border-radius: var(--radius);
        padding: 0.7rem 0.9rem;
        display: grid;
        gap: 0.3rem;
      }
      .notice.info {
        border-color: var(--accent);
        background: var(--accent-soft);
      }
      .notice header {
        all: unset;
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 1rem;
        font-weight: 600;
      }
      .notice ul {
        margin: 0;
        padding-left: 1.2rem;
        font-family: var(--mono);
        font-size: 0.84rem;
        color: var(--bad);
      }
      .notice p {
        margin: 0;
        font-size: 0.9rem;
      }
      .stale-note {
        font-size: 0.85rem;
        color: var(--warn);
      }
      .drop {
        position: fixed;
        inset: 0;
        z-index: 50;
        background: color-mix(in srgb, var(--accent) 18%, transparent);
        border: 3px dashed var(--accent);
        display: grid;
        place-items: center;
        font-size: 1.4rem;
        font-weight: 600;
        color: var(--text);
        pointer-events: none;
      }
      .drop span {
        background: var(--surface);
        padding: 1rem 1.5rem;
        border-radius: var(--radius);
        box-shadow: var(--shadow);
      }
      .toast {
        position: fixed;
        bottom: 1.2rem;
        left: 50%;
        transform: translateX(-50%);
        background: var(--text);
        color: var(--bg);
        padding: 0.55rem 1rem;
        border-radius: 6px;
        font-size: 0.9rem;
        z-index: 60;
        box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25);
      }
      .empty {
        padding: 2rem;
        text-align: center;
        color: var(--text-muted);
      }
      .skip {
        position: absolute;
        left: -999px;
        top: 0;
      }
      .skip:focus {
        left: 0.5rem;
        top: 0.5rem;
        z-index: 100;
        background: var(--surface);
        padding: 0.4rem 0.8rem;
      }
      .editor-head {
        display: flex;
        gap: 0.4rem;
        align-items: center;
      }
      @media (max-width: 960px) {
        .body {
          grid-template-columns: minmax(0, 1fr);
          grid-template-rows: auto 1fr;
        }
        aside {
          max-height: 40vh;
          border-right: 0;
          border-bottom: 1px solid var(--border);
        }
      }
    `,
  ];

  // --- lifecycle -------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.theme = (localStorage.getItem(THEME_KEY) as Theme | null) ?? 'auto';
    this.applyTheme();
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('dragenter', this.onDragEnter);
    window.addEventListener('dragover', this.onDragOver);
    window.addEventListener('dragleave', this.onDragLeave);
    window.addEventListener('drop', this.onDrop);
    void this.restore(location.hash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('dragenter', this.onDragEnter);
    window.removeEventListener('dragover', this.onDragOver);
    window.removeEventListener('dragleave', this.onDragLeave);
    window.removeEventListener('drop', this.onDrop);
    this.runner.cancel();
    this.compareRunner.cancel();
  }

  // Runs are scheduled before rendering, so state they set lands in the same update.
  protected override willUpdate(changed: PropertyValues): void {
    if (!this.restored) return;
    this.scheduleRun(changed.has('activeId') ? 0 : 350);
    if (this.view === 'compare') this.scheduleCompare();
    const shared = ['docs', 'activeId', 'view', 'timeZone', 'channel', 'compareSelection'] as const;
    if (shared.some((k) => changed.has(k))) this.scheduleHash();
  }

  private get active(): ScenarioDoc | undefined {
    return this.docs.find((d) => d.id === this.activeId);
  }

  // --- scenarios -------------------------------------------------------------------------------

  private exampleDoc(key: string): ScenarioDoc | null {
    const ex = exampleByKey(key);
    return ex ? createDoc(ex.text, ex.fileName, 'example', { exampleKey: ex.key }) : null;
  }

  private loadDefaults(): void {
    this.docs = EXAMPLES.map((e) => this.exampleDoc(e.key)!);
    this.activeId = this.docs.find((d) => d.exampleKey === DEFAULT_EXAMPLE)?.id ?? this.docs[0]?.id ?? '';
    this.compareSelection = [];
  }

  private async restore(hash: string): Promise<void> {
    let state: SharedState | null = null;
    let problems: string[] = [];
    if (hasState(hash)) {
      try {
        const raw = await decodeRaw(hash);
        if (raw !== null) ({ state, problems } = checkState(raw, (key) => !!exampleByKey(key)));
      } catch (e) {
        const line = e instanceof LinkError ? e.message : `The link is damaged (${(e as Error).message}).`;
        this.notice = { kind: 'error', title: 'This link could not be read', lines: [line], footer: 'Showing the default scenario instead.' };
      }
    }
    if (state) this.applyShared(state);
    if (state && problems.length) {
      const footer = 'The rest of the link is open; a scenario with problems is in the list to fix, and the default scenario is shown while the one to open has problems.';
      this.notice = { kind: 'error', title: 'Parts of this link could not be used', lines: problems, footer };
    }
    else if (!this.docs.length) this.loadDefaults();
    this.lastHash = hash;
    this.restored = true;
    this.requestUpdate();
  }

  private applyShared(s: SharedState): void {
    const docs: ScenarioDoc[] = [];
    const byIndex: (ScenarioDoc | null)[] = [];
    for (const d of s.docs) {
      let doc: ScenarioDoc | null = null;
      if (d.ex && d.t === undefined) doc = this.exampleDoc(d.ex);
      else if (typeof d.t === 'string') {
        const ex = d.ex ? exampleByKey(d.ex) : undefined;
        const origin = d.o ?? 'link';
        doc = createDoc(d.t, d.f ?? 'shared.yaml', origin, {
          exampleKey: d.ex,
          originalText: origin === 'example' && ex ? ex.text : d.t,
        });
      }
      byIndex.push(doc);
      if (doc) docs.push(doc);
    }
    // The shipped examples are always there.
    for (const ex of EXAMPLES) {
      if (!docs.some((d) => d.origin === 'example' && d.exampleKey === ex.key)) docs.unshift(this.exampleDoc(ex.key)!);
    }
    this.docs = docs;
    this.activeId = (byIndex[s.active]?.scenario ? byIndex[s.active]?.id : undefined) ?? docs.find((d) => d.exampleKey === DEFAULT_EXAMPLE)?.id ?? docs[0].id;
    if (s.view && VIEWS.some((v) => v.id === s.view)) this.view = s.view as View;
    if (s.tz) this.timeZone = s.tz;
    if (s.ch) this.channel = s.ch;
    this.compareSelection = (s.cmp ?? []).map((i) => byIndex[i]?.id).filter((x): x is string => !!x);
  }

  private sharedState(): SharedState {
    const docs: SharedDoc[] = this.docs.map((d) =>
      d.origin === 'example' && !isModified(d) && d.exampleKey ? { ex: d.exampleKey } : { f: d.fileName, t: d.text, o: d.origin, ...(d.exampleKey ? { ex: d.exampleKey } : {}) },
    );
    const index = (id: string) => this.docs.findIndex((d) => d.id === id);
    return {
      v: 1,
      docs,
      active: index(this.activeId),
      view: this.view,
      tz: this.timeZone,
      ch: this.channel,
      cmp: this.compareSelection.map(index).filter((i) => i >= 0),
    };
  }

  private scheduleHash(): void {
    clearTimeout(this.hashTimer);
    this.hashTimer = window.setTimeout(() => void this.writeHash(), 250);
  }

  private async writeHash(): Promise<void> {
    clearTimeout(this.hashTimer);
    const hash = await encodeState(this.sharedState());
    if (hash !== location.hash) {
      this.lastHash = hash;
      history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    }
  }

  private onHashChange = () => {
    if (location.hash === this.lastHash) return;
    this.docs = [];
    this.results = new Map();
    this.comparison = null;
    void this.restore(location.hash);
  };

  private replaceDoc(doc: ScenarioDoc): void {
    this.docs = this.docs.map((d) => (d.id === doc.id ? doc : d));
  }

  private onFieldEdit(e: CustomEvent<{ path: FieldPath; value: unknown }>) {
    const doc = this.active;
    if (!doc) return;
    this.replaceDoc(editDoc(doc, e.detail.path, e.detail.value));
  }

  private onSourceEdit(e: CustomEvent<string>) {
    const doc = this.active;
    if (doc) this.replaceDoc(withText(doc, e.detail));
  }

  private duplicate(): void {
    const doc = this.active;
    if (!doc) return;
    const copy = duplicateDoc(doc, this.docs);
    const at = this.docs.indexOf(doc);
    this.docs = [...this.docs.slice(0, at + 1), copy, ...this.docs.slice(at + 1)];
    this.compareSelection = [doc.id, copy.id];
    this.activeId = copy.id;
    this.showToast(`Created “${displayName(copy)}”. Change a knob, then open Compare.`);
  }

  private reset(): void {
    const doc = this.active;
    if (doc) this.replaceDoc(resetDoc(doc));
  }

  private removeDoc(id: string): void {
    const doc = this.docs.find((d) => d.id === id);
    if (!doc || doc.origin === 'example') return;
    this.docs = this.docs.filter((d) => d.id !== id);
    this.compareSelection = this.compareSelection.filter((x) => x !== id);
    const results = new Map(this.results);
    results.delete(id);
    this.results = results;
    if (this.activeId === id) this.activeId = this.docs.find((d) => d.exampleKey === doc.exampleKey)?.id ?? this.docs[0].id;
  }

  private download(): void {
    const doc = this.active;
    if (!doc) return;
    const { name, text } = downloadFile(doc);
    saveFile(name, text, 'application/yaml');
    this.showToast(`Downloaded ${name}`);
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
      this.notice = { kind: 'error', title: 'The download failed', lines: [(e as Error).message] };
    }
  }

  /** A table of the result on screen (the active scenario's latest run) as CSV. */
  private downloadCsv(kind: CsvKind): void {
    const doc = this.active;
    const stored = doc ? this.results.get(doc.id) : undefined;
    if (!doc || !stored) return;
    void this.saveExport((m) => m.csvExport(kind, stored.result, doc.fileName));
  }

  /** The case report of the scenarios chosen in Compare: at once when their comparison is on
   * hand, otherwise once it has run. */
  private downloadCaseReport(): void {
    const ids = this.compareIds();
    if (ids.length < 2) {
      this.view = 'compare';
      this.showToast('Choose two to four scenarios to compare: the case report is about their differences.');
      return;
    }
    const key = this.compareKey(ids);
    if (this.comparison?.key === key) {
      this.saveCaseReport(this.comparison);
      return;
    }
    this.reportWanted = key;
    clearTimeout(this.compareTimer);
    this.pendingCompareKey = null;
    this.compareFailedKey = null;
    if (this.compareRunningKey !== key) this.startCompare();
    this.showToast('Comparing the scenarios with common random numbers: the case report downloads when that is done.');
  }

  private saveCaseReport(run: ComparisonRun): void {
    const docs = run.ids.map((id) => this.docs.find((d) => d.id === id));
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

  private async copyLink(): Promise<void> {
    await this.writeHash();
    try {
      await navigator.clipboard.writeText(location.href);
      this.showToast('Link copied: it reproduces this view, scenarios included.');
    } catch {
      this.showToast('The address bar now holds a link to this view.');
    }
  }

  private openPicker(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#file')?.click();
  }

  private async openFiles(files: File[]): Promise<void> {
    const added: ScenarioDoc[] = [];
    const failures: Notice[] = [];
    for (const file of files) {
      if (file.size > MAX_FILE_BYTES) {
        failures.push({ kind: 'error', title: `Could not open ${file.name}`, lines: [`${file.name}: the file is ${(file.size / 1e6).toFixed(1)} MB; a scenario file is a few kB`] });
        continue;
      }
      let text: string;
      try {
        text = await file.text();
      } catch (e) {
        failures.push({ kind: 'error', title: `Could not open ${file.name}`, lines: [`${file.name}: cannot read the file (${(e as Error).message})`] });
        continue;
      }
      try {
        added.push(createDoc(text, file.name, 'file', { strict: true }));
      } catch (e) {
        const lines = e instanceof ScenarioError ? e.problems : [`${file.name}: ${(e as Error).message}`];
        failures.push({ kind: 'error', title: `Could not open ${file.name}`, lines });
      }
    }
    if (added.length) {
      this.docs = [...this.docs, ...added];
      this.activeId = added[added.length - 1].id;
      if (!failures.length) this.showToast(`Opened ${added.map((d) => d.fileName).join(', ')}`);
    }
    if (failures.length) {
      const current = this.active;
      this.notice = {
        kind: 'error',
        title: failures.map((f) => f.title).join('; '),
        lines: failures.flatMap((f) => f.lines),
        footer: current ? `Nothing was replaced: still showing “${displayName(current)}”.` : undefined,
      };
    } else this.notice = null;
  }

  // --- simulation ------------------------------------------------------------------------------

  private scheduleRun(delay: number): void {
    const doc = this.active;
    if (!doc) return;
    if (!doc.scenario) {
      // An invalid edit: stop a run of older text, say why nothing runs.
      if (this.runningKey?.startsWith(`${doc.id}\u0000`)) {
        this.runner.cancel();
        this.runningKey = null;
      }
      if (this.run.phase !== 'invalid' || this.run.docId !== doc.id) {
        this.run = { phase: 'invalid', docId: doc.id, done: 0, total: 0, message: 'Fix the problems in the scenario to run it (see the editor).' };
      }
      return;
    }
    const key = `${doc.id}\u0000${doc.text}`;
    if (key === this.runningKey || key === this.failedKey) return;
    const stored = this.results.get(doc.id);
    if (stored?.text === doc.text) {
      if (this.runningKey) {
        this.runner.cancel();
        this.runningKey = null;
      }
      if (this.run.phase !== 'done' || this.run.docId !== doc.id) {
        this.run = { phase: 'done', docId: doc.id, done: stored.result.replications, total: stored.result.replications, message: '' };
      }
      return;
    }
    if (this.pendingKey === key && delay > 0) return;
    clearTimeout(this.runTimer);
    this.pendingKey = key;
    this.runTimer = window.setTimeout(() => {
      this.pendingKey = null;
      this.startRun(doc.id);
    }, delay);
  }

  private startRun(docId: string): void {
    const doc = this.docs.find((d) => d.id === docId);
    if (!doc?.scenario || doc.id !== this.activeId) return;
    const key = `${doc.id}\u0000${doc.text}`;
    if (key === this.runningKey) return;
    const text = doc.text;
    const scenario = doc.scenario;
    if (key !== this.allowedKey) {
      const check = checkRun(scenario, doc.fileName);
      if (check.kind !== 'ok') {
        // Not started by itself: a refused run fails, a large one waits for "Run anyway".
        this.failedKey = key;
        this.largeRun = check.kind === 'ask' ? { key, text: check.text } : null;
        this.run = { phase: check.kind === 'ask' ? 'idle' : 'error', docId: doc.id, done: 0, total: 0, message: check.kind === 'ask' ? 'Waiting: this run is large.' : check.text };
        return;
      }
    }
    this.largeRun = null;
    this.runningKey = key;
    this.run = { phase: 'running', docId: doc.id, done: 0, total: scenario.replications, message: '' };
    this.runner
      .simulate(scenario, (done, total) => {
        if (this.runningKey === key) this.run = { ...this.run, done, total };
      })
      .then(({ result, warnings, ms }) => {
        if (this.runningKey !== key) return;
        this.runningKey = null;
        const results = new Map(this.results);
        results.set(doc.id, { text, scenario, result, warnings, ms });
        this.results = results;
        this.run = { phase: 'done', docId: doc.id, done: result.replications, total: result.replications, message: '' };
        if (this.firstResultMs === null) {
          this.firstResultMs = performance.now();
          this.dataset.firstResultMs = this.firstResultMs.toFixed(0);
          console.info(`followsun: first result ${this.firstResultMs.toFixed(0)} ms after navigation start`);
          void this.loadExports().catch(() => undefined); // the download buttons' code, ahead of a click
        }
      })
      .catch((e: Error) => {
        if (e instanceof Cancelled || this.runningKey !== key) return;
        this.runningKey = null;
        this.failedKey = key;
        this.run = { phase: 'error', docId: doc.id, done: 0, total: 0, message: `The simulation failed: ${e.message}` };
      });
  }

  private cancelRun(): void {
    const doc = this.active;
    this.runner.cancel();
    if (this.runningKey) this.failedKey = this.runningKey; // don't restart it by itself
    this.runningKey = null;
    this.run = { phase: 'idle', docId: doc?.id ?? '', done: 0, total: 0, message: 'Run cancelled. Change something or press Run to simulate again.' };
  }

  private runAnyway = () => {
    if (!this.largeRun) return;
    this.allowedKey = this.largeRun.key;
    this.failedKey = null;
    this.largeRun = null;
    if (this.active) this.startRun(this.active.id);
  };

  private runAgain(): void {
    this.failedKey = null;
    const doc = this.active;
    if (doc) {
      const results = new Map(this.results);
      results.delete(doc.id);
      this.results = results;
    }
    this.scheduleRun(0);
  }

  private compareIds(): string[] {
    return this.compareSelection.filter((id) => this.docs.some((d) => d.id === id && d.scenario));
  }

  private compareKey(ids: string[]): string {
    return ids.map((id) => `${id}\u0000${this.docs.find((d) => d.id === id)!.text}`).join('\u0001');
  }

  private scheduleCompare(): void {
    const ids = this.compareIds();
    if (ids.length < 2) {
      if (this.compareRunningKey) {
        this.compareRunner.cancel();
        this.compareRunningKey = null;
        this.compareRun = { running: false, done: 0, total: 0, error: '' };
      }
      return;
    }
    const key = this.compareKey(ids);
    if (this.comparison?.key === key || this.compareRunningKey === key || this.compareFailedKey === key) return;
    if (this.pendingCompareKey === key) return;
    clearTimeout(this.compareTimer);
    this.pendingCompareKey = key;
    this.compareTimer = window.setTimeout(() => {
      this.pendingCompareKey = null;
      this.startCompare();
    }, 300);
  }

  private startCompare(): void {
    const ids = this.compareIds();
    if (ids.length < 2) return;
    const key = this.compareKey(ids);
    if (this.compareRunningKey === key) return;
    const scenarios = ids.map((id) => this.docs.find((d) => d.id === id)!.scenario!);
    this.compareRunningKey = key;
    this.compareRun = { running: true, done: 0, total: scenarios[0].replications * scenarios.length, error: '' };
    this.compareRunner
      .compare(scenarios, (done, total) => {
        if (this.compareRunningKey === key) this.compareRun = { running: true, done, total, error: '' };
      })
      .then(({ comparison }) => {
        if (this.compareRunningKey !== key) return;
        this.compareRunningKey = null;
        this.comparison = { key, ids, scenarios, comparison };
        this.compareRun = { running: false, done: 0, total: 0, error: '' };
        void this.loadExports().catch(() => undefined); // the report button's code, ahead of a click
        if (this.reportWanted === key) {
          this.reportWanted = null;
          this.saveCaseReport(this.comparison);
        }
      })
      .catch((e: Error) => {
        if (e instanceof Cancelled || this.compareRunningKey !== key) return;
        this.compareRunningKey = null;
        this.compareFailedKey = key;
        if (this.reportWanted === key) {
          this.reportWanted = null;
          this.showToast(`No case report: the comparison failed (${e.message}).`);
        }
        this.compareRun = { running: false, done: 0, total: 0, error: `The comparison failed: ${e.message}` };
      });
  }

  // --- theme, presentation, toast ----------------------------------------------------------------

  private applyTheme(): void {
    const root = document.documentElement;
    if (this.theme === 'auto') delete root.dataset.theme;
    else root.dataset.theme = this.theme;
  }

  private cycleTheme(): void {
    this.theme = this.theme === 'auto' ? 'light' : this.theme === 'light' ? 'dark' : 'auto';
    localStorage.setItem(THEME_KEY, this.theme);
    this.applyTheme();
  }

  private togglePresent(): void {
    this.present = !this.present;
    if (this.present) document.documentElement.dataset.present = '';
    else delete document.documentElement.dataset.present;
    this.sidebar = !this.present;
  }

  private showToast(text: string): void {
    this.toast = text;
    clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => (this.toast = ''), 4000);
  }

  // --- drag and drop ---------------------------------------------------------------------------

  private hasFiles(e: DragEvent): boolean {
    return [...(e.dataTransfer?.types ?? [])].includes('Files');
  }

  private onDragEnter = (e: DragEvent) => {
    if (!this.hasFiles(e)) return;
    this.dragDepth++;
    this.dragging = true;
  };

  private onDragOver = (e: DragEvent) => {
    if (!this.hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };

  private onDragLeave = (e: DragEvent) => {
    if (!this.hasFiles(e)) return;
    this.dragDepth = Math.max(0, this.dragDepth - 1);
    if (this.dragDepth === 0) this.dragging = false;
  };

  private onDrop = (e: DragEvent) => {
    if (!this.hasFiles(e)) return;
    e.preventDefault();
    this.dragDepth = 0;
    this.dragging = false;
    void this.openFiles([...(e.dataTransfer?.files ?? [])]);
  };

  // --- rendering -------------------------------------------------------------------------------

  override render() {
    const doc = this.active;
    const stored = doc ? this.results.get(doc.id) : undefined;
    const result = stored?.result ?? null;
    const stale = !!stored && stored.text !== doc?.text;
    return html`
      <a class="skip" href="#main" @click=${(e: Event) => {
        e.preventDefault();
        this.renderRoot.querySelector<HTMLElement>('main')?.focus();
      }}>Skip to results</a>
      <fs-header .doc=${doc} .theme=${this.theme} ?present=${this.present} ?sidebar=${this.sidebar} @header-action=${this.onHeaderAction}></fs-header>
      <div class="body ${this.sidebar ? '' : 'no-sidebar'}">
        ${this.sidebar ? this.renderSidebar(doc) : nothing}
        <main id="main" tabindex="-1" aria-label="Results">
          ${this.notice ? this.renderNotice(this.notice) : nothing}
          <div class="results-bar">
          <fs-run-status
            .phase=${this.run.phase}
            .done=${this.run.done}
            .total=${this.run.total}
            .ms=${stored?.ms ?? 0}
            .seed=${stored?.result.seed ?? 0}
            .contacts=${stored?.result.summary.contacts.mean ?? 0}
            .message=${this.run.message}
            .warnings=${stale ? [] : (stored?.warnings ?? [])}
            @cancel-run=${this.cancelRun}
          ></fs-run-status>
          ${this.largeRun && doc && this.largeRun.key === `${doc.id}\u0000${doc.text}` ? html`<fs-large-run .text=${this.largeRun.text} @run-anyway=${this.runAnyway}></fs-large-run>` : nothing}
          ${stored ? this.renderExports() : nothing}
          </div>
          ${stale && this.run.phase !== 'running' ? html`<div class="stale-note">Showing the last result that ran; the scenario has changed since.</div>` : nothing}
          ${this.renderPlan(doc, stale ? null : (stored?.result ?? null))}
          ${result && this.view !== 'compare' ? html`<fs-headline .result=${result} ?stale=${stale || this.run.phase === 'running'}></fs-headline>` : nothing}
          ${this.renderTabs(result, stored?.scenario ?? doc?.lastValid ?? null)}
          <div role="tabpanel" id="panel" aria-labelledby=${`tab-${this.view}`}>${this.renderView(result, stored?.scenario ?? doc?.lastValid ?? null)}</div>
        </main>
      </div>
      <input id="file" type="file" accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml" multiple hidden @change=${this.onFileInput} />
      ${this.dragging ? html`<div class="drop" aria-hidden="true"><span>Drop a scenario file (YAML or JSON) to open it</span></div>` : nothing}
      ${this.toast ? html`<div class="toast" role="status">${this.toast}</div>` : nothing}
    `;
  }

  private onFileInput = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.openFiles(files);
  };

  private onHeaderAction = (e: CustomEvent<HeaderAction>) => {
    const act: Record<HeaderAction, () => unknown> = {
      'toggle-sidebar': () => (this.sidebar = !this.sidebar),
      'open-file': () => this.openPicker(),
      duplicate: () => this.duplicate(),
      download: () => this.download(),
      'copy-link': () => this.copyLink(),
      present: () => this.togglePresent(),
      theme: () => this.cycleTheme(),
    };
    act[e.detail]();
  };

  /** Downloads of the result on screen, and the case report once two scenarios are chosen to
   * compare (the Compare view has its own report button). */
  private renderExports() {
    const report = this.view !== 'compare' && this.compareIds().length >= 2;
    const waiting = report && this.reportWanted !== null && this.reportWanted === this.compareKey(this.compareIds());
    return html`<div class="exports" role="group" aria-label="Download the results">
      <span class="label" aria-hidden="true">Download</span>
      ${CSV_BUTTONS.map((b) => html`<button data-export=${b.kind} title=${b.title} @click=${() => this.downloadCsv(b.kind)}>${b.label}</button>`)}
      ${report
        ? html`<button
            data-export="case-report"
            aria-busy=${String(waiting)}
            title="Download the case report (one HTML page, as followsun report writes it) comparing the scenarios chosen in Compare"
            @click=${this.downloadCaseReport}
          >
            ${waiting ? 'Preparing case report…' : 'Case report (HTML)'}
          </button>`
        : nothing}
    </div>`;
  }

  private renderSidebar(doc: ScenarioDoc | undefined) {
    return html`<aside aria-label="Scenarios and settings">
      <section>
        <h2>Scenarios</h2>
        <fs-scenario-list
          .docs=${this.docs}
          .activeId=${this.activeId}
          .running=${this.run.phase === 'running' ? this.run.docId : null}
          @select-doc=${(e: CustomEvent<string>) => (this.activeId = e.detail)}
          @remove-doc=${(e: CustomEvent<string>) => this.removeDoc(e.detail)}
        ></fs-scenario-list>
      </section>
      ${doc
        ? html`<section>
            <h2>
              <span>Edit scenario</span>
              <span class="editor-head">
                ${isModified(doc) && doc.origin !== 'variant' ? html`<button class="quiet" @click=${this.reset} title="Back to the file as loaded">Reset</button>` : nothing}
                <button class="quiet" @click=${this.runAgain} ?disabled=${!doc.scenario} title="Simulate again">Run</button>
              </span>
            </h2>
            <fs-scenario-editor
              .doc=${doc}
              @field-edit=${this.onFieldEdit}
              @source-edit=${this.onSourceEdit}
            ></fs-scenario-editor>
          </section>`
        : nothing}
    </aside>`;
  }

  /** The Plan action, for a scenario that leaves head counts open (sim/plan). */
  private renderPlan(doc: ScenarioDoc | undefined, current: ScenarioResult | null) {
    const open = openShiftCount(doc?.scenario);
    if (!doc?.scenario || open === 0) return nothing;
    return html`<fs-plan-panel .scenario=${doc.scenario} .planKey=${`${doc.id}\u0000${doc.text}`} .current=${current} .openCount=${open} @use-plan=${this.usePlan}></fs-plan-panel>`;
  }

  /** Adds the planned scenario as a variant next to the one planned, and compares the two. */
  private usePlan(e: CustomEvent<Scenario>): void {
    const doc = this.active;
    if (!doc) return;
    const planned = plannedDoc(doc, e.detail, this.docs);
    const at = this.docs.indexOf(doc);
    this.docs = [...this.docs.slice(0, at + 1), planned, ...this.docs.slice(at + 1)];
    this.compareSelection = [doc.id, planned.id];
    this.activeId = planned.id;
    this.showToast(`Added “${displayName(planned)}”: open Compare to set it against the scenario it plans.`);
  }

  private renderNotice(n: Notice) {
    return html`<div class="notice ${n.kind}" role="alert" data-notice=${n.kind}>
      <header>
        <span>${n.title}</span>
        <button class="quiet" @click=${() => (this.notice = null)} aria-label="Dismiss">✕</button>
      </header>
      ${n.lines.length ? html`<ul>${n.lines.map((l) => html`<li>${l}</li>`)}</ul>` : nothing}
      ${n.footer ? html`<p>${n.footer}</p>` : nothing}
    </div>`;
  }

  private renderTabs(result: ScenarioResult | null, scenario: Scenario | null) {
    const channels = result ? channelsIn(result) : [];
    const zones = zoneOptions(scenario, result ? Date.parse(result.start) : Date.now());
    if (!zones.some((z) => z.zone === this.timeZone)) zones.push({ zone: this.timeZone, label: this.timeZone });
    const showChannel = this.view === 'coverage' || this.view === 'compare';
    return html`<div class="tabs-row">
      <div role="tablist" aria-label="Views" @keydown=${this.onTabKey}>
        ${VIEWS.map(
          (v) => html`<button
            role="tab"
            id=${`tab-${v.id}`}
            aria-selected=${String(this.view === v.id)}
            aria-controls="panel"
            tabindex=${this.view === v.id ? 0 : -1}
            @click=${() => (this.view = v.id)}
          >
            ${v.label}
          </button>`,
        )}
      </div>
      <div class="view-controls">
        <label for="tz">Times in</label>
        <select id="tz" @change=${(e: Event) => (this.timeZone = (e.target as HTMLSelectElement).value)}>
          ${zones.map((z) => html`<option value=${z.zone} ?selected=${z.zone === this.timeZone}>${z.label}</option>`)}
        </select>
        ${showChannel
          ? html`<label for="channel">Channel</label>
              <select id="channel" @change=${(e: Event) => (this.channel = (e.target as HTMLSelectElement).value)}>
                <option value="all" ?selected=${this.channel === 'all'}>All channels</option>
                ${channels.map((c) => html`<option value=${c} ?selected=${this.channel === c}>${c}</option>`)}
              </select>`
          : nothing}
      </div>
    </div>`;
  }

  private onTabKey = (e: KeyboardEvent) => {
    const i = VIEWS.findIndex((v) => v.id === this.view);
    const next = e.key === 'ArrowRight' ? (i + 1) % VIEWS.length : e.key === 'ArrowLeft' ? (i - 1 + VIEWS.length) % VIEWS.length : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    this.view = VIEWS[next].id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.view}`)?.focus());
  };

  private renderView(result: ScenarioResult | null, scenario: Scenario | null) {
    if (this.view === 'compare') return this.renderCompare();
    if (!result) return html`<div class="empty card">${this.run.phase === 'running' ? 'Simulating the first result…' : 'No result yet.'}</div>`;
    const channel = channelsIn(result).includes(this.channel) ? this.channel : 'all';
    switch (this.view) {
      case 'coverage':
        return html`<section class="panel card">
          <fs-heatmap .result=${result} .scenario=${scenario} .timeZone=${this.timeZone} .channel=${channel}></fs-heatmap>
        </section>`;
      case 'waits':
        return html`<fs-waits-view .result=${result} .scenario=${scenario} .timeZone=${this.timeZone}></fs-waits-view>`;
      case 'staffing':
        return html`<fs-staffing-view .result=${result} .scenario=${scenario} .timeZone=${this.timeZone}></fs-staffing-view>`;
      case 'cost':
        return html`<fs-cost-view .result=${result} .scenario=${scenario} .timeZone=${this.timeZone}></fs-cost-view>`;
    }
  }

  private renderCompare() {
    const candidates: CompareCandidate[] = this.docs.map((d) => ({
      id: d.id,
      name: `${displayName(d)}${d.origin === 'example' && isModified(d) ? ' (edited)' : ''}`,
      valid: !!d.scenario,
      origin: d.origin,
    }));
    // A comparison is shown while its scenarios are still the ones chosen (or a new one runs).
    const c = this.compareIds().length >= 2 ? this.comparison : null;
    return html`<fs-compare-view
      .candidates=${candidates}
      .selection=${this.compareSelection}
      .comparison=${c?.comparison ?? null}
      .comparedIds=${c?.ids ?? []}
      .scenarios=${c?.scenarios ?? []}
      .running=${this.compareRun.running}
      .reportReady=${!!c && c.key === this.compareKey(this.compareIds())}
      .progress=${this.compareRun.running ? `${this.compareRun.done} of ${this.compareRun.total} replications` : ''}
      .error=${this.compareRun.error}
      .timeZone=${this.timeZone}
      .channel=${this.channel}
      @selection-change=${(e: CustomEvent<string[]>) => (this.compareSelection = e.detail)}
      @download-report=${this.downloadCaseReport}
    ></fs-compare-view>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-app': FsApp;
  }
}
