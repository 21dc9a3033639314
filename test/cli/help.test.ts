// `followsun --help` and `followsun <command> --help` as a new user meets them; every command
// explains its options and shows an example that works. Help runs in-process (fast); the sweep
// example runs the real bin script in a child process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../sim/scenario/scenario';
import { DEFAULT_SCENARIO } from '../../cli/files';
import { followsun } from '../cli-in-process';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The real bin script, in a child process from the project folder. */
function followsunBin(...args: string[]): Outcome {
  const r = spawnSync(process.execPath, ['bin/followsun.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (r.error) throw r.error;
  const stderr = r.stderr.split('\n').filter((line) => !/replication \d+\/\d+ \(\d+%\)/.test(line)).join('\n');
  return { status: r.status, stdout: r.stdout, stderr };
}

/** The commands `followsun --help` lists: "  name   summary" lines under "Commands:". */
function listedCommands(help: string): string[] {
  const section = help.split('Commands:\n')[1]?.split('\n\n')[0] ?? '';
  return section.split('\n').map((line) => /^ {2}(\w+) {3,}\S/.exec(line)?.[1] ?? '').filter(Boolean);
}

/** The lines under "Example:" or "Examples:", without their indentation. */
function examplesIn(help: string): string[] {
  const section = help.split(/^Examples?:\n/m)[1] ?? '';
  return section.split('\n').filter((line) => line.startsWith('  ')).map((line) => line.trim());
}

const topLevel = await followsun('--help');
const COMMANDS = listedCommands(topLevel.stdout);

describe('followsun --help', () => {
  it('lists every command with one line about it, and exits 0', () => {
    expect(topLevel.status).toBe(0);
    expect(topLevel.stderr).toBe('');
    expect(COMMANDS).toEqual(expect.arrayContaining(['run', 'compare', 'report', 'sweep', 'merge', 'erlang', 'schema', 'help']));
    expect(topLevel.stdout).toContain('followsun COMMAND --help');
  });

  it('is also what -h, help and no arguments at all print', async () => {
    for (const args of [['-h'], ['help'], []]) {
      const o = await followsun(...args);
      expect(o.status, args.join(' ')).toBe(0);
      expect(o.stdout, args.join(' ')).toBe(topLevel.stdout);
    }
  });
});

describe.each(COMMANDS)('followsun %s --help', (command) => {
  let help: Outcome;
  beforeAll(async () => {
    help = await followsun(command, '--help');
  });

  it('prints the usage, every option with an explanation, and an example; exit 0', () => {
    expect(help.status).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toMatch(new RegExp(`^Usage: followsun ${command}\\b`));
    const options = help.stdout.split('Options:\n')[1]?.split('\n\n')[0].split('\n') ?? [];
    expect(options).toContainEqual(expect.stringMatching(/^ {2}-h, --help {3,}show this help$/));
    // An option, at least three spaces, then its explanation: no option left unexplained.
    for (const line of options) expect(line).toMatch(/^ {2}-\S.*? {3,}\S.{8,}$/);
    const examples = examplesIn(help.stdout);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(example.startsWith(`followsun ${command}`)).toBe(true);
  });

  it('is the same with -h, with followsun help, and despite other mistakes on the line', async () => {
    expect((await followsun(command, '-h')).stdout).toBe(help.stdout);
    expect((await followsun('help', command)).stdout).toBe(help.stdout);
    const alsoWrong = await followsun(command, '--no-such-option', '--help');
    expect(alsoWrong.status).toBe(0);
    expect(alsoWrong.stdout).toBe(help.stdout);
  });

  it('names only scenario files and folders that exist in its examples', () => {
    const paths = examplesIn(help.stdout).flatMap((e) => e.split(' ').filter((word) => /^scenarios\//.test(word)));
    for (const path of paths) expect(existsSync(join(ROOT, path)), path).toBe(true);
  });
});

describe('the erlang examples in the help', () => {
  it('run as printed', async () => {
    const examples = examplesIn((await followsun('erlang', '--help')).stdout);
    expect(examples.length).toBeGreaterThan(1);
    for (const example of examples) {
      const o = await followsun(...example.split(' ').slice(1));
      expect(o.status, example).toBe(0);
      expect(o.stderr, example).toBe('');
      expect(o.stdout, example).toMatch(/^Erlang [AC]: /);
    }
  });
});

describe('a mistake on the command line', () => {
  it('names a misspelt option with the one meant, and points to the command help', async () => {
    const o = await followsun('run', '--replicatons', '3');
    expect(o.status).toBe(2);
    expect(o.stdout).toBe('');
    expect(o.stderr).toContain('unknown option --replicatons (did you mean --replications?)');
    expect(o.stderr).toContain('Usage: followsun run');
    expect(o.stderr).toContain('followsun run --help');
  });

  it('names an unknown command and lists the real ones', async () => {
    const o = await followsun('simulate');
    expect(o.status).toBe(2);
    expect(o.stderr).toContain("unknown command 'simulate'");
    for (const command of COMMANDS) expect(o.stderr).toContain(command);
  });

  it('says which option lacks its value', async () => {
    const o = await followsun('sweep', 'scenarios/global-follow-the-sun.yaml', '--out');
    expect(o.status).toBe(2);
    expect(o.stderr).toContain('--out: expected a value after it');
  });
});

describe('the sweep example in the help', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'followsun-help-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let example: string;
  beforeAll(async () => {
    [example] = examplesIn((await followsun('sweep', '--help')).stdout);
  });

  it('varies a shift that exists in the default scenario', () => {
    const vary = /--vary (\S+)=/.exec(example)?.[1];
    expect(vary).toBe('staffing.manila.shifts.2.agents');
    const scenario = parseScenario(readFileSync(DEFAULT_SCENARIO, 'utf8'), 'default scenario');
    const manila = scenario.staffing.find((p) => p.id === 'manila');
    expect(manila && 'shifts' in manila ? manila.shifts?.[2]?.agents : undefined).toEqual(expect.any(Number));
  });

  it('runs as printed, with only the output file moved and fewer replications', () => {
    const words = example.split(' ').slice(1); // without "followsun"
    const out = words.indexOf('--out');
    expect(out).toBeGreaterThan(0);
    const table = join(dir, words[out + 1]);
    words[out + 1] = table;
    const o = followsunBin(...words, '--replications', '2');
    expect(o.stderr).not.toMatch(/error|expected/i);
    expect(o.status).toBe(0);
    const [from, to, step] = /=(\d+)\.\.(\d+):(\d+)/.exec(example)!.slice(1).map(Number);
    const rows = readFileSync(table, 'utf8').trimEnd().split('\n');
    expect(rows[0]).toMatch(/^index,staffing\.manila\.shifts\.2\.agents,/);
    expect(rows.slice(1).map((r) => Number(r.split(',')[1]))).toEqual(
      Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step),
    );
  });
});
