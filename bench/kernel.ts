// `npm run bench`: kernel speed and memory. Each case runs in a fresh child process so that its
// peak memory (max RSS) is its own; the parent prints the table.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { simulateReplication } from '../sim/kernel/engine';
import { compileScenario } from '../sim/model/model';
import { parseScenario, validateScenario, type ScenarioInput } from '../sim/scenario/scenario';
import { availableParallelism } from 'node:os';
import { DEFAULT_SCENARIO } from '../cli/files';
import { compileJobs, runJobs } from '../cli/parallel';
import { plan } from '../sim/plan/planner';
import { simulate } from '../sim/simulate';

interface Measurement {
  label: string;
  arrivals: number;
  events: number;
  seconds: number;
  peakRssMiB: number;
}

/** M/M/55+M at 1,000 calls an hour (AHT 180 s, patience 120 s) for `hours`. */
function mm55(hours: number): ScenarioInput {
  return {
    name: 'M/M/55+M',
    horizon: { start: '2026-01-05T00:00:00Z', hours, warmupHours: 1 },
    replications: 1,
    demand: [
      {
        id: 'calls',
        language: 'en',
        volume: { perHour: 1000 },
        handleTime: { dist: 'exponential', mean: 180 },
        patience: { dist: 'exponential', mean: 120 },
      },
    ],
    staffing: [{ id: 'team', skills: ['en'], agents: 55 }],
  };
}

const CASES: Record<string, { label: string; scenario: () => ScenarioInput | ReturnType<typeof parseScenario> }> = {
  'mm55-1M': { label: 'M/M/55+M, 1,000,000 arrivals', scenario: () => mm55(1000) },
  'mm55-1d': { label: 'M/M/55+M, 1-day horizon', scenario: () => mm55(24) },
  'mm55-365d': { label: 'M/M/55+M, 365-day horizon', scenario: () => mm55(365 * 24) },
  'default-365d': {
    label: 'default scenario, 365 days',
    scenario: () => {
      const s = parseScenario(readFileSync(DEFAULT_SCENARIO, 'utf8'), 'default.yaml');
      return { ...s, horizon: { ...s.horizon, days: 365, hours: undefined } };
    },
  },
};

function measure(caseName: string): Measurement {
  const c = CASES[caseName];
  const model = compileScenario(validateScenario(c.scenario(), caseName), { replications: 1 });
  simulateReplication(model, 1); // warm the JIT on a different replication
  const start = performance.now();
  const t = simulateReplication(model, 0);
  const seconds = (performance.now() - start) / 1000;
  return { label: c.label, arrivals: t.arrivals, events: t.events, seconds, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

/** Wall time of a batch on 1 worker and on all cores; worker start-up and JIT warm-up are
 * included, as a user would see them. */
async function workerSpeedUp(label: string, scenario: ScenarioInput | ReturnType<typeof parseScenario>, replications: number): Promise<void> {
  const models = compileJobs([{ scenario: validateScenario(scenario, label), options: { replications } }]);
  const time = async (workers: number) => {
    const start = performance.now();
    await runJobs(models, () => {}, { workers });
    return (performance.now() - start) / 1000;
  };
  const cores = availableParallelism();
  const one = await time(1);
  const all = await time(cores);
  console.log(`${label.padEnd(44)} ${one.toFixed(2).padStart(6)} s on 1 worker, ${all.toFixed(2).padStart(6)} s on ${cores}: speed-up ${(one / all).toFixed(2)}×`);
}

const [, , caseName] = process.argv;
if (caseName) {
  process.stdout.write(JSON.stringify(measure(caseName)));
} else {
  const self = fileURLToPath(import.meta.url);
  const millions = (x: number) => `${(x / 1e6).toFixed(2)} M`;
  console.log('followsun kernel benchmark (one core, one replication per case, after a warm-up run)\n');
  console.log(['case'.padEnd(34), 'arrivals'.padStart(11), 'contacts/s'.padStart(11), 'events/s'.padStart(11), 'time'.padStart(8), 'peak RSS'.padStart(10)].join(' '));
  for (const name of Object.keys(CASES)) {
    const child = spawnSync(process.execPath, [self, name], { encoding: 'utf8' });
    if (child.status !== 0) {
      console.error(child.stderr);
      process.exit(1);
    }
    const m = JSON.parse(child.stdout) as Measurement;
    console.log(
      [
        m.label.padEnd(34),
        m.arrivals.toLocaleString('en-US').padStart(11),
        millions(m.arrivals / m.seconds).padStart(11),
        millions(m.events / m.seconds).padStart(11),
        `${m.seconds.toFixed(2)} s`.padStart(8),
        `${m.peakRssMiB.toFixed(0)} MiB`.padStart(10),
      ].join(' '),
    );
  }
  console.log('\nWorker threads');
  await workerSpeedUp('M/M/55+M, 8 replications of 1,000,000 arrivals', mm55(1000), 8);
  const s = parseScenario(readFileSync(DEFAULT_SCENARIO, 'utf8'), 'default.yaml');
  await workerSpeedUp('default scenario, 8 replications of 13 weeks', { ...s, horizon: { ...s.horizon, days: 91, hours: undefined } }, 8);
  await planningTime(s);
}

/** Plans the default scenario with every shift's head count left open (in-house too), as
 * `followsun plan` would (verification runs on this thread), against the default as shipped
 * (in-house rosters given, partners planned). */
async function planningTime(s: ReturnType<typeof parseScenario>): Promise<void> {
  const open = {
    ...s,
    staffing: s.staffing.map((p) => (p.type === 'ai' || !p.shifts ? p : { ...p, shifts: p.shifts.map((sh) => ({ ...sh, agents: 'auto' as const })) })),
  };
  const start = performance.now();
  const result = await plan(open, { simulate: (m) => simulate(m) });
  const seconds = (performance.now() - start) / 1000;
  const shipped = simulate(compileScenario(s)).summary;
  const planned = result.verification.summary;
  const money = (x: number | null) => Math.round(x ?? NaN).toLocaleString('en-US');
  console.log('\nPlanning (followsun plan on the default scenario, every shift open)');
  console.log(`  ${seconds.toFixed(1)} s, ${result.iterations.length} simulate-and-correct iterations; targets met: ${result.met}`);
  console.log(`  cost: every shift planned ${money(planned.costTotal.mean)} vs as shipped ${money(shipped.costTotal.mean)} ${s.currency} a week`);
  console.log(`  hours below target: ${planned.hoursBelowTarget.mean} vs ${shipped.hoursBelowTarget.mean}; uncovered: ${planned.uncoveredHours.mean} vs ${shipped.uncoveredHours.mean}`);
}
