// `followsun plan` as an analyst uses it: the real bin script in a child process on small
// scenario files in a temporary folder (one day, English voice and chat, one pool with candidate
// shifts), checking the output contract: the planned YAML, the JSON, the HTML report of the plan
// and the comparison of plans; bad input is one clear line and exit code 2.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../sim/scenario/scenario';
import { followsunChild as followsun, type ChildOutcome as Outcome } from '../support';

const SLOW = 120_000; // a busy two-core machine

const helpdesk = (name: string, pool: string) => `# A small helpdesk: English voice and chat for one day.
# Volumes and handle times are made up for the test.
name: ${name}
horizon: { start: "2026-03-23T00:00:00Z", days: 1, warmupHours: 4 }
intervalMinutes: 60
seed: 11
replications: 3
demand:
  - id: en-voice
    language: en
    channel: voice
    volume: { perHour: 24 }
    handleTime: { dist: exponential, mean: 240 }
    patience: { dist: exponential, mean: 180 }
  - id: en-chat
    language: en
    channel: chat
    volume: { perHour: 12 }
    handleTime: { dist: exponential, mean: 360 }
staffing:
${pool}
`;

const IN_HOUSE = helpdesk(
  'Helpdesk — in-house',
  `  - id: desk
    skills: [en]
    channels: [voice, chat]
    timezone: Europe/Dublin
    cost: { perHour: 30 }
    shifts:
      # Three candidate starts; the planner decides how many on each.
      - { days: daily, startBetween: ["00:00", "16:00"], every: 480, hours: 8, agents: auto }`,
);

const OUTSOURCED = helpdesk(
  'Helpdesk — outsourced',
  `  - id: partner
    type: outsourced
    skills: [en]
    channels: [voice, chat]
    timezone: Asia/Manila
    handleTimeFactor: 1.1
    cost: { perHour: 20 }
    shifts:
      - { days: daily, start: "06:00", end: "15:00", agents: { min: 1, max: 20 } }
      - { days: daily, start: "14:00", end: "23:00", agents: auto }
      - { days: daily, start: "22:00", end: "07:00", agents: auto }`,
);

interface PlanDocument {
  plan: Record<string, { days: string; start: string; end: string; agents: number }[]>;
  cost: { perWeek: number; perMonth: number; perContact: number | null; perResolvedCustomer: number | null };
  met: boolean;
  unmet: string[];
  iterations: { iteration: number; plannedCost: number; hoursBelowTarget: number }[];
  verification: { file: string; name: string; summary: Record<string, { mean: number | null }>; queues: Record<string, unknown> };
}

