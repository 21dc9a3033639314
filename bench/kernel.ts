// `npm run bench`: kernel speed and memory, the 1 → 2 worker speed-up of three batches, the CLI's
// start-up, the web app's load-to-first-result and planning. Every kernel case and every batch
// runs in a fresh child process (its peak memory is its own; a batch pays worker start-up and
// JIT warm-up as a user would); this process prints the tables. On a shared machine the figures
// move with the other work on it: the load average is printed beside them, repeats as ranges.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { simulateReplication } from '../sim/kernel/engine';
import { compileScenario, type CompiledModel } from '../sim/model/model';
import { validateScenario, type ScenarioInput } from '../sim/scenario/scenario';
import { plan } from '../sim/plan/planner';
import { simulate, simulateOnPool } from '../sim/simulate';
import { replicationPool } from '../cli/parallel';
import { BATCHES, defaultScenario, mm55, shippedScenario, timeBatch, type BatchTime } from './batches';
import { timeMinimalKernel } from './minimal-kernel';
import { shellWalls, withInstalledCopy } from './startup';

interface Measurement {
  label: string;
  arrivals: number;
  events: number;
  seconds: number;
  peakRssMiB: number;
}

const CASES: Record<string, { label: string; scenario: () => ScenarioInput | ReturnType<typeof defaultScenario> }> = {
  'mm55-1M': { label: 'M/M/55+M, 1,000,000 arrivals', scenario: () => mm55(1000) },
  'mm55-1d': { label: 'M/M/55+M, 1-day horizon', scenario: () => mm55(24) },
  'mm55-365d': { label: 'M/M/55+M, 365-day horizon', scenario: () => mm55(365 * 24) },
  'default-365d': { label: 'default scenario, 365 days', scenario: () => defaultScenario(365) },
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

const self = fileURLToPath(import.meta.url);

/** Runs this file in a fresh process with `args` and parses what it prints. */
function child<T>(args: string[]): T {
  const r = spawnSync(process.execPath, [self, ...args], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  return JSON.parse(r.stdout) as T;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const range = (xs: number[], digits: number) => {
  const [lo, hi] = [sorted(xs)[0].toFixed(digits), sorted(xs)[xs.length - 1].toFixed(digits)];
  return lo === hi ? lo : `${lo}–${hi}`;
};
const median = (xs: number[]) => sorted(xs)[Math.floor((xs.length - 1) / 2)];
const load = () => `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`;

function kernelTable(): void {
  const millions = (x: number) => `${(x / 1e6).toFixed(2)} M`;
  console.log(`followsun kernel benchmark (one core, one replication per case, after a warm-up run; ${load()})\n`);
  console.log(['case'.padEnd(34), 'arrivals'.padStart(11), 'contacts/s'.padStart(11), 'events/s'.padStart(11), 'time'.padStart(8), 'peak RSS'.padStart(10)].join(' '));
  for (const name of Object.keys(CASES)) {
    const m = child<Measurement>(['kernel', name]);
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
}

/** Two fresh processes at once, each running `args`: the wall time until both are done. */
function pairSeconds(args: string[]): Promise<number> {
  const start = performance.now();
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const p = spawn(process.execPath, [self, ...args], { stdio: 'ignore' });
      p.on('error', reject);
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a benchmark child exited with code ${code}`))));
    });
  return Promise.all([one(), one()]).then(() => (performance.now() - start) / 1000);
}

/** Each batch on 1 and on 2 workers, alternately, `rounds` times: the speed-up of each round, and
 * the CPU time 2 workers took for the same work, relative to 1. Beside it, what this machine
 * allows: two separate single-worker processes running the same batch at once do twice the work
 * in `pair` seconds, so 2 × one ÷ pair is the speed-up two cores give a batch with nothing shared
 * (each process's JIT compiler and garbage collector, which run beside a single worker on the idle
 * core, then compete for the two cores with the other process). */
async function workerTable(rounds: number): Promise<void> {
  console.log(`\nWorkers: a batch's wall time from a fresh process, 1 → 2 workers, ${rounds} rounds (${load()})`);
  for (const name of Object.keys(BATCHES)) {
    const one: BatchTime[] = [];
    const two: BatchTime[] = [];
    const pair: number[] = [];
    for (let r = 0; r < rounds; r++) {
      one.push(child<BatchTime>(['batch', name, '1']));
      two.push(child<BatchTime>(['batch', name, '2']));
      pair.push(await pairSeconds(['batch', name, '1']));
    }
    const speedUps = one.map((t, r) => t.seconds / two[r].seconds);
    const cpuRatios = one.map((t, r) => two[r].cpuSeconds / t.cpuSeconds);
    const ceilings = one.map((t, r) => (2 * t.seconds) / pair[r]);
    // One worker already keeps more than one core busy: V8 compiles and collects on the other.
    const coresBusy = one.map((t) => t.cpuSeconds / t.seconds);
    const besideMain = one.map((t) => t.cpuSeconds - t.mainThreadCpuSeconds);
    const seconds = (ts: BatchTime[]) => range(ts.map((t) => t.seconds), 2).padStart(9);
    console.log(
      `  ${BATCHES[name].label.padEnd(40)} 1 worker ${seconds(one)} s, 2 workers ${seconds(two)} s: ` +
        `speed-up ${range(speedUps, 2)}× (median ${median(speedUps).toFixed(2)}×); CPU time ×${range(cpuRatios, 2)}; ` +
        `two separate processes ${range(ceilings, 2)}× (median ${median(ceilings).toFixed(2)}×)`,
    );
    if (besideMain.every(Number.isFinite)) {
      console.log(
        `  ${''.padEnd(40)} 1 worker keeps ${range(coresBusy, 2)} cores busy (${range(besideMain, 2)} s of V8's compiler and collector ` +
          `beside its own thread): 2 cores allow at most ~${(2 / median(coresBusy)).toFixed(2)}× over it`,
      );
    }
  }
  await warmTable(3);
  // The machine's reference: a kernel with nothing to compile beyond its loop (bench/minimal-kernel.ts).
  const speedUps: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const [one, two] = [child<number>(['minimal', '1']), child<number>(['minimal', '2'])];
    speedUps.push(one / two);
  }
  console.log(
    `  ${'for scale: a minimal M/M/55+M kernel, 8 × 3 M'.padEnd(40)} 1 → 2 workers: speed-up ${range(speedUps, 2)}× (median ${median(speedUps).toFixed(2)}×) — ` +
      'what two threads give code that needs next to no compiling',
  );
}

/** Each batch again on threads that have run it once (their JIT compiling done), as the
 * planner's rounds after the first run on the threads `followsun plan` keeps. */
async function warmTable(rounds: number): Promise<void> {
  for (const name of Object.keys(BATCHES)) {
    const one: number[] = [];
    const two: number[] = [];
    for (let r = 0; r < rounds; r++) {
      one.push(child<BatchTime>(['batch', name, '1', 'warm']).seconds);
      two.push(child<BatchTime>(['batch', name, '2', 'warm']).seconds);
    }
    const speedUps = one.map((t, r) => t / two[r]);
    console.log(
      `  ${'  again on the same threads'.padEnd(40)} 1 worker ${range(one, 2).padStart(9)} s, 2 workers ${range(two, 2).padStart(9)} s: ` +
        `speed-up ${range(speedUps, 2)}× (median ${median(speedUps).toFixed(2)}×) — ${BATCHES[name].label}, ${rounds} rounds`,
    );
  }
}

function startupTable(times: number): void {
  console.log(`\nCommand line from a shell, installed layout, wall time over ${times} starts (${load()})`);
  const rows: [string, number[]][] = withInstalledCopy((folder) => [
    ['node -e 0 (for scale)', shellWalls('node -e 0', times, folder)],
    ['followsun erlang --rate 1000 --aht 180 --agents 55', shellWalls('node bin/followsun.mjs erlang --rate 1000 --aht 180 --agents 55', times, folder)],
    ['followsun schema', shellWalls('node bin/followsun.mjs schema', times, folder)],
    ['followsun run --replications 1 (default scenario)', shellWalls('node bin/followsun.mjs run --replications 1', times, folder)],
    ['followsun run (default scenario, 10 replications)', shellWalls('node bin/followsun.mjs run', times, folder)],
  ]);
  for (const [label, walls] of rows) console.log(`  ${label.padEnd(52)} ${range(walls, 2).padStart(10)} s (median ${median(walls).toFixed(2)} s)`);
}

async function appTable(loads: number): Promise<void> {
  const { appFirstResults } = await import('./app-first-result'); // playwright-core: only here
  const loadsMeasured = await appFirstResults(loads);
  const first = loadsMeasured.map((f) => f.firstMs);
  const complete = loadsMeasured.map((f) => f.completeMs);
  const replications = [...new Set(loadsMeasured.map((f) => f.replications))].join(' or ');
  console.log(`\nWeb app: navigation start to the default week's results, headless Chromium, ${loads} fresh loads (${load()})`);
  console.log(`  first result on screen (from ${replications} replications)   ${range(first, 0)} ms (median ${median(first).toFixed(0)} ms)`);
  console.log(`  every replication's result                     ${range(complete, 0)} ms (median ${median(complete).toFixed(0)} ms)`);
}

/** Plans the default scenario with every shift's head count left open (in-house too), as
 * `followsun plan` does (its verification runs on a pool of threads kept from round to round),
 * on 1 thread and on every core, against the default as shipped (in-house rosters given,
 * partners planned). The programme is solved in this thread. */
async function planningTime(): Promise<void> {
  const s = shippedScenario();
  const open = {
    ...s,
    staffing: s.staffing.map((p) => (p.type === 'ai' || !p.shifts ? p : { ...p, shifts: p.shifts.map((sh) => ({ ...sh, agents: 'auto' as const })) })),
  };
  const planOn = async (threads: number) => {
    const pool = replicationPool(threads);
    let simulating = 0;
    const timed = async (m: CompiledModel) => {
      const started = performance.now();
      const result = await simulateOnPool(m, pool);
      simulating += performance.now() - started;
      return result;
    };
    const start = performance.now();
    try {
      const result = await plan(open, { simulate: timed });
      return { result, seconds: (performance.now() - start) / 1000, simulatingSeconds: simulating / 1000 };
    } finally {
      await pool.close();
    }
  };
  const cores = availableParallelism();
  const [one, all] = [await planOn(1), await planOn(cores)];
  const shipped = simulate(compileScenario(s)).summary;
  const planned = all.result.verification.summary;
  const money = (x: number | null) => Math.round(x ?? NaN).toLocaleString('en-US');
  console.log(`\nPlanning (followsun plan on the default scenario, every shift open; ${load()})`);
  const trims = all.result.iterations.filter((it) => it.phase === 'trim').length;
  for (const [label, t] of [['1 thread', one], [`${cores} threads`, all]] as const) {
    console.log(`  on ${label.padEnd(10)} ${t.seconds.toFixed(1)} s, of which simulating ${t.simulatingSeconds.toFixed(1)} s (the rest solving the programme)`);
  }
  console.log(
    `  ${all.result.iterations.length - trims} simulate-and-correct and ${trims} trim rounds (the plan from round ${all.result.round}); targets met: ${all.result.met}; ` +
      `the same plan on both: ${JSON.stringify(one.result.plan) === JSON.stringify(all.result.plan)}`,
  );
  console.log(`  cost: every shift planned ${money(planned.costTotal.mean)} vs as shipped ${money(shipped.costTotal.mean)} ${s.currency} a week`);
  console.log(`  hours below target: ${planned.hoursBelowTarget.mean} vs ${shipped.hoursBelowTarget.mean}; uncovered: ${planned.uncoveredHours.mean} vs ${shipped.uncoveredHours.mean}`);
}

const [, , mode, name, workers, warm] = process.argv;
if (mode === 'kernel') process.stdout.write(JSON.stringify(measure(name)));
else if (mode === 'batch') process.stdout.write(JSON.stringify(await timeBatch(name, Number(workers), warm === 'warm')));
else if (mode === 'app') await appTable(Number(name ?? 3));
else if (mode === 'plan') await planningTime();
else if (mode === 'minimal') process.stdout.write(JSON.stringify(await timeMinimalKernel(Number(name), 8, 3_000_000)));
else {
  kernelTable();
  await workerTable(5);
  startupTable(7);
  await appTable(3);
  await planningTime();
}
