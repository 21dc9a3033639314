// `followsun plan --compare` and `--report` compare on the plan command's own pool of threads
// (compareOnPool: the comparison of one thread, bit for bit; Ctrl-C stops handing out work and
// leaves no comparison of a part), and a comparison of plans over different periods is called one,
// as compare's and report's are.
import { afterAll, describe, expect, it } from 'vitest';
import { ReplicationPool } from '../../sim/batch';
import { compareModels, compareOnPool, compileForComparison } from '../../sim/compare';
import { parseScenario } from '../../sim/scenario/scenario';
import { TWO_LANGUAGES } from '../e2e/two-languages';
import { deskYaml, followsunChild, InProcessThread, OPEN_SHIFTS, scratchFiles } from '../support';

const file = scratchFiles('plan-compare');

describe('the comparison plan makes on its pool of threads (compareOnPool)', () => {
  const scenario = (text: string) => parseScenario(text.replace('replications: 4', 'replications: 40'), 'two.yaml');
  const models = compileForComparison([scenario(TWO_LANGUAGES), scenario(TWO_LANGUAGES.replace('agents: 6 }', 'agents: 9 }'))]);
  const pool = new ReplicationPool(2, () => new InProcessThread(() => 1));
  afterAll(() => pool.close());

  it('is the comparison made in one thread, bit for bit, when nothing stops it', async () => {
    expect(await compareOnPool(models, pool, undefined, { aborted: false })).toEqual(compareModels(models));
  });

  it('stops handing out replications once stopped (Ctrl-C), and gives no comparison of the part done', async () => {
    const signal = { aborted: false };
    let done = 0;
    const comparison = await compareOnPool(models, pool, (n) => ((done = n), (signal.aborted = true)), signal);
    expect(comparison).toBeUndefined();
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(80);
  });
});

describe('plan --compare of scenarios over different periods', () => {
  it('warns that their differences include the period, as compare and report do', async () => {
    const march = file('march.yaml', deskYaml({ replications: 2, perHour: 20, shifts: OPEN_SHIFTS }));
    const april = file('april.yaml', deskYaml({ start: '2026-04-06T00:00:00Z', replications: 2, perHour: 20, shifts: OPEN_SHIFTS }));
    const o = await followsunChild('plan', '--compare', march, april, '--max-iterations', '2');
    expect(o.stderr).not.toMatch(/internal error|^\s+at /m);
    expect([0, 1]).toContain(o.status);
    expect(o.stdout).toContain('Comparing against Desk');
    expect(o.stderr).toContain('followsun plan --compare: warning: the scenarios cover different time windows; their differences include that');
  });
});
