// Outputs that would destroy something (review of the command line): an output naming one of the
// command's inputs is refused and the input kept; a symlink is written through, keeping the link;
// a FIFO or device is written in place instead of being replaced by a regular file.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectHandled, followsun, followsunMany, oneQueue, problemLines, ROOT, startFollowsun, tempDir } from '../hostile-support';

const dir = tempDir('outputs');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

const scenarioText = `${JSON.stringify(oneQueue(), null, 2)}\n`;
writeFileSync(at('one.yaml'), scenarioText);
writeFileSync(at('two.yaml'), scenarioText.replace('One queue', 'Two queue'));
symlinkSync('one.yaml', at('link.yaml'));

describe('an output naming an input', () => {
  it('is refused with one line, before simulating, and the input is unchanged', () => {
    const cases: [string, string[]][] = [
      ['run', ['run', 'one.yaml', '--out', 'one.yaml']],
      ['run through a symlink', ['run', 'one.yaml', '--out', 'link.yaml']],
      ['run, input a symlink', ['run', 'link.yaml', '--out', 'one.yaml']],
      ['sweep', ['sweep', 'one.yaml', '--vary', 'staffing.team.agents=5..6:1', '--out', 'one.yaml']],
      ['sweep --report', ['sweep', 'one.yaml', '--vary', 'staffing.team.agents=5..6:1', '--out', 'x.csv', '--report', 'one.yaml']],
      ['report', ['report', 'one.yaml', 'two.yaml', '-o', 'two.yaml']],
    ];
    const outcomes = followsunMany(cases.map(([, args]) => ({ args, cwd: dir })));
    outcomes.forEach((o, k) => {
      expectHandled(o, 2);
      const lines = problemLines(o.stderr);
      expect(lines, cases[k][0]).toHaveLength(1);
      expect(lines[0], cases[k][0]).toMatch(/input.*name another file/);
      expect(o.stderr, cases[k][0]).not.toMatch(/Simulating/);
    });
    expect(readFileSync(at('one.yaml'), 'utf8')).toBe(scenarioText);
    expect(readFileSync(at('two.yaml'), 'utf8')).toBe(scenarioText.replace('One queue', 'Two queue'));
    expect(lstatSync(at('link.yaml')).isSymbolicLink()).toBe(true);
  });

  it('merge refuses to write over one of its shards', () => {
    const shard = ['run', 'one.yaml', '--replications', '1', '--shard', '1/1', '--out', 'shard1.json'];
    expectHandled(followsun(shard, { cwd: dir }), 0);
    const before = readFileSync(at('shard1.json'), 'utf8');
    const o = followsun(['merge', 'shard1.json', '--out', 'shard1.json'], { cwd: dir });
    expectHandled(o, 2);
    expect(o.stderr).toMatch(/shard1\.json: is an input/);
    expect(readFileSync(at('shard1.json'), 'utf8')).toBe(before);
  });
});

