// The shape of a session's state: the scenarios (examples, files, variants) and which one is on
// screen, what the views show, the runs and their results, the comparison, messages, theme and
// presentation. Plain data; src/state/app-store.ts holds it and changes it.
import type { Comparison } from '../../sim/compare';
import type { ScenarioResult } from '../../sim/stats/metrics';
import type { Scenario } from '../../sim/scenario/scenario';
import type { ScenarioDoc } from '../lib/scenario-doc';

export type View = 'coverage' | 'waits' | 'staffing' | 'cost' | 'roster' | 'compare' | 'history';
export const VIEWS: { id: View; label: string }[] = [
  { id: 'coverage', label: 'Coverage' },
  { id: 'waits', label: 'Waits' },
  { id: 'staffing', label: 'Staffing' },
  { id: 'cost', label: 'Cost' },
  { id: 'roster', label: 'Roster' },
  { id: 'compare', label: 'Compare' },
  { id: 'history', label: 'History' },
];

export type Theme = 'auto' | 'light' | 'dark';
export type RunPhase = 'idle' | 'running' | 'done' | 'error' | 'invalid';

/** A finished run of a scenario's text. */
export interface Stored {
  text: string;
  scenario: Scenario;
  result: ScenarioResult;
  warnings: string[];
  ms: number;
}

export interface RunState {
  phase: RunPhase;
  docId: string;
  done: number;
  total: number;
  message: string;
}

export interface ComparisonRun {
  key: string;
  ids: string[];
  scenarios: Scenario[];
  comparison: Comparison;
}

export interface Notice {
  kind: 'error' | 'info';
  title: string;
  lines: string[];
  footer?: string;
}

export interface AppState {
  docs: ScenarioDoc[];
  activeId: string;
  view: View;
  /** The display time zone of every view. */
  timeZone: string;
  /** The channel filter ('all' or one channel). */
  channel: string;
  /** The language filter of the result views ('all' or a language code). */
  language: string;
  /** The day the result views zoom to: '' for the whole period, or a local date "YYYY-MM-DD" in
   * the display time zone. */
  day: string;
  results: Map<string, Stored>;
  /** The replications so far of the run in progress, shown until it is done (its scenario's id
   * and text: it is shown only while that is the text on screen). */
  early: { docId: string; text: string; result: ScenarioResult } | null;
  run: RunState;
  /** A run above the work limit waiting for "Run anyway" (its key and why). */
  largeRun: { key: string; text: string } | null;
  /** Document ids chosen in Compare, baseline first. */
  compareSelection: string[];
  comparison: ComparisonRun | null;
  compareRun: { running: boolean; done: number; total: number; error: string };
  /** The comparison key a case report download waits for (started from the results toolbar). */
  reportWanted: string | null;
  notice: Notice | null;
  toast: string;
  theme: Theme;
  present: boolean;
  sidebar: boolean;
  /** Per scenario (document id): its earlier texts (undo) and the undone ones (redo), newest last. */
  history: Map<string, { past: string[]; future: string[] }>;
  /** The link has been read (or there was none): runs and URL writes may start. */
  restored: boolean;
  /** When the first result was on hand (ms after navigation start), and of how many
   * replications (an early result's, or all). */
  firstResult: { ms: number; replications: number } | null;
  /** When the first result of every replication was. */
  firstCompleteMs: number | null;
}

/** Windows this narrow stack the sidebar above the results (fs-app's layout). They open with the
 * sidebar closed: stacked, the scenario panel took 40% of the height and the status and headline
 * most of the rest, leaving the views a strip at the bottom (☰ Scenarios opens it). */
export const STACKED_LAYOUT = '(max-width: 960px)';

export const INITIAL_STATE: AppState = {
  docs: [],
  activeId: '',
  view: 'coverage',
  timeZone: 'UTC',
  channel: 'all',
  language: 'all',
  day: '',
  results: new Map(),
  early: null,
  run: { phase: 'idle', docId: '', done: 0, total: 0, message: 'Loading…' },
  largeRun: null,
  compareSelection: [],
  comparison: null,
  compareRun: { running: false, done: 0, total: 0, error: '' },
  reportWanted: null,
  notice: null,
  toast: '',
  theme: 'auto',
  present: false,
  sidebar: true,
  history: new Map(),
  restored: false,
  firstResult: null,
  firstCompleteMs: null,
};

/** The key of one run: the document and its text. */
export const runKey = (doc: ScenarioDoc) => `${doc.id}\u0000${doc.text}`;