let dir: string;
let inHouse: string;
let outsourced: string;
// The two long runs start together (each simulates in one thread) and are checked below.
let single: Promise<Outcome>;
let compared: Promise<Outcome>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'followsun-plan-'));
  inHouse = join(dir, 'in-house.yaml');
  outsourced = join(dir, 'outsourced.yaml');
  writeFileSync(inHouse, IN_HOUSE);
  writeFileSync(outsourced, OUTSOURCED);
  single = followsun('plan', inHouse, '--out', join(dir, 'planned.yaml'), '--json', '--report', join(dir, 'reports', 'plan.html'));
  compared = followsun('plan', '--compare', inHouse, outsourced, '--report', join(dir, 'case.html'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('followsun plan SCENARIO --out --json --report', () => {
  let run: Outcome;
  let document: PlanDocument;
  let planned: string;
  let html: string;

  beforeAll(async () => {
    run = await single;
    expect(run.stderr).not.toMatch(/internal error|^\s+at /m);
    document = JSON.parse(run.stdout) as PlanDocument;
    planned = readFileSync(join(dir, 'planned.yaml'), 'utf8');
    html = readFileSync(join(dir, 'reports', 'plan.html'), 'utf8');
  }, SLOW);

  it('exits 0 and shows its progress on stderr, round by round', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/Planning .*in-house\.yaml: round 1, solving/);
    expect(run.stderr).toMatch(/round 1 simulated: .* hours with demand below target/);
    expect(run.stderr).toContain('Wrote the planned scenario to');
    expect(run.stderr).toContain("Wrote the plan's report to");
  });

  it('--out writes a scenario that parses, has every head count decided and keeps the comments', () => {
    const scenario = parseScenario(planned, 'planned.yaml');
    expect(planned).not.toMatch(/\bauto\b|startBetween/);
    expect(planned).toContain('# A small helpdesk: English voice and chat for one day.');
    const desk = scenario.staffing.find((p) => p.id === 'desk');
    expect(desk && desk.type !== 'ai' && desk.shifts).toBeTruthy();
    if (!desk || desk.type === 'ai') return;
    for (const shift of desk.shifts!) {
      expect(typeof shift.agents).toBe('number');
      expect(shift.agents).toBeGreaterThan(0);
    }
    // The same head counts as the JSON's plan.
    expect(desk.shifts!.map((s) => [s.start, s.end, s.agents])).toEqual(document.plan.desk.map((s) => [s.start, s.end, s.agents]));
  });

  it('--json has the plan, its cost, the verification run and the iterations', () => {
    expect(Object.keys(document)).toEqual(expect.arrayContaining(['plan', 'cost', 'met', 'unmet', 'iterations', 'verification']));
    expect(document.plan.desk.length).toBeGreaterThan(0);
    for (const s of document.plan.desk) expect(['00:00', '08:00', '16:00']).toContain(s.start);
    expect(document.cost.perMonth).toBeGreaterThan(document.cost.perWeek);
    expect(document.cost.perContact).toBeGreaterThan(0);
    expect(document.iterations.length).toBeGreaterThanOrEqual(1);
    expect(document.iterations[0]).toMatchObject({ iteration: 1 });
    expect(document.iterations[0].plannedCost).toBeGreaterThan(0);
    expect(document.verification.name).toBe('Helpdesk — in-house');
    expect(Object.keys(document.verification.queues).sort()).toEqual(['en/chat', 'en/voice']);
    expect(document.verification.summary.costPerContact.mean).toBeCloseTo(document.cost.perContact!, 6);
  });

  it('the verification is the planned scenario run afresh, figure for figure, whether planned on one worker thread or two', async () => {
    // The planner's threads stay from round to round, each round handing them a new model: a
    // thread simulating an earlier round's model would show here.
    const [oneThread, twoThreads, rerun] = await Promise.all([
      followsun('plan', inHouse, '--json', '--workers', '1'),
      followsun('plan', inHouse, '--json', '--workers', '2'),
      followsun('run', join(dir, 'planned.yaml'), '--json', '--workers', '1'),
    ]);
    for (const r of [oneThread, twoThreads, rerun]) expect(r.status, r.stderr).toBe(0);
    expect(twoThreads.stdout).toBe(oneThread.stdout);
    const verification = (JSON.parse(oneThread.stdout) as PlanDocument).verification as unknown as Record<string, unknown>;
    const afresh = JSON.parse(rerun.stdout).scenarios[0];
    expect(verification.summary).toEqual(afresh.summary);
    expect(verification.intervals).toEqual(afresh.intervals);
  }, SLOW);

  it('--report writes one self-contained page: the plan as a roster against the scenario as written', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|\bsrc=|https?:\/\//i);
    expect(html).toContain('Staffing plan for Helpdesk — in-house');
    expect(html).toContain('As written');
    expect(html).toContain('Planned');
    expect(html).toContain('followsun plan');
    // The roster: every planned shift with its head count, paid hours and FTEs.
    const roster = html.match(/<table class="data roster">[\s\S]*?<\/table>/)?.[0] ?? '';
    expect(roster).toContain('desk');
    for (const s of document.plan.desk) {
      expect(roster).toMatch(new RegExp(`${s.start}–${s.end}</td><td class="num"><strong>${s.agents}</strong>`));
    }
    expect(roster).toContain('FTEs');
    // Cost a week and a month, per contact and per resolved customer; the rounds; occupancy.
    for (const text of ['Cost a week', 'Cost a month', 'Cost per contact', 'Cost per resolved customer', 'Simulate and correct', 'Occupancy']) {
      expect(html).toContain(text);
    }
    expect(html.match(/<table class="data iterations">[\s\S]*?<\/table>/)?.[0].match(/<tr/g)?.length).toBe(1 + document.iterations.length);
  });
});

describe('followsun plan --compare', () => {
  let run: Outcome;
  let html: string;

  beforeAll(async () => {
    run = await compared;
    expect(run.stderr).not.toMatch(/internal error|^\s+at /m);
    html = readFileSync(join(dir, 'case.html'), 'utf8');
  }, SLOW);

  it('plans each scenario, then prints the comparison of the plans as followsun compare does', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/Planning .*in-house\.yaml: round 1/);
    expect(run.stderr).toMatch(/Planning .*outsourced\.yaml: round 1/);
    expect(run.stdout).toMatch(/Plan for Helpdesk — in-house/);
    expect(run.stdout).toMatch(/Plan for Helpdesk — outsourced/);
    expect(run.stdout).toMatch(/Comparing against Helpdesk — in-house/);
    expect(run.stdout).toMatch(/common random numbers, seed 11/);
    expect(run.stdout).toMatch(/Cost per month/);
  });

  it('--report names both scenarios, says they were planned to the same targets, with head count per pool', () => {
    expect(html).toContain('Helpdesk — in-house');
    expect(html).toContain('Helpdesk — outsourced');
    expect(html).toMatch(/planned to the same targets/);
    const pools = html.match(/<table class="data pools">[\s\S]*?<\/table>/)?.[0] ?? '';
    expect(pools).toContain('data-pool="desk"');
    expect(pools).toContain('data-pool="partner"');
    expect(html.match(/<table class="data roster">/g)?.length).toBe(2);
    for (const text of ['Cost a month', 'Cost per contact', 'Cost per resolved customer', 'Service level']) expect(html).toContain(text);
  });
});

