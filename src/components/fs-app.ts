// The application shell: lays out the page — the header, the sidebar (scenarios and the editor),
// the results (status, plan, headline, the views' tabs and the view on screen), messages, the drop
// target and the toast. The session's state lives in src/state/ (an AppStore this shell provides to
// every element below it); each view and editor reads it and changes it directly.
import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { customElement } from 'lit/decorators.js';
import { channelsIn } from '../lib/coverage';
import { openShiftCount } from '../lib/plan';
import { isModified } from '../lib/scenario-doc';
import { zoneOptions } from '../lib/time';
import { provideAppStore, VIEWS, type AppStore, type Notice } from '../state/app-store';
import { STACKED_LAYOUT } from '../state/app-state';
import { FileDropController } from '../state/file-drop';
import { baseStyles } from './shared-styles';
import './fs-compare-view';
import './fs-cost-view';
import './fs-header';
import './fs-headline';
import './fs-heatmap';
import './fs-history-view';
import './fs-plan-panel';
import './fs-results-bar';
import './fs-roster-editor';
import './fs-scenario-editor';
import './fs-scenario-list';
import './fs-staffing-view';
import './fs-waits-view';

@customElement('fs-app')
export class FsApp extends LitElement {
  private readonly store: AppStore = provideAppStore(this);
  private readonly drop = new FileDropController(this, (files) => void this.store.openFiles(files));
  private unsubscribe: (() => void) | null = null;

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
      /* Each pane scrolls on its own and holds what is positioned in it (the screen-reader text
         of charts and tables is absolutely positioned): without a containing block here, that text
         sat against the page and stretched it, so a wheel past a pane's end scrolled the page
         off-screen. */
      aside {
        position: relative;
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
        position: relative;
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
      .view-controls label,
      .view-controls .muted {
        color: var(--text-muted);
      }
      .view-controls select {
        max-width: 20rem;
      }
      /* Options name the zone first, then its offset and who works in it: the zone stays readable
         when the rest is cut (the whole label is the select's title). */
      .view-controls #tz {
        max-width: 15rem;
        text-overflow: ellipsis;
      }
      .panel {
        padding: 1rem 1.1rem;
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
      @media ${unsafeCSS(STACKED_LAYOUT)} {
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

  override connectedCallback(): void {
    super.connectedCallback();
    // The shell lays out nearly everything: it updates on every change of the session.
    this.unsubscribe = this.store.subscribe(() => this.requestUpdate());
    this.store.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.store.disconnect();
  }

  protected override updated(): void {
    // The page's own measure of its start, read by npm run bench and the browser tests.
    const { firstResult, firstCompleteMs } = this.store.state;
    if (firstResult) {
      this.dataset.firstResultMs = firstResult.ms.toFixed(0);
      this.dataset.firstResultReplications = String(firstResult.replications);
    }
    if (firstCompleteMs !== null) this.dataset.firstCompleteMs = firstCompleteMs.toFixed(0);
  }

  override render() {
    const store = this.store;
    const { doc, result, scenario, stale, early } = store.shown;
    const { view, notice, sidebar, run, toast } = store.state;
    return html`
      <a class="skip" href="#main" @click=${(e: Event) => {
        e.preventDefault();
        this.renderRoot.querySelector<HTMLElement>('main')?.focus();
      }}>Skip to results</a>
      <fs-header></fs-header>
      <div class="body ${sidebar ? '' : 'no-sidebar'}">
        ${sidebar ? this.renderSidebar() : nothing}
        <main id="main" tabindex="-1" aria-label="Results">
          ${notice ? this.renderNotice(notice) : nothing}
          ${view !== 'history' ? html`<fs-results-bar></fs-results-bar>` : nothing}
          ${openShiftCount(doc?.scenario) > 0 && view !== 'history' ? html`<fs-plan-panel></fs-plan-panel>` : nothing}
          ${result && view !== 'compare' && view !== 'history' ? html`<fs-headline .result=${result} ?stale=${stale || (run.phase === 'running' && !early)}></fs-headline>` : nothing}
          ${this.renderTabs()}
          <div role="tabpanel" id="panel" aria-labelledby=${`tab-${view}`}>${this.renderView(result, scenario)}</div>
        </main>
      </div>
      ${this.drop.dragging ? html`<div class="drop" aria-hidden="true"><span>Drop a scenario file (YAML or JSON) to open it, or contact records (CSV or TSV) to import them</span></div>` : nothing}
      ${toast ? html`<div class="toast" role="status">${toast}</div>` : nothing}
    `;
  }

  private renderSidebar() {
    const store = this.store;
    const doc = store.active;
    return html`<aside aria-label="Scenarios and settings">
      <section>
        <h2>
          <span>Scenarios</span>
          <button class="quiet" @click=${() => store.imports.choose()} title="Fit a scenario to contact records (CSV or TSV) and back-test it">Import records…</button>
        </h2>
        <fs-scenario-list></fs-scenario-list>
      </section>
      ${doc
        ? html`<section>
            <h2>
              <span>Edit scenario</span>
              <span class="editor-head">
                ${store.undoable().undo ? html`<button class="quiet" @click=${() => store.undo()} title="Undo the last edit of this scenario">Undo</button>` : nothing}
                ${store.undoable().redo ? html`<button class="quiet" @click=${() => store.undo(true)} title="Redo the edit just undone">Redo</button>` : nothing}
                ${isModified(doc) && doc.origin !== 'variant' ? html`<button class="quiet" @click=${() => store.reset()} title="Back to the file as loaded">Reset</button>` : nothing}
                <button class="quiet" @click=${() => store.runs.again()} ?disabled=${!doc.scenario} title="Simulate again">Run</button>
              </span>
            </h2>
            <fs-scenario-editor></fs-scenario-editor>
          </section>`
        : nothing}
    </aside>`;
  }

  private renderNotice(n: Notice) {
    return html`<div class="notice ${n.kind}" role="alert" data-notice=${n.kind}>
      <header>
        <span>${n.title}</span>
        <button class="quiet" @click=${() => this.store.dismissNotice()} aria-label="Dismiss">✕</button>
      </header>
      ${n.lines.length ? html`<ul>${n.lines.map((l) => html`<li>${l}</li>`)}</ul>` : nothing}
      ${n.footer ? html`<p>${n.footer}</p>` : nothing}
    </div>`;
  }

  private renderTabs() {
    const store = this.store;
    const { result, scenario } = store.shown;
    const { view, timeZone, channel } = store.state;
    const channels = result ? channelsIn(result) : [];
    const zones = zoneOptions(scenario, result ? Date.parse(result.start) : Date.now());
    if (!zones.some((z) => z.zone === timeZone)) zones.push({ zone: timeZone, label: timeZone });
    const showChannel = view === 'coverage' || view === 'compare';
    return html`<div class="tabs-row">
      <div role="tablist" aria-label="Views" @keydown=${this.onTabKey}>
        ${VIEWS.map(
          (v) => html`<button
            role="tab"
            id=${`tab-${v.id}`}
            aria-selected=${String(view === v.id)}
            aria-controls="panel"
            tabindex=${view === v.id ? 0 : -1}
            @click=${() => store.setView(v.id)}
          >
            ${v.label}
          </button>`,
        )}
      </div>
      <div class="view-controls">
        ${view === 'roster' || view === 'history'
          ? html`<span class="muted">Times in ${view === 'roster' ? "each site's" : "the records'"} local time</span>`
          : html`<label for="tz">Times in</label>
              <select id="tz" title=${zones.find((z) => z.zone === timeZone)?.label ?? timeZone} @change=${(e: Event) => store.set({ timeZone: (e.target as HTMLSelectElement).value })}>
                ${zones.map((z) => html`<option value=${z.zone} ?selected=${z.zone === timeZone}>${z.label}</option>`)}
              </select>`}
        ${showChannel
          ? html`<label for="channel">Channel</label>
              <select id="channel" @change=${(e: Event) => store.set({ channel: (e.target as HTMLSelectElement).value })}>
                <option value="all" ?selected=${channel === 'all'}>All channels</option>
                ${channels.map((c) => html`<option value=${c} ?selected=${channel === c}>${c}</option>`)}
              </select>`
          : nothing}
      </div>
    </div>`;
  }

  private onTabKey = (e: KeyboardEvent) => {
    const i = VIEWS.findIndex((v) => v.id === this.store.state.view);
    const next = e.key === 'ArrowRight' ? (i + 1) % VIEWS.length : e.key === 'ArrowLeft' ? (i - 1 + VIEWS.length) % VIEWS.length : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    this.store.setView(VIEWS[next].id);
    void this.store.settled().then(() => this.updateComplete).then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${VIEWS[next].id}`)?.focus());
  };

  private renderView(result: AppStore['shown']['result'], scenario: AppStore['shown']['scenario']) {
    const { view, run, channel, timeZone } = this.store.state;
    if (view === 'compare') return html`<fs-compare-view></fs-compare-view>`;
    if (view === 'roster') return html`<fs-roster-editor></fs-roster-editor>`;
    if (view === 'history') return html`<fs-history-view></fs-history-view>`;
    if (!result) return html`<div class="empty card">${run.phase === 'running' ? 'Simulating the first result…' : 'No result yet.'}</div>`;
    switch (view) {
      case 'coverage':
        return html`<section class="panel card">
          <fs-heatmap
            .result=${result}
            .scenario=${scenario}
            .timeZone=${timeZone}
            .channel=${channelsIn(result).includes(channel) ? channel : 'all'}
            ?stale=${this.store.shown.stale}
          ></fs-heatmap>
        </section>`;
      case 'waits':
        return html`<fs-waits-view></fs-waits-view>`;
      case 'staffing':
        return html`<fs-staffing-view></fs-staffing-view>`;
      case 'cost':
        return html`<fs-cost-view></fs-cost-view>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-app': FsApp;
  }
}
