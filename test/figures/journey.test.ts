// journeySeconds: what a customer who reaches a person lived through — the time spent with the AI
// front door before the handoff plus the wait in the human queue. ASA is the wait alone. With an AI
// conversation of a fixed length both are known by hand: journey = ASA + that length for every chat
// handed over, and callers the AI never sees add their wait only.
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../sim/kernel/engine';
import { compileScenario } from '../../sim/model/model';
import { validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { SUMMARY_FIGURES } from '../../sim/stats/metrics';
import { runReplication } from '../../sim/simulate';
import { run } from '../support';

type Pool = ScenarioInput['staffing'][number];
type Stream = ScenarioInput['demand'][number];

const bot = (containment: number): Pool => ({
  id: 'bot',
  type: 'ai',
  skills: ['en'],
  channels: ['chat'],
  containment: { default: containment },
  handleTime: { dist: 'deterministic', mean: 90 },
});
const chats: Stream = { id: 'chats', language: 'en', channel: 'chat', volume: { perHour: 60 }, handleTime: { dist: 'exponential', mean: 300 }, patience: { dist: 'exponential', mean: 600 } };
const calls: Stream = { id: 'calls', language: 'en', volume: { perHour: 60 }, handleTime: { dist: 'exponential', mean: 300 }, patience: { dist: 'exponential', mean: 600 } };

function desk(demand: Stream[], staffing: Pool[]): ScenarioInput {
  return { name: 'journey', horizon: { start: '2026-03-23T00:00:00Z', days: 1, warmupHours: 4 }, seed: 9, replications: 3, demand, staffing };
}

describe('a customer’s journey is the time with the AI plus the wait for a person', () => {
  it('plenty of agents: nobody waits, and every chat handed over has spent exactly 90 s with the AI', () => {
    const r = run(desk([chats], [bot(0), { id: 'team', skills: ['en'], channels: ['chat'], agents: 40 }]));
    expect(r.summary.asaSeconds.mean).toBe(0);
    expect(r.summary.journeySeconds.mean).toBeCloseTo(90, 9);
  });

  it('a stretched team: journey = ASA + 90 s in every replication', () => {
    // 5 Erlangs of chats on 5 agents: people wait.
    const r = run(desk([chats], [bot(0), { id: 'team', skills: ['en'], channels: ['chat'], agents: 5 }]));
    expect(r.summary.asaSeconds.mean!).toBeGreaterThan(30);
    expect(r.summary.journeySeconds.mean!).toBeCloseTo(r.summary.asaSeconds.mean! + 90, 6);
    // The same shift of the interval: both are means of per-replication values that differ by 90.
    expect(r.summary.journeySeconds.ci95![0]).toBeCloseTo(r.summary.asaSeconds.ci95![0] + 90, 6);
  });

  it('contained chats never reach a person and add nothing; the chats handed over still spent 90 s', () => {
    const r = run(desk([chats], [bot(0.5), { id: 'team', skills: ['en'], channels: ['chat'], agents: 40 }]));
    expect(r.summary.contained.mean!).toBeGreaterThan(0);
    expect(r.summary.journeySeconds.mean).toBeCloseTo(90, 9);
  });

  it('callers the AI never sees add their wait only: with nobody waiting, journey = 90 s × the chats’ share of those answered, replication by replication', () => {
    const model = compileScenario(validateScenario(desk([chats, calls], [bot(0), { id: 'team', skills: ['en'], channels: ['voice', 'chat'], agents: 60 }]), 'journey.yaml'));
    const chat = model.queues.findIndex((q) => q.channel === 'chat');
    for (let r = 0; r < model.replications; r++) {
      const figures = runReplication(model, r).summary;
      const t = simulateReplication(model, r); // the same replication again, its raw counts
      let chatAnswered = 0;
      let answered = 0;
      for (let i = 0; i < model.intervalCount; i++) {
        for (let q = 0; q < t.queueCount; q++) answered += t.answered[i * t.queueCount + q];
        chatAnswered += t.answered[i * t.queueCount + chat];
      }
      expect(chatAnswered / answered).toBeGreaterThan(0.4);
      expect(figures[SUMMARY_FIGURES.indexOf('asaSeconds')]).toBe(0);
      expect(figures[SUMMARY_FIGURES.indexOf('journeySeconds')]).toBeCloseTo((90 * chatAnswered) / answered, 9);
    }
  });
});
