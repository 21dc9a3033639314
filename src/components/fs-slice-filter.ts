// The slice a view shows: a language (or all), a channel (or all, where the view can show every
// channel without averaging them) and a day (or the whole period), as labelled selects — usable
// with the keyboard like any form field. The state is the session's (src/state/slice.ts), so
// Waits, Staffing, Cost and Compare show the same slice.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { languageName } from '../lib/format';
import type { ScenarioResult } from '../../sim/stats/metrics';
import { SliceController, sliceOf } from '../state/slice';
import { baseStyles } from './shared-styles';

@customElement('fs-slice-filter')
export class FsSliceFilter extends LitElement {
  private readonly ctl = new SliceController(this);
  /** Offer "All channels" (views that keep channels apart, like Waits, need one channel). */
  @property({ type: Boolean, attribute: 'all-channels' }) allChannels = false;
  /** Offer the day zoom. */
  @property({ type: Boolean, attribute: 'day' }) day = false;
  /** Offer the language filter. */
  @property({ type: Boolean, attribute: 'no-language' }) noLanguage = false;
  /** Offer the channel (off where the page has a channel control already). */
  @property({ type: Boolean, attribute: 'no-channel' }) noChannel = false;
  /** The result whose languages, channels and days are offered (default: the one on screen). */
  @property({ attribute: false }) result: ScenarioResult | null = null;
  /** A note after the selects. */
  @property() note = '';

  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 0.4rem 1rem;
        flex-wrap: wrap;
        font-size: 0.9rem;
      }
      .field {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
      }
      label,
      .note {
        color: var(--text-muted);
      }
      .note {
        flex: 1 1 16rem;
        font-size: 0.85rem;
      }
    `,
  ];

  override render() {
    const s = this.result ? sliceOf(this.result, this.ctl.state, this.ctl.channel, this.ctl.view.timeZone) : this.ctl.slice;
    if (!s) return nothing;
    const channel = !this.allChannels && s.channel === 'all' ? s.channels[0] : s.channel;
    return html`
      ${this.noLanguage
        ? nothing
        : html`<span class="field">
            <label for="slice-language">Language</label>
            <select id="slice-language" data-slice="language" @change=${(e: Event) => this.ctl.set({ language: (e.target as HTMLSelectElement).value })}>
              <option value="all" ?selected=${s.language === 'all'}>All languages</option>
              ${s.languages.map((l) => html`<option value=${l} ?selected=${s.language === l}>${languageName(l)} (${l})</option>`)}
            </select>
          </span>`}
      ${this.noChannel
        ? nothing
        : html`<span class="field">
            <label for="slice-channel">Channel</label>
            <select id="slice-channel" data-slice="channel" @change=${(e: Event) => this.ctl.set({ channel: (e.target as HTMLSelectElement).value })}>
              ${this.allChannels ? html`<option value="all" ?selected=${channel === 'all'}>All channels</option>` : nothing}
              ${s.channels.map((c) => html`<option value=${c} ?selected=${channel === c}>${c}</option>`)}
            </select>
          </span>`}
      ${this.day
        ? html`<span class="field">
            <label for="slice-day">Day</label>
            <select id="slice-day" data-slice="day" @change=${(e: Event) => this.ctl.set({ day: (e.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${!s.day}>Whole period</option>
              ${s.days.map((d) => html`<option value=${d.date} ?selected=${s.day?.date === d.date}>${d.label}</option>`)}
            </select>
          </span>`
        : nothing}
      ${this.note ? html`<span class="note">${this.note}</span>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-slice-filter': FsSliceFilter;
  }
}
