// The simulation's state: progress (replications done) while running, then what was run and how
// long it took; warnings from the model; a Cancel button.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { counted, formatValue } from '../lib/format';
import { baseStyles } from './shared-styles';

import type { RunPhase } from '../state/app-state';

export type { RunPhase };

@customElement('fs-run-status')
export class FsRunStatus extends LitElement {
  @property({ reflect: true }) phase: RunPhase = 'idle';
  @property({ type: Number }) done = 0;
  @property({ type: Number }) total = 0;
  @property({ type: Number }) ms = 0;
  @property({ type: Number }) seed = 0;
  @property({ type: Number }) contacts = 0;
  @property() message = '';
  @property({ attribute: false }) warnings: string[] = [];
  /** Why the result on screen is older than the scenario ('' when it is current): said in the
   * status, whose dot turns to the warning colour, whatever the phase. */
  @property({ reflect: true }) stale = '';
  /** Cancel was pressed: the button goes with the run, so focus moves to the status that says
   * what became of it, instead of falling to the page's body. */
  private focusStatus = false;

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        font-size: 0.9rem;
      }
      .bar {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        min-height: 2.1rem;
      }
      .msg {
        min-width: 0;
      }
      .bar > :not(.msg) {
        flex: none;
      }
      progress {
        width: 12rem;
        height: 0.5rem;
        accent-color: var(--accent);
      }
      .dot {
        width: 0.55rem;
        height: 0.55rem;
        border-radius: 50%;
        background: var(--good);
        display: inline-block;
        flex: none;
      }
      :host([phase='running']) .dot {
        background: var(--accent);
        animation: pulse 1s infinite ease-in-out;
      }
      :host([stale]:not([stale=''])) .dot {
        background: var(--warn);
      }
      .msg.stale {
        color: var(--warn);
      }
      :host([phase='error']) .dot,
      :host([phase='invalid']) .dot {
        background: var(--bad);
      }
      @keyframes pulse {
        50% {
          opacity: 0.3;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        :host([phase='running']) .dot {
          animation: none;
        }
      }
      .msg.error {
        color: var(--bad);
      }
      .warnings {
        margin: 0.2rem 0 0;
        padding-left: 1.2rem;
        color: var(--warn);
        font-size: 0.85rem;
      }
      button {
        padding: 0.2rem 0.6rem;
        font-size: 0.85rem;
      }
    `,
  ];

  private cancel(): void {
    this.focusStatus = this.shadowRoot?.activeElement instanceof HTMLButtonElement;
    this.dispatchEvent(new CustomEvent('cancel-run', { bubbles: true, composed: true }));
  }

  protected override updated(): void {
    if (!this.focusStatus || this.phase === 'running') return;
    this.focusStatus = false;
    this.renderRoot.querySelector<HTMLElement>('.bar')?.focus();
  }

  override render() {
    return html`
      <div class="bar" role="status" aria-live="polite" tabindex="-1">
        <span class="dot" aria-hidden="true"></span>
        ${this.stale && this.phase !== 'running' && this.phase !== 'error' && this.phase !== 'invalid'
          ? html`<span class="msg stale" data-stale>${this.stale} ${this.message && this.phase === 'idle' ? this.message.replace(/^Run cancelled\. /, '') : ''}</span>`
          : this.phase === 'running'
          ? html`<span class="msg" data-progress=${`${this.done}/${this.total}`}>
                Simulating… ${this.done} of ${this.total || '?'} replications
              </span>
              <progress max=${this.total || 1} value=${this.done} aria-label="Replications done"></progress>
              <button @click=${() => this.cancel()}>Cancel</button>`
          : this.phase === 'done'
            ? html`<span class="msg"
                >Simulated ${counted(this.total, 'replication')} in ${formatValue(this.ms / 1000, 'agents')} s · seed ${this.seed} ·
                ${formatValue(this.contacts, 'count')} contacts a replication · means with 95% confidence intervals</span
              >`
            : this.phase === 'error' || this.phase === 'invalid'
              ? html`<span class="msg error">${this.message}</span>`
              : html`<span class="msg muted">${this.message || 'Ready'}</span>`}
      </div>
      ${this.warnings.length ? html`<ul class="warnings">${this.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-run-status': FsRunStatus;
  }
}
