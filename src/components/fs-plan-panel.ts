// The Plan action: for a scenario that leaves head counts open (agents `auto` or `{ min, max }`,
// candidate shifts by `startBetween`), runs sim/plan's planner in its own worker — rounds of
// solving the staffing programme and simulating the plan, with progress and Cancel — then shows
// the plan as a roster (per pool, its shifts in the pool's local time across the day, with head
// counts), the figures before and after, the targets it cannot meet and why, and "Use this plan",
// which asks the app to add the planned scenario as a variant.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ScenarioResult } from '../../sim/stats/metrics';
import type { PlanResult } from '../../sim/plan/planner';
import { roundsText } from '../../sim/plan/rounds-text';
import type { Scenario } from '../../sim/scenario/scenario';
import { counted, formatDelta, formatValue, wordFor } from '../lib/format';
import { openShiftCount, planCheck, planDeltas, planMetText, planProgressText, rosterOf, type RosterPool } from '../lib/plan';
import { connect, runKey } from '../state/app-store';
import type { PlanStep } from '../sim-protocol';
import { Cancelled, SimRunner } from '../sim-client';
import { baseStyles } from './shared-styles';

type Phase = 'idle' | 'running' | 'done' | 'error';
const MAX_ITERATIONS = 8;


@customElement('fs-plan-panel')
export class FsPlanPanel extends LitElement {
  /** The scenario to plan, and a key of its text: a new key drops a plan of older text. */
  @property({ attribute: false }) scenario: Scenario | null = null;
  @property() planKey = '';
  /** The scenario's own result (open shifts at their minimum), for the before/after figures. */
  @property({ attribute: false }) current: ScenarioResult | null = null;
  @property({ type: Number }) openCount = 0;

