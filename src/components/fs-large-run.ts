// The question before a run above the work limit: what it asks for, and a button to run it anyway
// (a link or a file must not start hours of simulation by itself).
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from './shared-styles';

@customElement('fs-large-run')
export class FsLargeRun extends LitElement {
  @property() text = '';

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .ask {
        border: 1px solid var(--accent);
        background: var(--accent-soft);
        border-radius: var(--radius);
        padding: 0.7rem 0.9rem;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.6rem;
      }
      p {
        margin: 0;
        flex: 1 1 20rem;
      }
    `,
  ];

  override render() {
    return html`<div class="ask" role="alert" data-large-run>
      <p>${this.text}</p>
      <button @click=${() => this.dispatchEvent(new CustomEvent('run-anyway', { bubbles: true, composed: true }))}>Run anyway</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-large-run': FsLargeRun;
  }
}
