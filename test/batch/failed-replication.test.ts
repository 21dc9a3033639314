// A replication that throws (a bug, not bad input) fails its own scenario or sweep point only:
// the batch runs the unfinished ones again one at a time, names the one that fails, and still
// finishes the others.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CompiledModel } from '../../sim/model/model';
import { followsun } from '../cli-in-process';

vi.mock('../../sim/simulate', async (original) => {
  const actual = await original<typeof import('../../sim/simulate')>();
  return {
    ...actual,
    runReplication: (m: CompiledModel, r: number) => {
      // The desk with 3 agents breaks on its second replication.
      if (m.pools.some((p) => p.roster.shiftAgents.some((a) => a === 3)) && r === 1) throw new Error('the kernel broke');
      return actual.runReplication(m, r);
    },
  };
});

const desk = (agents: number) => `name: Desk of ${agents}
horizon: { start: 2026-03-23T00:00:00Z, hours: 4 }
replications: 2
demand:
  - { id: calls, language: en, volume: { perHour: 60 }, handleTime: { dist: exponential, mean: 180 } }
staffing:
  - { id: team, skills: [en], agents: ${agents} }
`;

describe('a replication that fails', () => {
  const dir = mkdtempSync(join(tmpdir(), 'followsun-failed-'));
  const [good, bad] = [join(dir, 'good.yaml'), join(dir, 'bad.yaml')];
  writeFileSync(good, desk(5));
  writeFileSync(bad, desk(3));

  it('fails its own scenario of a batch; the others are still simulated (exit 2)', async () => {
    const r = await followsun('run', bad, good, '--json', '--workers', '1');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad}: the simulation failed: the kernel broke`);
    const document = JSON.parse(r.stdout);
    expect(document.scenarios.map((s: { name: string }) => s.name)).toEqual(['Desk of 5']);
    expect(document.errors.map((e: { index: number }) => e.index)).toEqual([0]);
  });

  it('fails its own point of a sweep; the other points are still simulated', async () => {
    const out = join(dir, 'sweep.csv');
    const r = await followsun('sweep', good, '--vary', 'staffing.team.agents=3..5:2', '--out', out, '--workers', '1');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`with staffing.team.agents=3: the simulation failed: the kernel broke`);
    const values = readFileSync(out, 'utf8').trim().split('\n').slice(1).filter((l) => !l.startsWith('#')).map((l) => l.split(',')[1]);
    expect(values).toEqual(['5']);
  });
});
