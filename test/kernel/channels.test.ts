// Channels: chat agents juggle several conversations, email is deferred work that waits
// overnight, and full queues turn callers away.
import { describe, expect, it } from 'vitest';
import { FigureAccumulator } from '../../sim/stats/confidence';
import { erlangB, queueFigures } from '../../sim/stats/erlang';
import { SUMMARY_FIGURES } from '../../sim/stats/metrics';
import { compileScenario } from '../../sim/model/model';
import { validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { runReplication } from '../../sim/simulate';
import { simulateReplication } from '../../sim/kernel/engine';
import { run } from '../support';

const exponential = (mean: number) => ({ dist: 'exponential' as const, mean });

describe('chat', () => {
  const chatDesk = (concurrency: number, agents: number, patience?: number): ScenarioInput => ({
    name: 'chat desk',
    horizon: { start: '2026-03-23T00:00:00Z', days: 20 },
    intervalMinutes: 60,
    replications: 20,
    channels: { chat: { serviceLevel: { seconds: 60, target: 0.8 } } },
    demand: [
      { id: 'chats', language: 'en', channel: 'chat', volume: { perHour: 18 }, handleTime: exponential(480), ...(patience ? { patience: exponential(patience) } : {}) },
    ],
    staffing: [{ id: 'team', skills: ['en'], channels: ['chat'], agents, chatConcurrency: concurrency }],
  });

  it('one agent handling three chats at once serves like three single-chat agents (Erlang C with 3)', () => {
    const model = compileScenario(validateScenario(chatDesk(3, 1), 'chat.yaml'));
    const acc = new FigureAccumulator(SUMMARY_FIGURES.length);
    for (let r = 0; r < model.replications; r++) acc.add(runReplication(model, r).summary);
    const theory = queueFigures({ ratePerHour: 18, ahtSeconds: 480, agents: 3, thresholdSeconds: 60 });
    for (const figure of ['serviceLevel', 'pWait'] as const) {
      const i = SUMMARY_FIGURES.indexOf(figure === 'serviceLevel' ? 'answeredWithinThresholdShare' : figure);
      expect(Math.abs(acc.estimate(i).mean! - theory[figure]), figure).toBeLessThanOrEqual(acc.halfWidth(i, 0.99));
    }
  });

  it('occupancy counts each chat as a share of the agent: 2.4 Erlangs on one agent with 3 slots is 80%', () => {
    const r = run({ ...chatDesk(3, 1), replications: 5 });
    expect(r.pools.team.occupancy!.mean).toBeGreaterThan(0.77);
    expect(r.pools.team.occupancy!.mean).toBeLessThan(0.83);
  });

  it('the same agent limited to one chat at a time is hopelessly overloaded', () => {
    const one = run({ ...chatDesk(1, 1, 300), horizon: { start: '2026-03-23T00:00:00Z', days: 2 }, replications: 2 });
    const three = run({ ...chatDesk(3, 1, 300), horizon: { start: '2026-03-23T00:00:00Z', days: 2 }, replications: 2 });
    expect(one.summary.abandonRate.mean!).toBeGreaterThan(0.5); // chatters give up waiting
    expect(three.channels.chat.serviceLevel.mean!).toBeGreaterThan(one.channels.chat.serviceLevel.mean! + 0.2);
  });
});

describe('service-level targets by default', () => {
  it('a help desk that sets only its voice target judges chat at 80 % within 60 s and email at 90 % within 24 h', () => {
    const model = compileScenario(
      validateScenario(
        {
          name: 'help desk',
          horizon: { start: '2026-03-23T00:00:00Z', days: 1 },
          serviceLevel: { seconds: 30, target: 0.9 },
          demand: [
            { id: 'calls', language: 'en', volume: { perHour: 10 }, handleTime: exponential(180) },
            { id: 'chats', language: 'en', channel: 'chat', volume: { perHour: 10 }, handleTime: exponential(480) },
            { id: 'mails', language: 'en', channel: 'email', volume: { perHour: 10 }, handleTime: exponential(300) },
          ],
          staffing: [{ id: 'team', skills: ['en'], channels: ['voice', 'chat', 'email'], agents: 5 }],
        },
        'desk.yaml',
      ),
    );
    const target = (channel: string) => {
      const q = model.queues.find((x) => x.channel === channel)!;
      return [q.slThresholdSeconds, q.slTarget];
    };
    expect(target('voice')).toEqual([30, 0.9]);
    expect(target('chat')).toEqual([60, 0.8]);
    expect(target('email')).toEqual([24 * 3600, 0.9]);
  });
});

describe('email', () => {
  // Berlin office 09:00–17:00 on weekdays; emails arrive around the clock.
  const inbox = (extra: Partial<ScenarioInput> = {}): ScenarioInput => ({
    name: 'inbox',
    horizon: { start: '2026-01-12T00:00:00Z', days: 7, warmupHours: 0 },
    intervalMinutes: 60,
    replications: 3,
    demand: [
      { id: 'mails', language: 'de', channel: 'email', volume: { perHour: 20 }, handleTime: exponential(300), patience: exponential(60) },
    ],
    staffing: [
      { id: 'office', timezone: 'Europe/Berlin', skills: ['de'], shifts: [{ days: 'Mon-Fri', start: '09:00', end: '17:00', agents: 6 }] },
    ],
    ...extra,
  });

  it('is never abandoned, and the night’s emails wait in a backlog for the morning shift', () => {
    const r = run(inbox());
    expect(r.summary.abandoned.mean).toBe(0);
    const mail = r.coverage[0];
    // Monday 2026-01-12: Berlin is UTC+1, so the office works 08:00–16:00 UTC.
    const backlogAt = (utcHour: number) => mail.backlog[utcHour]; // interval ending an hour later
    expect(backlogAt(6)).toBeGreaterThan(100); // 07:00 UTC: the night's emails are waiting
    expect(backlogAt(15)).toBeLessThan(backlogAt(7)); // worked off during the day
    expect(mail.backlog[24 + 6]).toBeGreaterThan(100); // and again the next morning
    // Nobody is on the phones at night, but email waiting overnight is no coverage gap by itself.
    expect(mail.agentsOnPhones[2]).toBe(0);
    expect(r.channels.email.asaSeconds.mean!).toBeGreaterThan(3600);
  });

  it('agents answer email only when no call is waiting, so an email flood does not starve the phones', () => {
    const mixed = (emailFirst: boolean): ScenarioInput => ({
      ...inbox(),
      horizon: { start: '2026-01-12T00:00:00Z', days: 3 },
      channels: emailFirst ? { email: { priority: 1 }, voice: { priority: 2 } } : {},
      demand: [
        { id: 'calls', language: 'de', channel: 'voice', volume: { perHour: 40 }, handleTime: exponential(180), patience: exponential(120) },
        { id: 'mails', language: 'de', channel: 'email', volume: { perHour: 50 }, handleTime: exponential(300) },
      ],
      staffing: [{ id: 'team', skills: ['de'], agents: 6 }], // 2 + 4.2 Erlangs: more work than people
    });
    const voiceFirst = run(mixed(false));
    const emailFirst = run(mixed(true));
    // Agents busy with an email finish it first (no pre-emption), so calls wait either way; but
    // with email first, callers are only answered when the inbox happens to be empty…
    expect(emailFirst.channels.voice.abandonRate.mean!).toBeGreaterThan(voiceFirst.channels.voice.abandonRate.mean! + 0.1);
    // …while with voice first the emails pile up instead.
    expect(voiceFirst.channels.email.asaSeconds.mean!).toBeGreaterThan(3 * emailFirst.channels.email.asaSeconds.mean!);
  });

  it('is measured against its own target: 90% answered within 24 hours by default', () => {
    const r = run(inbox());
    expect(r.coverage[0].thresholdSeconds).toBe(24 * 3600);
    expect(r.coverage[0].target).toBe(0.9);
  });
});

describe('capacity limits', () => {
  it('with no room to wait, callers who find every agent busy get a busy signal — as often as Erlang B says', () => {
    const input: ScenarioInput = {
      name: 'no queue',
      horizon: { start: '2026-03-23T00:00:00Z', days: 10 },
      intervalMinutes: 60,
      replications: 10,
      channels: { voice: { maxWaiting: 0 } },
      demand: [{ id: 'calls', language: 'en', volume: { perHour: 100 }, handleTime: exponential(180) }],
      staffing: [{ id: 'team', skills: ['en'], agents: 5 }],
    };
    const model = compileScenario(validateScenario(input, 'b.yaml'));
    const blocking = new FigureAccumulator(1);
    for (let r = 0; r < model.replications; r++) {
      const s = runReplication(model, r).summary;
      const at = (f: (typeof SUMMARY_FIGURES)[number]) => s[SUMMARY_FIGURES.indexOf(f)];
      expect(at('asaSeconds')).toBe(0); // nobody waits
      expect(at('offered') + at('blocked')).toBe(at('contacts'));
      blocking.add([at('blocked') / at('contacts')]);
    }
    expect(Math.abs(blocking.estimate(0).mean! - erlangB(5, 5))).toBeLessThanOrEqual(blocking.halfWidth(0, 0.99));
  });
});

describe('blending calls and chats', () => {
  // Two agents, each on one call or up to two chats, and no room to wait: a loss system whose
  // state is how many agents are idle, on one chat, on two chats or on a call.
  const rates = { callsPerHour: 20, callSeconds: 180, chatsPerHour: 30, chatSeconds: 240 };
  type State = [idle: number, oneChat: number, twoChats: number, onCall: number];

  /** Exact blocking of calls and chats for a chat placement rule (a continuous-time Markov chain
   * on the 10 states, solved by Gaussian elimination). */
  function exactBlocking(chatsFill: 'agents already chatting' | 'idle agents first') {
    const states: State[] = [];
    for (let a = 0; a <= 2; a++) for (let b = 0; a + b <= 2; b++) for (let c = 0; a + b + c <= 2; c++) states.push([a, b, c, 2 - a - b - c]);
    const index = (s: State) => states.findIndex((t) => t.every((x, i) => x === s[i]));
    const n = states.length;
    const Q = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    const move = (from: State, to: State, rate: number) => {
      Q[index(from)][index(to)] += rate;
      Q[index(from)][index(from)] -= rate;
    };
    const [lv, mv, lc, mc] = [rates.callsPerHour / 3600, 1 / rates.callSeconds, rates.chatsPerHour / 3600, 1 / rates.chatSeconds];
    for (const s of states) {
      const [i, one, two, call] = s;
      if (i > 0) move(s, [i - 1, one, two, call + 1], lv);
      const toChatting: State | undefined = one > 0 ? [i, one - 1, two + 1, call] : undefined;
      const toIdle: State | undefined = i > 0 ? [i - 1, one + 1, two, call] : undefined;
      const chatGoesTo = chatsFill === 'agents already chatting' ? (toChatting ?? toIdle) : (toIdle ?? toChatting);
      if (chatGoesTo) move(s, chatGoesTo, lc);
      if (call > 0) move(s, [i + 1, one, two, call - 1], call * mv);
      if (one > 0) move(s, [i + 1, one - 1, two, call], one * mc);
      if (two > 0) move(s, [i, one + 1, two - 1, call], 2 * two * mc);
    }
    // π Q = 0 with Σ π = 1: transpose, replace the last equation by the normalisation.
    const A = states.map((_, r) => states.map((__, c) => Q[c][r]));
    const b = new Array<number>(n).fill(0);
    A[n - 1].fill(1);
    b[n - 1] = 1;
    for (let col = 0; col < n; col++) {
      const pivot = A.slice(col).reduce((best, row, k) => (Math.abs(row[col]) > Math.abs(A[best][col]) ? col + k : best), col);
      [A[col], A[pivot]] = [A[pivot], A[col]];
      [b[col], b[pivot]] = [b[pivot], b[col]];
      for (let r = 0; r < n; r++) {
        if (r === col) continue;
        const f = A[r][col] / A[col][col];
        for (let c = col; c < n; c++) A[r][c] -= f * A[col][c];
        b[r] -= f * b[col];
      }
    }
    const pi = b.map((x, k) => x / A[k][k]);
    const probability = (when: (s: State) => boolean) => states.reduce((t, s, k) => t + (when(s) ? pi[k] : 0), 0);
    return {
      calls: probability(([i]) => i === 0), // arrivals see time averages
      chats: probability(([i, one]) => i === 0 && one === 0),
    };
  }

  it('a chat joins an agent who is already chatting, keeping the other agent free for the next call', () => {
    const input: ScenarioInput = {
      name: 'blended desk',
      horizon: { start: '2026-03-23T00:00:00Z', days: 20, warmupHours: 24 },
      intervalMinutes: 60,
      seed: 11,
      replications: 20,
      channels: { voice: { maxWaiting: 0 }, chat: { maxWaiting: 0 } },
      demand: [
        { id: 'calls', language: 'en', channel: 'voice', volume: { perHour: rates.callsPerHour }, handleTime: exponential(rates.callSeconds) },
        { id: 'chats', language: 'en', channel: 'chat', volume: { perHour: rates.chatsPerHour }, handleTime: exponential(rates.chatSeconds) },
      ],
      staffing: [{ id: 'desk', skills: ['en'], agents: 2, chatConcurrency: 2 }],
    };
    const model = compileScenario(validateScenario(input, 'blended.yaml'));
    const channelOf = model.queues.map((queue) => queue.channel);
    const acc = new FigureAccumulator(2);
    for (let r = 0; r < model.replications; r++) {
      const t = simulateReplication(model, r);
      const share = (channel: string) => {
        let blocked = 0;
        let contacts = 0;
        t.blocked.forEach((x, cell) => {
          if (channelOf[cell % model.queues.length] !== channel) return;
          blocked += x;
          contacts += t.contacts[cell];
        });
        return blocked / contacts;
      };
      acc.add([share('voice'), share('chat')]);
    }
    const packed = exactBlocking('agents already chatting');
    const spread = exactBlocking('idle agents first');
    ['calls', 'chats'].forEach((kind, i) => {
      const simulated = acc.estimate(i).mean!;
      const halfWidth = acc.halfWidth(i, 0.99);
      const context = `${kind}: exact ${packed[kind as 'calls']}, simulated ${simulated} ± ${halfWidth}`;
      expect(Math.abs(simulated - packed[kind as 'calls']), context).toBeLessThanOrEqual(halfWidth);
    });
    // The rule matters: spreading chats over idle agents would turn away clearly more calls.
    expect(spread.calls - packed.calls).toBeGreaterThan(5 * acc.halfWidth(0, 0.99));
  });
});
