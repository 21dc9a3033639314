// The session in the URL: the scenarios, the one on screen, the view, display zone, the channel,
// language and day filters and the comparison, written to the hash shortly after each change and
// read back from a link (or when the hash changes), so a link reproduces what the sender saw.
import { DEFAULT_EXAMPLE, EXAMPLES, exampleByKey } from '../lib/examples';
import { createDoc, isModified, type ScenarioDoc } from '../lib/scenario-doc';
import { checkState, decodeRaw, encodeState, hasState, LinkError, type SharedDoc, type SharedState } from '../lib/url-state';
import type { Store } from './store';
import { VIEWS, type AppState, type View } from './app-state';

/** The fields a link carries: a change of one of them rewrites the hash. */
export const SHARED_FIELDS: readonly (keyof AppState)[] = ['docs', 'activeId', 'view', 'timeZone', 'channel', 'language', 'day', 'compareSelection'];

export function exampleDoc(key: string): ScenarioDoc | null {
  const ex = exampleByKey(key);
  // A copy of the example's scenario, checked when the app was built: each document owns its own.
  return ex ? createDoc(ex.text, ex.fileName, 'example', { exampleKey: ex.key, checked: structuredClone(ex.scenario) }) : null;
}

export class UrlSync {
  private timer = 0;
  private lastHash = '';

  constructor(private readonly store: Store<AppState>) {}

  connect(): void {
    window.addEventListener('hashchange', this.onHashChange);
    void this.restore(location.hash);
  }

  disconnect(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    clearTimeout(this.timer);
  }

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.write(), 250);
  }

  /** Writes the hash now (before a link is copied). */
  async write(): Promise<void> {
    clearTimeout(this.timer);
    const hash = await encodeState(this.shared());
    if (hash !== location.hash) {
      this.lastHash = hash;
      history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    }
  }

  private onHashChange = () => {
    if (location.hash === this.lastHash) return;
    this.store.set({ docs: [], results: new Map(), comparison: null, restored: false });
    void this.restore(location.hash);
  };

  private async restore(hash: string): Promise<void> {
    let state: SharedState | null = null;
    let problems: string[] = [];
    if (hasState(hash)) {
      try {
        const raw = await decodeRaw(hash);
        if (raw !== null) ({ state, problems } = checkState(raw, (key) => !!exampleByKey(key)));
      } catch (e) {
        const line = e instanceof LinkError ? e.message : `The link is damaged (${(e as Error).message}).`;
        this.store.set({ notice: { kind: 'error', title: 'This link could not be read', lines: [line], footer: 'Showing the default scenario instead.' } });
      }
    }
    if (state) this.apply(state);
    if (state && problems.length) {
      const footer = 'The rest of the link is open; a scenario with problems is in the list to fix, and the default scenario is shown while the one to open has problems.';
      this.store.set({ notice: { kind: 'error', title: 'Parts of this link could not be used', lines: problems, footer } });
    } else if (!this.store.state.docs.length) this.loadDefaults();
    this.lastHash = hash;
    this.store.set({ restored: true });
  }

  private loadDefaults(): void {
    const docs = EXAMPLES.map((e) => exampleDoc(e.key)!);
    this.store.set({ docs, activeId: docs.find((d) => d.exampleKey === DEFAULT_EXAMPLE)?.id ?? docs[0]?.id ?? '', compareSelection: [] });
  }

  private apply(s: SharedState): void {
    const docs: ScenarioDoc[] = [];
    const byIndex: (ScenarioDoc | null)[] = [];
    for (const d of s.docs) {
      let doc: ScenarioDoc | null = null;
      if (d.ex && d.t === undefined) doc = exampleDoc(d.ex);
      else if (typeof d.t === 'string') {
        const ex = d.ex ? exampleByKey(d.ex) : undefined;
        const origin = d.o ?? 'link';
        doc = createDoc(d.t, d.f ?? 'shared.yaml', origin, { exampleKey: d.ex, originalText: origin === 'example' && ex ? ex.text : d.t });
      }
      byIndex.push(doc);
      if (doc) docs.push(doc);
    }
    // The shipped examples are always there.
    for (const ex of EXAMPLES) {
      if (!docs.some((d) => d.origin === 'example' && d.exampleKey === ex.key)) docs.unshift(exampleDoc(ex.key)!);
    }
    const patch: Partial<AppState> = {
      docs,
      activeId: (byIndex[s.active]?.scenario ? byIndex[s.active]?.id : undefined) ?? docs.find((d) => d.exampleKey === DEFAULT_EXAMPLE)?.id ?? docs[0].id,
      compareSelection: (s.cmp ?? []).map((i) => byIndex[i]?.id).filter((x): x is string => !!x),
    };
    if (s.view && VIEWS.some((v) => v.id === s.view)) patch.view = s.view as View;
    if (s.tz) patch.timeZone = s.tz;
    if (s.ch) patch.channel = s.ch;
    patch.language = s.lang ?? 'all';
    patch.day = s.day ?? '';
    this.store.set(patch);
  }

  private shared(): SharedState {
    const st = this.store.state;
    const docs: SharedDoc[] = st.docs.map((d) =>
      d.origin === 'example' && !isModified(d) && d.exampleKey ? { ex: d.exampleKey } : { f: d.fileName, t: d.text, o: d.origin, ...(d.exampleKey ? { ex: d.exampleKey } : {}) },
    );
    const index = (id: string) => st.docs.findIndex((d) => d.id === id);
    return {
      v: 1,
      docs,
      active: index(st.activeId),
      view: st.view,
      tz: st.timeZone,
      ch: st.channel,
      ...(st.language !== 'all' ? { lang: st.language } : {}),
      ...(st.day ? { day: st.day } : {}),
      cmp: st.compareSelection.map(index).filter((i) => i >= 0),
    };
  }
}