  @state() private phase: Phase = 'idle';
  @state() private step: PlanStep | null = null;
  @state() private result: PlanResult | null = null;
  @state() private ms = 0;
  @state() private error = '';
  /** Planning beyond the work limits waits for "Plan anyway": what it asks for, and the key of
   * the text the analyst said yes to. */
  @state() private ask = '';
  private askKey = '';
  private confirmedKey = '';
  private readonly runner = new SimRunner();
  private plannedKey = '';
  /** The scenario (its id in the store) the plan was made for. */
  private plannedDocId = '';
  /** Connected to the app's store, the panel plans the scenario on screen. */
  private readonly ctl = connect(this, (s) => [s.active, s.shown]);

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .card {
        padding: 0.75rem 1rem;
        display: grid;
        gap: 0.6rem;
      }
      .bar {
        display: flex;
        align-items: center;
        gap: 0.5rem 0.9rem;
        flex-wrap: wrap;
        font-size: 0.9rem;
      }
      .bar .msg {
        flex: 1 1 18rem;
        min-width: 0;
      }
      h3 {
        margin: 0;
        font-size: 1rem;
      }
      progress {
        width: 10rem;
        height: 0.5rem;
        accent-color: var(--accent);
      }
      [data-plan-result]:focus:not(:focus-visible) {
        outline: none;
      }
      .met {
        color: var(--good);
      }
      .unmet-title {
        color: var(--warn);
      }
      .error {
        color: var(--bad);
      }
      .columns {
        display: grid;
        grid-template-columns: max-content minmax(20rem, 1fr);
        gap: 1rem 1.5rem;
        align-items: start;
      }
      @media (max-width: 1000px) {
        .columns {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.85rem;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        padding: 0.2rem 0.4rem;
        text-align: left;
        border-bottom: 1px solid var(--border);
        white-space: nowrap;
      }
      th {
        color: var(--text-muted);
        font-weight: 500;
      }
      td.num,
      th.num {
        text-align: right;
      }
      .better {
        color: var(--good);
      }
      .worse {
        color: var(--bad);
      }
      .pool + .pool {
        margin-top: 0.7rem;
      }
      .pool h4 {
        margin: 0 0 0.2rem;
        font-size: 0.88rem;
      }
      .pool h4 span {
        color: var(--text-muted);
        font-weight: 400;
      }
      td.day {
        width: 100%;
        min-width: 10rem;
      }
      .track {
        position: relative;
        height: 0.9rem;
        background: repeating-linear-gradient(to right, var(--border) 0 1px, transparent 1px calc(100% / 4));
        border-radius: 2px;
      }
      .seg {
        position: absolute;
        top: 0.1rem;
        bottom: 0.1rem;
        background: var(--accent);
        border-radius: 2px;
      }
      .ticks {
        position: relative;
        height: 1em;
        color: var(--text-muted);
        font-size: 0.7rem;
        font-weight: 400;
      }
      .ticks span {
        position: absolute;
        transform: translateX(-50%);
      }
      .ticks span:first-child {
        transform: none;
      }
      .ticks span:last-child {
        transform: translateX(-100%);
      }
      ul {
        margin: 0;
        padding-left: 1.2rem;
        font-size: 0.85rem;
      }
      .note {
        font-size: 0.8rem;
      }
      details table {
        width: auto;
        margin-top: 0.3rem;
      }
      tr.chosen td {
        font-weight: 650;
      }
      summary {
        cursor: pointer;
        color: var(--text-muted);
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues): void {
    const store = this.ctl.store;
    const doc = store?.active;
    if (store && doc) {
      this.scenario = doc.scenario;
      this.planKey = runKey(doc);
      this.current = store.shown.stale || store.shown.early ? null : store.shown.result;
      this.openCount = openShiftCount(doc.scenario);
      // What became of planning this text before the panel last went away (the store keeps it).
      if (store.plans.stoppedKey && store.plans.stoppedKey === this.planKey && this.phase === 'idle') {
        this.error = 'Planning stopped when the panel closed (the History view or another scenario was shown). Plan again to plan it.';
        store.plans.stoppedKey = '';
      }
      const kept = this.phase !== 'running' ? store.plans.get(this.planKey) : undefined;
      if (kept && this.plannedKey !== this.planKey) {
        this.reset();
        this.plannedKey = this.planKey;
        this.plannedDocId = doc.id;
        this.result = kept.result;
        this.ms = kept.ms;
        this.phase = 'done';
        return;
      }
      if (this.plannedKey && this.plannedKey !== this.planKey) {
        // A plan is of the text it was made from. An edit of that scenario (not another scenario
        // shown) drops it with a word, rather than the plan or its progress just vanishing.
        const was = this.phase;
        const edited = this.plannedDocId === doc.id;
        this.reset();
        if (edited && was === 'running') this.error = 'Planning stopped: the scenario changed while it was planned. Plan again to plan it as it is now.';
        else if (edited && was === 'done') this.error = 'The plan was made for the scenario before your last change, so it was dropped. Plan again to plan it as it is now.';
      }
      // The question was about the text as it was: an edit (fewer replications) asks again.
      if (this.ask && this.askKey !== this.planKey) this.ask = '';
      return;
    }
    if (changed.has('planKey') && this.plannedKey && this.plannedKey !== this.planKey) this.reset();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.phase === 'running' && this.ctl.store) this.ctl.store.plans.stoppedKey = this.plannedKey;
    this.runner.dispose();
  }

  private reset(): void {
    this.runner.cancel();
    this.phase = 'idle';
    this.result = null;
    this.step = null;
    this.error = '';
    this.ask = '';
    this.plannedKey = '';
  }

  private start(): void {
    const scenario = this.scenario;
    if (!scenario) return;
    const key = this.planKey;
    // What `followsun plan` refuses without --allow-large-runs is not started by itself: a
    // programme too large to solve is refused, work beyond the limits waits for "Plan anyway".
    const check = planCheck(scenario, MAX_ITERATIONS);
    this.ask = '';
    if (check.kind === 'refuse') {
      this.phase = 'error';
      this.error = `Too large to plan: ${check.text}`;
      return;
    }
    if (check.kind === 'ask' && this.confirmedKey !== key) {
      this.phase = 'idle';
      this.error = '';
      this.ask = check.text;
      this.askKey = key;
      this.focusOn('[data-action="plan-anyway"]');
      return;
    }
    this.plannedKey = key;
    this.plannedDocId = this.ctl.store?.active?.id ?? '';
    this.phase = 'running';
    this.result = null;
    this.error = '';
    this.step = { step: 'solving', phase: 'correct', iteration: 1, maxIterations: MAX_ITERATIONS, done: 0, total: scenario.replications };
    this.focusOn('[data-action="cancel-plan"]'); // the Plan button goes away: keyboard users land on Cancel
    this.runner
      .plan(scenario, (step) => this.plannedKey === key && (this.step = step), MAX_ITERATIONS)
      .then(({ plan, ms }) => {
        if (this.plannedKey !== key) return;
        this.result = plan;
        this.ms = ms;
        this.phase = 'done';
        this.ctl.store?.plans.add(key, { result: plan, ms });
        this.focusOn('[data-plan-result]');
      })
      .catch((e: Error) => {
        if (e instanceof Cancelled || this.plannedKey !== key) return;
        this.phase = 'error';
        this.error = `The planner failed: ${e.message}`;
      });
  }