describe.concurrent('followsun plan: bad input is one clear line and exit code 2', () => {
  it('names a missing file', async () => {
    const o = await followsun('plan', join(dir, 'missing.yaml'));
    expect(o.status).toBe(2);
    expect(o.stderr.trim().split('\n')).toEqual([expect.stringMatching(/missing\.yaml: file not found/)]);
  });

  it('says when a scenario leaves nothing to plan', async () => {
    const fixed = join(dir, 'fixed.yaml');
    writeFileSync(fixed, IN_HOUSE.replace(/- \{ days: daily, startBetween.*\}/, '- { days: daily, start: "00:00", end: "24:00", agents: 5 }'));
    const o = await followsun('plan', fixed);
    expect(o.status).toBe(2);
    expect(o.stderr.trim().split('\n')).toEqual([expect.stringMatching(/fixed\.yaml: nothing to plan: no shift has agents: auto/)]);
  });

  it('names the field of a bad head count', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, IN_HOUSE.replace('agents: auto', 'agents: lots'));
    const o = await followsun('plan', bad);
    expect(o.status).toBe(2);
    expect(o.stderr.trim().split('\n')).toHaveLength(1);
    expect(o.stderr).toMatch(/bad\.yaml:\d+: staffing\[0\]\.shifts\[0\]\.agents: expected a whole number ≥ 0, auto/);
    expect(o.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses work beyond the limits before planning, counting every round', async () => {
    const o = await followsun('plan', inHouse, '--replications', '10000', '--max-iterations', '9999');
    expect(o.status).toBe(2);
    expect(o.stderr.trim().split('\n')).toEqual([expect.stringMatching(/--replications: about .* contacts to simulate .*--allow-large-runs/)]);
  });

  it('refuses an --out naming its own input, before planning, and leaves the input as it was', async () => {
    const own = join(dir, 'own.yaml');
    writeFileSync(own, IN_HOUSE);
    const o = await followsun('plan', own, '--out', own);
    expect(o.status).toBe(2);
    expect(o.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^followsun plan: --out .*own\.yaml: .*input/)]);
    expect(o.stderr).not.toMatch(/Planning/);
    expect(readFileSync(own, 'utf8')).toBe(IN_HOUSE);
  });

  it('checks the report file before planning', async () => {
    const o = await followsun('plan', inHouse, '--report', dir);
    expect(o.status).toBe(2);
    expect(o.stderr.trim().split('\n')).toEqual([expect.stringMatching(/--report .*: is a folder; name a file in it, such as .*plan\.html/)]);
  });
});

describe('followsun plan when the targets cannot be met', () => {
  // At most two agents around the clock for 24 calls and 12 chats an hour: every round misses.
  const CAPPED = IN_HOUSE.replace(/- \{ days: daily, startBetween.*\}/, '- { days: daily, start: "00:00", end: "24:00", agents: { min: 0, max: 2 } }');
  let o: Outcome;
  let out: string;

  beforeAll(async () => {
    const file = join(dir, 'capped.yaml');
    out = join(dir, 'capped-planned.yaml');
    writeFileSync(file, CAPPED);
    o = await followsun('plan', file, '--out', out, '--max-iterations', '2');
  }, SLOW);

  it('exits 1, so that a script can tell, and writes the best plan all the same', () => {
    expect(o.status).toBe(1);
    expect(o.stderr).toContain('Wrote the planned scenario to');
    expect(parseScenario(readFileSync(out, 'utf8'), 'capped-planned.yaml').name).toBe('Helpdesk — in-house');
  });

  it('names each language × channel that misses: its hours below target and its service level against the target, and the round shown', () => {
    expect(o.stdout).toMatch(/Not every target is met \(round [12] of 2: .*\): \d+ hours below target/);
    expect(o.stdout).toMatch(/^ {2}- en\/voice: \d+ h below target; service level \d+(\.\d)? % over the hours a pool can serve, target 80 %$/m);
    expect(o.stdout).toMatch(/round [12] shown\.$/m);
  });

  it('shows paid hours a week with one decimal, as the FTEs', () => {
    expect(o.stdout).toMatch(/^ {2}desk\s+daily\s+00:00–24:00\s+2\s+336\.0\s+8\.4$/m);
  });
});
