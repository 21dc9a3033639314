// A named pipe (FIFO) given as the scenario or the records: one that no program writes to blocked
// the command for ever in the open itself. It is read without blocking: a pipe that sends nothing
// for 10 s is refused in one line, and one with a writer (process substitution, a script) is
// still read, as /dev/stdin is.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectHandled, followsun, oneQueue, problemLines, startFollowsun, tempDir } from '../hostile-support';

const dir = tempDir('pipes');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);
const fifo = (name: string) => {
  expect(spawnSync('mkfifo', [at(name)]).status).toBe(0);
  return at(name);
};

describe('named pipes', () => {
  it('a scenario pipe nobody writes to is refused, as are records', () => {
    const scenario = fifo('nobody.yaml');
    const r = followsun(['run', scenario], { cwd: dir });
    expectHandled(r, 2);
    expect(problemLines(r.stderr)).toEqual(['nobody.yaml: a named pipe that nothing was written to for 10 s (start the program that writes it first)']);
    const records = fifo('nobody.csv');
    const i = followsun(['import', records, '--out', at('nobody-fitted.yaml')], { cwd: dir });
    expectHandled(i, 2);
    expect(problemLines(i.stderr)).toEqual(['nobody.csv: a named pipe that nothing was written to for 10 s (start the program that writes it first)']);
    expect(existsSync(at('nobody-fitted.yaml'))).toBe(false);
    // merge said "cannot read it (EPIPEIDLE)".
    const shard = fifo('nobody-shard.json');
    const m = followsun(['merge', shard, '--out', at('merged.json')], { cwd: dir });
    expectHandled(m, 2);
    expect(problemLines(m.stderr)).toEqual(['followsun merge: nobody-shard.json: a named pipe that nothing was written to for 10 s (start the program that writes it first)']);
  }, 120_000);

  it('a pipe whose writer comes a moment later is read', async () => {
    const scenario = fifo('later.yaml');
    writeFileSync(at('one.json'), JSON.stringify(oneQueue()));
    const run = startFollowsun(['run', scenario, '--replications', '1', '--json'], { cwd: dir });
    const writer = spawn('sh', ['-c', `sleep 1; cat "${at('one.json')}" > "${scenario}"`]);
    const [o] = await Promise.all([run.done, new Promise((resolve) => writer.on('close', resolve))]);
    expectHandled(o, 0);
    expect(JSON.parse(o.stdout).scenarios[0].name).toBe('One queue');
  }, 90_000);

  it('a slow writer is waited for (only a pipe nobody opens for writing is given up on)', async () => {
    const scenario = fifo('slow.yaml');
    const text = JSON.stringify(oneQueue(), null, 2);
    writeFileSync(at('slow-1.json'), text.slice(0, 20));
    writeFileSync(at('slow-2.json'), text.slice(20));
    const run = startFollowsun(['run', scenario, '--replications', '1', '--json'], { cwd: dir });
    const writer = spawn('sh', ['-c', `{ cat "${at('slow-1.json')}"; sleep 11; cat "${at('slow-2.json')}"; } > "${scenario}"`]);
    const [o] = await Promise.all([run.done, new Promise((resolve) => writer.on('close', resolve))]);
    expectHandled(o, 0);
    expect(JSON.parse(o.stdout).scenarios[0].name).toBe('One queue');
  }, 90_000);

  /** The command on a pipe that a writer fills once (as process substitution does). */
  const fromPipe = async (name: string, content: string, args: (pipe: string) => string[]) => {
    const pipe = fifo(name);
    writeFileSync(at(`${name}.source`), content);
    const run = startFollowsun(args(pipe), { cwd: dir });
    const writer = spawn('sh', ['-c', `cat "${at(`${name}.source`)}" > "${pipe}"`]);
    const [o] = await Promise.all([run.done, new Promise((resolve) => writer.on('close', resolve))]);
    return o;
  };

  it('run --shard from a pipe hashes what it read (reading the pipe again for the hash blocked for ever)', async () => {
    const o = await fromPipe('shard.yaml', JSON.stringify(oneQueue()), (pipe) => ['run', pipe, '--replications', '1', '--shard', '1/1', '--out', at('shard.json')]);
    expectHandled(o, 0);
    const shard = JSON.parse(readFileSync(at('shard.json'), 'utf8'));
    expect(shard.shard.scenarios).toEqual([`sha256:${createHash('sha256').update(JSON.stringify(oneQueue())).digest('hex')}`]);
  }, 90_000);

  it('plan --out from a pipe writes the plan into the text it read (reading the pipe again blocked for ever)', async () => {
    const open = oneQueue();
    delete open.staffing[0].agents;
    open.staffing[0].shifts = [{ days: 'daily', start: '00:00', end: '24:00', agents: 'auto' }];
    const o = await fromPipe('open.yaml', `# planned from a pipe\n${JSON.stringify(open, null, 2)}\n`, (pipe) => ['plan', pipe, '--out', at('planned.yaml')]);
    expect([0, 1], o.stderr).toContain(o.status);
    expect(o.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(at('planned.yaml'), 'utf8')).toMatch(/^# planned from a pipe/);
  }, 120_000);
});