  private cancel(): void {
    this.runner.cancel();
    this.phase = 'idle';
    this.step = null;
    this.plannedKey = '';
    this.error = 'Planning cancelled.';
    this.focusOn('[data-action="plan"]');
  }

  private focusOn(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private use(): void {
    if (!this.result) return;
    const store = this.ctl.store;
    if (!store) {
      this.dispatchEvent(new CustomEvent<Scenario>('use-plan', { detail: this.result.scenario, bubbles: true, composed: true }));
      return;
    }
    const root = this.getRootNode();
    store.usePlan(this.result.scenario);
    // The planned variant has no open shifts, so this panel, and the button the keyboard was on,
    // go away: focus moves to the results (the page's main region), not to the page's body.
    void store
      .settled()
      .then(() => (root instanceof ShadowRoot ? (root.host as Partial<LitElement>).updateComplete : undefined))
      .then(() => {
        if (!this.isConnected && root instanceof ShadowRoot) root.querySelector<HTMLElement>('main')?.focus();
      });
  }

  override render() {
    return html`<section class="card" aria-label="Plan the open shifts" data-plan-phase=${this.phase}>
      ${this.phase === 'running' ? this.renderRunning() : this.phase === 'done' && this.result ? this.renderResult(this.result) : this.renderIdle()}
    </section>`;
  }

  private renderIdle() {
    const n = this.openCount;
    return html`<div class="bar">
      <span class="msg"
        ><strong>Open shifts:</strong> this scenario leaves ${n} ${wordFor(n, 'head count')} to the planner. Plan finds the least-cost
        head counts that meet every language × channel target, then checks them by simulation.
        ${this.error ? html`<span class=${this.phase === 'error' ? 'error' : 'muted'} role="status">${this.error}</span>` : nothing}
        ${this.ask ? html`<span class="error" role="status" data-plan-ask>${this.ask}</span>` : nothing}</span
      >
      ${this.ask
        ? html`<button
            class="primary"
            data-action="plan-anyway"
            @click=${() => {
              this.confirmedKey = this.planKey;
              this.start();
            }}
          >
            Plan anyway
          </button>`
        : html`<button class="primary" data-action="plan" ?disabled=${!this.scenario} @click=${this.start}>Plan</button>`}
    </div>`;
  }

  private renderRunning() {
    const s = this.step!;
    return html`<div class="bar" role="status" aria-live="polite">
      <span class="msg" data-plan-step=${s.step} data-plan-round=${s.iteration}>${planProgressText(s)}</span>
      ${s.step !== 'solving' ? html`<progress max=${s.total || 1} value=${s.done} aria-label="Replications done"></progress>` : html`<progress aria-label="Solving"></progress>`}
      <button data-action="cancel-plan" @click=${this.cancel}>Cancel</button>
    </div>`;
  }

  private renderResult(r: PlanResult) {
    const currency = r.verification.currency;
    const deltas = planDeltas(this.current, r.verification);
    const roster = rosterOf(r, r.scenario);
    // What "met" means (the planner's test), with the hours below target the headline shows.
    const met = planMetText(r);
    return html`
      <div class="bar" tabindex="-1" data-plan-result>
        <span class="msg">
          <h3>
            Plan
            <span class=${r.met ? 'met' : 'unmet-title'} data-plan-met=${String(r.met)}>· ${met.title}</span>
          </h3>
          <span class="note" data-plan-met-detail>${met.detail}</span>
          <span class="muted note">${roundsText(r.iterations)}, ${formatValue(this.ms / 1000, 'agents')} s · checked with
          ${counted(r.verification.replications, 'replication')}</span>
        </span>
        <button class="primary" data-action="use-plan" @click=${this.use}>Use this plan</button>
        <button
          class="quiet"
          data-action="discard-plan"
          @click=${() => {
            this.ctl.store?.plans.discard(this.plannedKey);
            this.reset();
            this.focusOn('[data-action="plan"]');
          }}
        >
          Discard
        </button>
      </div>
      ${r.unmet.length
        ? html`<div data-plan-unmet><strong class="unmet-title">What no plan of these shifts can meet, and why</strong><ul>${r.unmet.map((u) => html`<li>${u}</li>`)}</ul></div>`
        : nothing}
      <div class="columns">
        <table data-plan-deltas>
          <caption class="sr-only">Before and after the plan</caption>
          <thead><tr><th>Figure</th><th class="num">Before</th><th class="num">Planned</th><th class="num">Change</th></tr></thead>
          <tbody>
            ${deltas.map(
              (d) => html`<tr data-figure=${d.key}>
                <th scope="row">${d.label}</th>
                <td class="num">${formatValue(d.before, d.unit, currency)}</td>
                <td class="num" data-value=${String(d.after ?? '')}>${formatValue(d.after, d.unit, currency)}</td>
                <td class="num ${d.better === null ? '' : d.better ? 'better' : 'worse'}">${formatDelta(d.delta, d.unit, currency)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        <div data-plan-roster>${roster.map((p) => this.renderPool(p))}</div>
      </div>
      <details class="note">
        <summary>Rounds: the hours below target raise the requirement and the programme is solved again; once the targets are met, cheaper plans are tried (trim). The plan shown is round ${r.round}.</summary>
        <table data-plan-rounds>
          <thead><tr><th class="num">Round</th><th class="num">Planned cost (horizon)</th><th class="num">Hours below target</th><th class="num">Uncovered hours</th><th class="num">Hours raised</th></tr></thead>
          <tbody>
            ${r.iterations.map(
              (it) => html`<tr class=${it.iteration === r.round ? 'chosen' : ''} data-round=${it.iteration}>
                <td class="num">${it.iteration}${it.phase === 'trim' ? ' · trim' : ''}</td>
                <td class="num">${formatValue(it.plannedCost, 'money', currency)}</td>
                <td class="num">${formatValue(it.hoursBelowTarget, 'hours')}</td>
                <td class="num">${formatValue(it.uncoveredHours, 'hours')}</td>
                <td class="num">${it.raisedHours}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </details>
    `;
  }

  private renderPool(p: RosterPool) {
    return html`<div class="pool" data-pool=${p.id}>
      <h4>${p.id} <span>· ${p.timezone} local time · ${p.rows.length} ${wordFor(p.rows.length, 'shift')}, ${p.agents} ${wordFor(p.agents, 'agent')} in all</span></h4>
      ${p.rows.length === 0
        ? html`<div class="muted note">Nobody: every candidate shift stays empty.</div>`
        : html`<table>
            <thead><tr><th>Days</th><th>Shift</th><th class="num">Agents</th><th><span class="sr-only">The shift across the day, in local time</span><div class="ticks" aria-hidden="true">${[0, 6, 12, 18, 24].map((h) => html`<span style=${`left:${(h / 24) * 100}%`}>${String(h).padStart(2, '0')}</span>`)}</div></th></tr></thead>
            <tbody>
              ${p.rows.map(
                (row) => html`<tr data-shift>
                  <td>${row.days}</td>
                  <td>${row.start}–${row.end}</td>
                  <td class="num" data-agents=${row.agents}>${row.agents}</td>
                  <td class="day"><div class="track" role="img" aria-label=${`${row.start} to ${row.end}`}>${row.segments.map(([a, b]) => html`<span class="seg" style=${`left:${a}%;width:${b - a}%`}></span>`)}</div></td>
                </tr>`,
              )}
            </tbody>
          </table>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-plan-panel': FsPlanPanel;
  }
}