describe('outputs that are not regular files', () => {
  it('a symlink is written through to its target and stays a link', () => {
    symlinkSync('target.json', at('out-link.json'));
    const o = followsun(['run', 'one.yaml', '--replications', '1', '--out', 'out-link.json'], { cwd: dir });
    expectHandled(o, 0);
    expect(lstatSync(at('out-link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(at('out-link.json'))).toBe('target.json');
    expect(JSON.parse(readFileSync(at('target.json'), 'utf8')).scenarios).toHaveLength(1);
    // And again, now that the target exists.
    expectHandled(followsun(['run', 'one.yaml', '--replications', '1', '--out', 'out-link.json'], { cwd: dir }), 0);
    expect(lstatSync(at('out-link.json')).isSymbolicLink()).toBe(true);
  });

  it('a FIFO is written in place, not replaced', async () => {
    const fifo = at('results.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (d) => (read += d));
    const readerDone = new Promise((resolve) => reader.on('close', resolve));
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'followsun.mjs'), 'run', 'one.yaml', '--replications', '1', '--out', fifo], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const status = await new Promise((resolve) => child.on('close', resolve));
    await readerDone;
    expect(status, stderr).toBe(0);
    expect(JSON.parse(read).scenarios).toHaveLength(1);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  }, 60_000);
});

describe('Ctrl-C (or SIGTERM) during one long replication', () => {
  // One replication of about 44 M contacts (365 days at 5,000 an hour): far above the 3 M that
  // makes a replication run on a worker thread even alone, and long enough (15 s or more) that
  // it cannot finish in the second of grace after the signal, however fast the machine is that
  // day (100 days once did, on a quiet one).
  const long: Record<string, any> = { ...oneQueue(), name: 'Long', replications: 1, horizon: { start: '2026-03-23T00:00:00Z', days: 365 } };
  long.demand[0].volume.perHour = 5000;
  long.staffing[0].agents = 260;
  writeFileSync(at('long.json'), JSON.stringify(long));

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s ends it: exit %i, an Interrupted line, the missing scenario listed', async (signal, code) => {
    const run = startFollowsun(['run', 'long.json', '--workers', '1', '--out', 'long-results.json'], { cwd: dir });
    for (let waited = 0; !/Simulating: replication 0\/1/.test(run.stderr()) && waited < 40_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(run.stderr()).toMatch(/Simulating: replication 0\/1/);
    run.child.kill(signal);
    const o = await run.done;
    expect(o.status, o.stderr).toBe(code);
    expect(o.stderr).toMatch(/Interrupted: 0 of 1 scenarios finished; missing: long\.json/);
    expect(o.stderr).not.toMatch(/\n\s+at /);
    const document = JSON.parse(readFileSync(at('long-results.json'), 'utf8'));
    expect(document.partial).toEqual({ reason: 'interrupted', missing: [{ index: 0, file: 'long.json' }] });
  }, 90_000);

  it('Ctrl-C while the last replication finishes: every result is printed, and the exit is still 130', async () => {
    // A tiny scenario, then one of 2.4 M contacts (20 days at 5,000 an hour): under the 3 M that
    // moves a lone replication to a worker, so both run on the main thread, which sees a signal
    // only between replications. The signal is sent while the second is being simulated.
    const last: Record<string, any> = { ...oneQueue(), name: 'Last', replications: 1, horizon: { start: '2026-03-23T00:00:00Z', days: 20 } };
    last.demand[0].volume.perHour = 5000;
    last.staffing[0].agents = 260;
    writeFileSync(at('first.json'), JSON.stringify({ ...oneQueue(), name: 'First', replications: 1 }));
    writeFileSync(at('last.json'), JSON.stringify(last));
    const run = startFollowsun(['run', 'first.json', 'last.json', '--workers', '1'], { cwd: dir });
    for (let waited = 0; !/First/.test(run.stdout()) && waited < 40_000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(run.stdout()).toMatch(/First/);
    await new Promise((resolve) => setTimeout(resolve, 200)); // well inside the second replication (≥ 0.8 s)
    run.child.kill('SIGINT');
    const o = await run.done;
    expect(o.status, o.stderr).toBe(130);
    expect(o.stderr).toMatch(/Interrupted, but every replication had finished: the output is complete/);
    expect(o.stdout).toMatch(/Last/);
  }, 90_000);

  it('report: Ctrl-C exits 130, no report written', async () => {
    const run = startFollowsun(['report', 'long.json', 'long.json', '--replications', '1', '--workers', '1', '-o', 'long.html'], { cwd: dir });
    for (let waited = 0; !/replication 0\/2/.test(run.stderr()) && waited < 40_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(run.stderr()).toMatch(/replication 0\/2/);
    run.child.kill('SIGINT');
    const o = await run.done;
    expect(o.status, o.stderr).toBe(130);
    expect(o.stderr).toMatch(/interrupted: no report written/);
    expect(existsSync(at('long.html'))).toBe(false);
  }, 90_000);
});

describe('command-line messages', () => {
  it('negative numbers, misspelt report flags, stray schema arguments, --agents with --target', () => {
    const cases: [string[], RegExp][] = [
      [['run', 'one.yaml', '--workers', '-1'], /^followsun: --workers: expected a number that is not negative, got -1$/],
      [['run', 'one.yaml', '--seed', '-1'], /^followsun: --seed: expected a number that is not negative, got -1$/],
      [['report', 'one.yaml', 'two.yaml', '--replicatons', '3', '-o', 'x.html'], /^followsun report: unknown option --replicatons \(did you mean --replications\?\)$/],
      [['schema', 'extra'], /^followsun: schema takes no arguments/],
      [['schema', '--foo'], /^followsun: schema takes no arguments/],
      [['erlang', '--rate', '1000', '--aht', '180', '--agents', '55', '--target', '0.8'], /not both/],
    ];
    const outcomes = followsunMany(cases.map(([args]) => ({ args, cwd: dir })));
    outcomes.forEach((o, k) => {
      expectHandled(o, 2);
      expect(problemLines(o.stderr), o.args.join(' ')).toHaveLength(1);
      expect(problemLines(o.stderr)[0], o.args.join(' ')).toMatch(cases[k][1]);
      expect(o.stdout).toBe('');
    });
  });

  it('erlang --target 0 still recommends more agents than the offered load (Erlang C; with patience abandonment keeps fewer stable); --version', () => {
    const [zero, patient, version] = followsunMany([
      { args: ['erlang', '--rate', '1000', '--aht', '180', '--target', '0', '--json'] },
      { args: ['erlang', '--rate', '1000', '--aht', '180', '--target', '0', '--patience', '60', '--json'] },
      { args: ['--version'] },
    ]);
    expectHandled(zero, 0);
    const figures = JSON.parse(zero.stdout);
    expect(figures.agents).toBeGreaterThan(50); // 50 Erlangs offered
    expect(figures.stable).toBe(true);
    expectHandled(patient, 0);
    expect(JSON.parse(patient.stdout).agents).toBeLessThan(50);
    expectHandled(version, 0);
    expect(version.stdout).toMatch(/^followsun \d+\.\d+\.\d+/);
  });
});

describe('a closed or full standard output', () => {
  const cli = `"${process.execPath}" "${join(ROOT, 'bin', 'followsun.mjs')}"`;
  const shell = (script: string) => spawnSync('bash', ['-c', `set -o pipefail; ${script}`], { cwd: dir, encoding: 'utf8', timeout: 60_000 });

  it('a reader that stops early (| head -c1) ends the command quietly', () => {
    for (const command of ['schema', 'run one.yaml --replications 2 --json']) {
      const r = shell(`${cli} ${command} | head -c1 > /dev/null`);
      expect(r.stderr, command).toBe('');
      expect(r.status, command).toBe(0);
    }
  });

  it.skipIf(!existsSync('/dev/full'))('a full disk is one line, no stack trace', () => {
    const r = shell(`${cli} erlang --rate 1000 --aht 180 --agents 55 > /dev/full`);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['followsun: cannot write the output (the disk is full)']);
  });
});

describe('backtest', () => {
  const big: Record<string, any> = { ...oneQueue(), name: 'Big', horizon: { start: '2026-03-02T00:00:00Z', days: 7 } };
  big.demand[0].volume.perHour = 100_000;
  writeFileSync(at('big.json'), JSON.stringify(big));
  const records = 'arrival,queue,outcome,wait_seconds,handle_seconds,agent\n2026-03-02 09:15:00,en,answered,12,300,a1\n2026-03-02 09:16:00,en,abandoned,40,0,\n2026-03-03 09:17:00,en,answered,5,200,a2\n';
  writeFileSync(at('records.csv'), records);

  it('refuses work over the limits, as run does, and an output naming an input', () => {
    const [work, report] = followsunMany([
      { args: ['backtest', 'big.json', 'records.csv', '--replications', '10000'], cwd: dir },
      { args: ['backtest', 'big.json', 'records.csv', '--report', 'records.csv'], cwd: dir },
    ]);
    expectHandled(work, 2);
    expect(problemLines(work.stderr)).toHaveLength(1);
    expect(work.stderr).toMatch(/big\.json: --replications: about .* billion contacts .*--allow-large-runs/);
    expectHandled(report, 2);
    expect(problemLines(report.stderr)).toEqual(['followsun: --report records.csv: is an input of this command; writing it would replace it — name another file']);
    expect(readFileSync(at('records.csv'), 'utf8')).toBe(records);
  });

  it('import --out naming the records is refused and the records kept; an unwritable --out before the records are read', () => {
    writeFileSync(at('not-records.csv'), 'this is not a table of contacts\n');
    const [same, unwritable] = followsunMany([
      { args: ['import', 'records.csv', '--out', 'records.csv'], cwd: dir },
      { args: ['import', 'not-records.csv', '--out', '/proc/no-such-folder/fitted.yaml'], cwd: dir },
    ]);
    expectHandled(same, 2);
    expect(problemLines(same.stderr)).toEqual(['followsun: --out records.csv: is an input of this command; writing it would replace it — name another file']);
    expect(readFileSync(at('records.csv'), 'utf8')).toBe(records);
    expectHandled(unwritable, 2);
    expect(problemLines(unwritable.stderr)).toHaveLength(1);
    expect(unwritable.stderr).toMatch(/^followsun: --out \/proc\/no-such-folder\/fitted\.yaml: /);
  });
});

describe('sweep', () => {
  it('refuses --vary seed and --vary replications, pointing at the flags', () => {
    const outcomes = followsunMany([
      { args: ['sweep', 'one.yaml', '--vary', 'seed=1..3:1', '--out', 'seed.csv'], cwd: dir },
      { args: ['sweep', 'one.yaml', '--vary', 'replications=1..2:1', '--out', 'reps.csv'], cwd: dir },
    ]);
    outcomes.forEach((o, k) => {
      expectHandled(o, 2);
      expect(problemLines(o.stderr)[0]).toMatch(k === 0 ? /--vary seed: .*--seed N/ : /--vary replications: .*--replications N/);
    });
  });

  it('counts the memory of every point (about 50 KB each, not 4× the scenario): 20,000 points of a tiny scenario are refused within 512 MB', () => {
    const tiny: Record<string, any> = { ...oneQueue(), horizon: { start: '2026-03-23T00:00:00Z', hours: 1, warmupHours: 0 } };
    writeFileSync(at('tiny.json'), JSON.stringify(tiny));
    const [o] = followsunMany([{ args: ['sweep', 'tiny.json', '--vary', 'staffing.team.agents=1..100:1', '--vary', 'staffing.team.cost.perHour=1..200:1', '--out', 'tiny.csv'], cwd: dir }]);
    expectHandled(o, 2);
    expect(problemLines(o.stderr)).toHaveLength(1);
    expect(o.stderr).toMatch(/--vary: about .* of memory .*20,000 points/);
  });
});
