// Hostile and careless scenario files (issue 12): each changes one field of a one-queue
// scenario, or is not a scenario at all. The whole table runs as one batch of the real CLI under
// a time and memory budget: every bad file gets exactly its own line(s) naming it and the field,
// exit code 2, no internal error or stack trace, and the good files in the same batch are still
// simulated, without NaN. Files that are extreme but legitimate run and give finite figures.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHandled, followsun, oneQueue, problemLines, tempDir, type Outcome } from '../hostile-support';

type Scenario = ReturnType<typeof oneQueue>;
const dir = tempDir('scenario-files');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const aiChat = (s: Scenario, bot: Record<string, unknown>) => {
  s.demand[0].channel = 'chat';
  s.staffing.push({ id: 'bot', type: 'ai', skills: ['en'], containment: { default: 0.5 }, handleTime: { dist: 'exponential', mean: 60 }, ...bot });
};

/** [what, how the file is changed (or its raw content), the field (or words) its line names, lines]. */
const BAD: [string, ((s: Scenario) => void) | string, string, number?][] = [
  ['a billion replications', (s) => (s.replications = 1e9), 'replications'],
  ['a billion agents', (s) => (s.staffing[0].agents = 1e9), 'staffing[0].agents'],
  ['a billion agents on a shift', (s) => {
    delete s.staffing[0].agents;
    s.staffing[0].shifts = [{ days: 'daily', start: '08:00', end: '16:00', agents: 1e9 }];
  }, 'staffing[0].shifts[0].agents'],
  ['chatConcurrency 1e9', (s) => (s.staffing[0].chatConcurrency = 1e9), 'staffing[0].chatConcurrency'],
  ['1e308 contacts an hour', (s) => (s.demand[0].volume.perHour = 1e308), 'demand[0].volume.perHour'],
  ['a special day factor 1e300', (s) => (s.demand[0].specialDays = [{ date: '2026-03-23', factor: 1e300 }]), 'demand[0].specialDays[0].factor'],
  ['a million days', (s) => (s.horizon = { start: '2026-03-23T00:00:00Z', days: 1e6 }), 'horizon.days'],
  ['a handle time of 1e300 s', (s) => (s.demand[0].handleTime.mean = 1e300), 'demand[0].handleTime.mean'],
  ['an email deadline of 1e300 hours', (s) => {
    s.demand[0].channel = 'email';
    s.channels = { email: { serviceLevel: { hours: 1e300, target: 0.9 } } };
  }, 'channels.email.serviceLevel.hours'],
  ['a deterministic handle time of 0', (s) => (s.demand[0].handleTime = { dist: 'deterministic', mean: 0 }), 'demand[0].handleTime.mean'],
  ['a uniform handle time 0–0', (s) => (s.demand[0].handleTime = { dist: 'uniform', min: 0, max: 0 }), 'demand[0].handleTime.max'],
  ['an empirical handle time [0]', (s) => (s.demand[0].handleTime = { dist: 'empirical', values: [0] }), 'demand[0].handleTime.values'],
  ['warmupHours 1e300', (s) => (s.horizon.warmupHours = 1e300), 'horizon.warmupHours'],
  ['a histogram bin up to 1e308 s', (s) => (s.demand[0].handleTime = { dist: 'empirical', histogram: [{ upTo: 60, count: 5 }, { upTo: 1e308, count: 1 }] }), 'demand[0].handleTime.histogram[1].upTo'],
  ['cv 1e-200', (s) => (s.demand[0].handleTime = { dist: 'gamma', mean: 180, cv: 1e-200 }), 'demand[0].handleTime.cv'],
  ['cv 1e200', (s) => (s.demand[0].handleTime = { dist: 'lognormal', mean: 180, cv: 1e200 }), 'demand[0].handleTime.cv'],
  ['handleTimeFactor 1e308', (s) => (s.staffing[0].handleTimeFactor = 1e308), 'staffing[0].handleTimeFactor'],
  ['dailyVolumeCv 1e300', (s) => (s.demand[0].dailyVolumeCv = 1e300), 'demand[0].dailyVolumeCv'],
  ['machine customers 1e308 times slower', (s) => (s.demand[0].machineCustomers = { share: 0.2, handleTimeFactor: 1e308 }), 'demand[0].machineCustomers.handleTimeFactor'],
  ['a redial loop: patience 0, share 1, delay 0, nobody serving', (s) => {
    s.demand[0].patience = { dist: 'deterministic', mean: 0 };
    s.demand[0].redial = { share: 1, delay: { dist: 'deterministic', mean: 0 } };
    s.staffing[0].skills = ['de'];
  }, 'demand[0].redial.delay'],
  ['a redial loop of a microsecond', (s) => {
    s.demand[0].patience = { dist: 'deterministic', mean: 1e-6 };
    s.demand[0].redial = { share: 1, delay: { dist: 'deterministic', mean: 0 } };
    s.staffing[0].skills = ['de'];
  }, 'demand[0].redial.share'],
  ['an AI loop: containment 1, handle time 0, recontact share 1, delay 0', (s) =>
    aiChat(s, { containment: { default: 1 }, handleTime: { dist: 'deterministic', mean: 0 }, recontact: { share: 1, delay: { dist: 'deterministic', mean: 0 } } }),
  'staffing[1].handleTime.mean'],
  ['an AI loop of a millisecond', (s) =>
    aiChat(s, { containment: { default: 1 }, handleTime: { dist: 'deterministic', mean: 0.001 }, recontact: { share: 1, delay: { dist: 'deterministic', mean: 0 } } }),
  'staffing[1].recontact.share'],
  ['an unknown containment key', (s) => aiChat(s, { containment: { default: 0.3, xx: 0.5 } }), 'staffing[1].containment.xx'],
  ['a containment key __proto__', (s) => aiChat(s, { containment: JSON.parse('{"default": 0.3, "__proto__": 0.5}') }), 'staffing[1].containment.__proto__'],
  ['a million contacts an hour for three years', (s) => {
    s.horizon = { start: '2026-03-23T00:00:00Z', days: 1096 };
    s.demand[0].volume.perHour = 1e6;
  }, 'demand[0].volume.perHour'],
  ['five-minute intervals for three years', (s) => {
    s.horizon = { start: '2026-03-23T00:00:00Z', days: 1096 };
    s.intervalMinutes = 5;
    s.replications = 1;
    s.demand[0].volume.perHour = 1;
  }, 'intervalMinutes'],
  ['a peak of 700 million agents busy', (s) => {
    s.demand[0].volume.perHour = 1e6;
    s.demand[0].handleTime = { dist: 'deterministic', mean: 2_592_000 };
  }, 'demand[0].handleTime'],
  ['an occupancy cap of 1e-300', (s) => (s.maxOccupancy = 1e-300), 'maxOccupancy'],
  ['shrinkage 1', (s) => (s.staffing[0].shrinkage = 1), 'staffing[0].shrinkage'],
  ['an AI maxConcurrent of 1e300', (s) => aiChat(s, { maxConcurrent: 1e300 }), 'staffing[1].maxConcurrent'],
  ['an outage of 1e300 hours', (s) => aiChat(s, { outages: [{ start: '2026-03-23T00:00:00Z', hours: 1e300 }] }), 'staffing[1].outages[0].hours'],
  ['a channel priority 1e300', (s) => (s.channels = { voice: { priority: 1e300 } }), 'channels.voice.priority'],
  ['a cost of 1e308 an hour', (s) => (s.staffing[0].cost.perHour = 1e308), 'staffing[0].cost.perHour'],
  ['a seed of 1e300', (s) => (s.seed = 1e300), 'seed'],
  ['acceptAfterSeconds 1e300', (s) => (s.staffing[0].acceptAfterSeconds = 1e300), 'staffing[0].acceptAfterSeconds'],
  ['a pattern weight of 1e308', (s) => (s.demand[0].pattern = { hourly: Array(24).fill(1e308) }), 'demand[0].pattern'],
  ['200,000 observed handle times', (s) => (s.demand[0].handleTime = { dist: 'empirical', values: Array(200_000).fill(180) }), 'demand[0].handleTime.values'],
  ['2,000 demand streams', (s) => (s.demand = Array.from({ length: 2000 }, (_, i) => ({ ...s.demand[0], id: `s${i}` }))), 'demand'],
  ['a __proto__ field', (s) => Object.defineProperty(s, '__proto__', { value: { polluted: 1 }, enumerable: true }), '__proto__'],
  ['an infinite volume (.inf)', 'name: inf\nhorizon: { start: 2026-03-23T00:00:00Z, hours: 2 }\ndemand:\n  - { id: c, language: en, volume: { perHour: .inf }, handleTime: { dist: exponential, mean: 180 } }\nstaffing:\n  - { id: t, skills: [en], agents: 6 }\n', 'demand[0].volume.perHour'],
  ['agents .nan', 'name: nan\nhorizon: { start: 2026-03-23T00:00:00Z, hours: 2 }\ndemand:\n  - { id: c, language: en, volume: { perHour: 10 }, handleTime: { dist: exponential, mean: 180 } }\nstaffing:\n  - { id: t, skills: [en], agents: .nan }\n', 'staffing[0].agents'],
  ['brackets nested 100,000 deep', `name: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 'nested too deeply'],
  ['a billion laughs (aliases)', `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\n`, 'alias'],
  ['random bytes', String.fromCharCode(...Array.from({ length: 400 }, (_, i) => (i * 7919) % 256)), 'not a text file'],
  ['an empty file', '', 'expected a scenario'],
  ['a 17 MB file', `# ${'x'.repeat(17 * 2 ** 20)}\n`, 'too large'],
  // Bounded before the YAML parser builds anything (README, "Limits").
  ['a list of 7 million numbers (14 MB)', `name: [${'1,'.repeat(7_000_000)}1]\n`, 'too many list items and fields'],
  ['5,000 brackets never closed', `a: ${'['.repeat(5000)}\n`, 'nested too deeply'],
  ['observed handle times indented with tabs', `name: tabs\nhorizon: { start: 2026-03-23T00:00:00Z, hours: 2 }\ndemand:\n  - id: c\n    language: en\n    volume: { perHour: 10 }\n    handleTime:\n      dist: empirical\n      values:\n${'\t\t- 180\n'.repeat(20_000)}staffing:\n  - { id: t, skills: [en], agents: 6 }\n`, 'indented with a tab'],
  // The first nine problems (the last counting the rest) and where the last quote was opened.
  ['100,000 lines of an unclosed quote', '- "\n'.repeat(100_000), 'never closed', 10],
  ['a pool of 3,100 languages', (s) => (s.staffing[0].skills = Array.from({ length: 3100 }, (_, i) => `x${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26) % 26)}`)), 'staffing[0].skills'],
  ['an hourly pattern of zeros', (s) => (s.demand[0].pattern = { hourly: Array(24).fill(0) }), 'demand[0].pattern.hourly'],
  ['a special day given twice', (s) => (s.demand[0].specialDays = [{ date: '2026-12-24', factor: 0.5 }, { date: '2026-12-24', factor: 2 }]), 'specialDays[0] and specialDays[1]'],
  ['an AI containment of a bare number', (s) => aiChat(s, { containment: 0.4 }), 'staffing[1].containment: expected shares resolved without a person'],
  ['an AI pool with two bad fields', (s) => aiChat(s, { containment: 0.4, maxConcurent: 5 }), 'staffing[1].containment', 2],
];

/** Extreme but legitimate: these run, and their figures are finite. */
const EXTREME: [string, (s: Scenario) => void][] = [
  ['cv 20 (lognormal)', (s) => (s.demand[0].handleTime = { dist: 'lognormal', mean: 180, cv: 20 })],
  ['cv 20 (gamma)', (s) => (s.demand[0].handleTime = { dist: 'gamma', mean: 180, cv: 20 })],
  ['cv 0.001 (gamma)', (s) => (s.demand[0].handleTime = { dist: 'gamma', mean: 180, cv: 0.001 })],
  ['dailyVolumeCv 5', (s) => (s.demand[0].dailyVolumeCv = 5)],
  ['a handle time of a millisecond', (s) => (s.demand[0].handleTime = { dist: 'deterministic', mean: 0.001 })],
  ['handle times 0 and 300', (s) => (s.demand[0].handleTime = { dist: 'empirical', values: [0, 300] })],
  ['a pool 100 times slower', (s) => (s.staffing[0].handleTimeFactor = 100)],
  ['a pool 100 times faster', (s) => (s.staffing[0].handleTimeFactor = 0.01)],
  ['shrinkage and absence 0.95', (s) => Object.assign(s.staffing[0], { shrinkage: 0.95, absence: 0.95 })],
  ['a special day 100 times busier', (s) => (s.demand[0].specialDays = [{ date: '2026-03-23', factor: 100 }])],
  ['patience 0 without redials', (s) => (s.demand[0].patience = { dist: 'deterministic', mean: 0 })],
  ['patience 0, every caller redials after 30 s, nobody serving', (s) => {
    s.demand[0].patience = { dist: 'deterministic', mean: 0 };
    s.demand[0].redial = { share: 1, delay: { dist: 'exponential', mean: 30 } };
    s.staffing[0].skills = ['de'];
  }],
  ['an occupancy cap of 0.1', (s) => (s.maxOccupancy = 0.1)],
  ['a service-level target of 1', (s) => (s.serviceLevel = { seconds: 20, target: 1 })],
  ['a histogram up to 30 days', (s) => (s.demand[0].handleTime = { dist: 'empirical', histogram: [{ upTo: 60, count: 50 }, { upTo: 2_592_000, count: 1 }] })],
  ['the year 9999', (s) => (s.horizon.start = '9999-12-31T00:00:00Z')],
  ['the year 1', (s) => (s.horizon.start = '0001-01-01T00:00:00Z')],
  ['chats 20 at once', (s) => {
    s.demand[0].channel = 'chat';
    s.staffing[0].chatConcurrency = 20;
  }],
  ['an AI whose resolutions never hold, back after an hour', (s) =>
    aiChat(s, { containment: { default: 1 }, recontact: { share: 1, delay: { dist: 'deterministic', mean: 3600 } } })],
  ['a name that is a formula', (s) => (s.name = '=HYPERLINK("http://example.com","x")')],
];

function write(name: string, content: string | Scenario): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

describe('hostile scenario files in one batch', () => {
  const files = BAD.map(([, change], i) => {
    if (typeof change === 'string') return write(`bad-${String(i).padStart(2, '0')}.yaml`, change);
    const s = oneQueue();
    change(s);
    return write(`bad-${String(i).padStart(2, '0')}.json`, s);
  });
  const good = [write('good-1.json', oneQueue()), write('good-2.json', { ...oneQueue(), name: 'Second' })];
  const devZero = existsSync('/dev/zero') ? ['/dev/zero'] : [];
  let batch: Outcome;
  beforeAll(() => {
    batch = followsun(['run', good[0], ...files, ...devZero, join(dir, 'missing.yaml'), good[1], '--json'], { cwd: dir });
  });

  it('exits with 2, without an internal error, a stack trace or NaN', () => {
    expectHandled(batch, 2);
  });

  it('still simulates the good files of the batch', () => {
    const document = JSON.parse(batch.stdout) as { scenarios: { name: string; summary: Record<string, { mean: number | null }> }[]; errors: { file: string }[] };
    expect(document.scenarios.map((s) => s.name)).toEqual(['One queue', 'Second']);
    for (const s of document.scenarios) expect(Number.isFinite(s.summary.costTotal.mean)).toBe(true);
    expect(document.errors).toHaveLength(BAD.length + devZero.length + 1);
  });

  it.each(BAD.map((row, i) => [row[0], i, row[2], row[3] ?? 1] as const))('%s: its own line, naming the field', (_, i, field, count) => {
    const name = files[i].slice(dir.length + 1);
    const lines = problemLines(batch.stderr).filter((l) => l.startsWith(`${name}:`));
    expect(lines, batch.stderr.slice(0, 3000)).toHaveLength(count);
    expect(lines[0]).toContain(field);
    expect(lines[0].length).toBeLessThan(600);
  });

  it('/dev/zero and a missing file get one line each', () => {
    for (const name of [...devZero, join(dir, 'missing.yaml').slice(dir.length + 1)]) {
      expect(problemLines(batch.stderr).filter((l) => l.startsWith(`${name}:`))).toHaveLength(1);
    }
  });
});

describe('extreme but legitimate scenario files', () => {
  it('run, each with finite figures', () => {
    const files = EXTREME.map(([, change], i) => {
      const s = oneQueue();
      s.name = `extreme ${i}`;
      change(s);
      return write(`extreme-${i}.json`, s);
    });
    // Saved as UTF-16 by an editor: opened as the app opens it.
    const utf16 = join(dir, 'utf-16.json');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify({ ...oneQueue(), name: 'UTF-16' }, null, 2), 'utf16le')]));
    const o = followsun(['run', ...files, utf16, '--json', '--csv', join(dir, 'csv')], { cwd: dir });
    expectHandled(o, 0);
    const document = JSON.parse(o.stdout) as { scenarios: { name: string; summary: Record<string, { mean: number | null }> }[] };
    expect(document.scenarios).toHaveLength(EXTREME.length + 1);
    expect(document.scenarios.at(-1)!.name).toBe('UTF-16');
    document.scenarios.forEach((s, i) => {
      for (const figure of ['contacts', 'costTotal', 'costPerMonth', 'offered']) {
        expect(Number.isFinite(s.summary[figure].mean), `${EXTREME[i]?.[0] ?? s.name}: ${figure}`).toBe(true);
      }
    });
  });
});

describe('a scenario name of 300 characters with --csv', () => {
  it('writes tables with a shortened name', () => {
    const csv = join(dir, 'long-csv');
    mkdirSync(csv, { recursive: true });
    const o = followsun(['run', write('long.json', { ...oneQueue(), name: 'Z'.repeat(300) }), '--csv', csv], { cwd: dir });
    expectHandled(o, 0);
  });
});
