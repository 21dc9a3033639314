// `followsun erlang`: the queueing formulas on the command line, with the simulation's
// definitions (service level = answered within the threshold ÷ offered).
import { parseArgs } from 'node:util';
import { MAX_ARRIVALS_WITHIN_PATIENCE, queueFigures, requiredAgents } from '../sim/stats/erlang';
import { LIMITS } from '../sim/scenario/schema-parts';
import { decimal, positiveNumber, UsageError, wholeNumber } from './arguments';
import { formatNumber, table } from './format';

/** The most agents the formulas are evaluated for (Erlang A takes about a second at a million). */
const MAX_AGENTS = 1_000_000;
const thousands = (n: number) => n.toLocaleString('en-US');

type ErlangFlags = ReturnType<typeof readErlangFlags>;

/** The question asked: the load, the service-level threshold, and either agents or a target. */
interface QueueQuestion {
  ratePerHour: number;
  ahtSeconds: number;
  thresholdSeconds: number;
  patienceSeconds: number | undefined;
  /** As given with --agents; undefined when --target asks for the agents required. */
  agentsGiven: number | undefined;
  target: number | undefined;
  /** Offered load in Erlangs. */
  offered: number;
  maxOccupancy: number | undefined;
  shrinkage: number;
}

export function erlangCommand(args: string[]): number {
  const values = readErlangFlags(args);
  const question = checkQueueQuestion(values);
  const agents = agentsOnThePhones(question, values.target);
  const answer = queueAnswer(question, agents);
  process.stdout.write(values.json ? answerJson(question, answer) : answerText(question, answer));
  return 0;
}

function readErlangFlags(args: string[]) {
  return parseArgs({
    args,
    options: {
      rate: { type: 'string' },
      aht: { type: 'string' },
      agents: { type: 'string' },
      patience: { type: 'string' },
      sl: { type: 'string' },
      target: { type: 'string' },
      'max-occupancy': { type: 'string' },
      shrinkage: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  }).values;
}

/** Each flag checked in the order the usage errors have always come in. */
function checkQueueQuestion(values: ErlangFlags): QueueQuestion {
  const ratePerHour = decimal(values.rate, '--rate', 'contacts per hour ≥ 0');
  if (ratePerHour === undefined) throw new UsageError('--rate: expected contacts per hour');
  const ahtSeconds = atMost(positiveNumber(values.aht, '--aht'), '--aht', LIMITS.durationSeconds, 'seconds (30 days)');
  if (ahtSeconds === undefined) throw new UsageError('--aht: expected the mean handle time in seconds');
  const thresholdSeconds = atMost(positiveNumber(values.sl, '--sl'), '--sl', LIMITS.durationSeconds, 'seconds (30 days)') ?? 20;
  const patienceSeconds = atMost(positiveNumber(values.patience, '--patience'), '--patience', LIMITS.durationSeconds, 'seconds (30 days)');
  const agentsGiven = wholeNumber(values.agents, '--agents', 1);
  if (agentsGiven !== undefined && agentsGiven > MAX_AGENTS) {
    throw new UsageError(`--agents: expected a whole number from 1 to ${thousands(MAX_AGENTS)}, got ${values.agents}`);
  }
  // The same bounds as a scenario's service-level target: a fraction from 0 to 1.
  const target = decimal(values.target, '--target', 'a fraction between 0 and 1 (0.8, not 80)');
  if (target !== undefined && !(target >= 0 && target <= 1)) {
    throw new UsageError(`--target: expected a fraction between 0 and 1 (0.8, not 80), got ${values.target}`);
  }
  const offered = (ratePerHour * ahtSeconds) / 3600;
  if (!(offered <= LIMITS.peakLoadErlangs)) {
    throw new UsageError(
      `--rate: an offered load of ${thousands(Math.round(offered))} Erlangs (--rate × --aht ÷ 3600), beyond the ${thousands(LIMITS.peakLoadErlangs)} followsun computes`,
    );
  }
  const waiting = patienceSeconds === undefined ? 0 : (ratePerHour * patienceSeconds) / 3600;
  if (waiting > MAX_ARRIVALS_WITHIN_PATIENCE) {
    throw new UsageError(
      `--patience: about ${thousands(Math.round(waiting))} contacts arrive within one mean patience (--rate × --patience ÷ 3600), beyond the ` +
        `${thousands(MAX_ARRIVALS_WITHIN_PATIENCE)} followsun computes Erlang A for; at this rate, expected at most ${thousands(Math.floor((MAX_ARRIVALS_WITHIN_PATIENCE * 3600) / ratePerHour))} seconds, got ${values.patience}`,
    );
  }
  const maxOccupancy = fractionOption(values['max-occupancy'], '--max-occupancy', (x) => x >= LIMITS.occupancyMin && x <= 1, `from ${LIMITS.occupancyMin} to 1`);
  const shrinkage = fractionOption(values.shrinkage, '--shrinkage', (x) => x >= 0 && x < 1) ?? 0;
  return { ratePerHour, ahtSeconds, thresholdSeconds, patienceSeconds, agentsGiven, target, offered, maxOccupancy, shrinkage };
}

/** The agents given, or those the target requires; `targetText` as typed, for the messages. */
function agentsOnThePhones(q: QueueQuestion, targetText: string | undefined): number {
  const { ratePerHour, ahtSeconds, thresholdSeconds, patienceSeconds, agentsGiven, target, offered, maxOccupancy } = q;
  if (agentsGiven !== undefined && target !== undefined) {
    throw new UsageError('give --agents N for the figures of N agents, or --target for the agents required, not both');
  }
  if (agentsGiven !== undefined) return agentsGiven;
  if (target === undefined) throw new UsageError('give --agents N, or --target 0.8 to get the agents required');
  let agents: number;
  try {
    agents = requiredAgents({ ratePerHour, ahtSeconds, thresholdSeconds, patienceSeconds, target, maxOccupancy });
  } catch {
    throw new UsageError(`--target ${targetText}: not reachable with any number of agents these formulas are evaluated for`);
  }
  // Whatever the target (even 0), never fewer agents than keep up with the offered load: a
  // recommendation must leave the queue stable. With patience (Erlang A) abandonment keeps any
  // number of agents stable, so the formula's count stands.
  if (offered > 0 && patienceSeconds === undefined) agents = Math.max(agents, Math.floor(offered) + 1);
  if (agents > MAX_AGENTS) throw new UsageError(`--target ${targetText}: needs more than ${thousands(MAX_AGENTS)} agents`);
  return agents;
}

/** The figures for `agents` on the phones, and the agents to schedule around shrinkage. */
function queueAnswer(q: QueueQuestion, agents: number) {
  const { ratePerHour, ahtSeconds, thresholdSeconds, patienceSeconds, shrinkage } = q;
  // Agents to schedule so that `agents` are on the phones after shrinkage.
  const scheduled = agents > 0 ? Math.ceil(agents / (1 - shrinkage) - 1e-9) : 0;
  const model = patienceSeconds === undefined ? 'Erlang C' : 'Erlang A';
  const figures = agents > 0 ? queueFigures({ ratePerHour, ahtSeconds, agents, thresholdSeconds, patienceSeconds }) : undefined;
  return { agents, scheduled, model, figures };
}

type QueueAnswer = ReturnType<typeof queueAnswer>;

function answerJson(q: QueueQuestion, { agents, scheduled, model, figures: f }: QueueAnswer): string {
  const { ratePerHour, ahtSeconds, thresholdSeconds, patienceSeconds, target, maxOccupancy, shrinkage } = q;
  const figures = f && {
    pWait: f.pWait,
    serviceLevel: f.serviceLevel,
    asaSeconds: f.asaSeconds,
    occupancy: f.occupancy,
    stable: f.stable,
    ...(patienceSeconds !== undefined ? { abandonRate: f.abandonRate } : {}),
  };
  const inputs = { model, ratePerHour, ahtSeconds, thresholdSeconds, patienceSeconds, target, maxOccupancy, shrinkage };
  return `${JSON.stringify({ ...inputs, agents, agentsScheduled: scheduled, ...figures }, (_, v) => (v === Infinity ? null : v), 2)}\n`;
}

function answerText(q: QueueQuestion, { agents, scheduled, model, figures: f }: QueueAnswer): string {
  const { ratePerHour, ahtSeconds, thresholdSeconds, patienceSeconds, agentsGiven, target, maxOccupancy, shrinkage } = q;
  const load = (ratePerHour * ahtSeconds) / 3600;
  const lines = [
    `${model}: ${formatNumber(ratePerHour, 'count')} contacts/hour, handle time ${ahtSeconds} s` +
      `${patienceSeconds !== undefined ? `, patience ${patienceSeconds} s` : ''} — offered load ${load.toFixed(2)} Erlangs`,
  ];
  if (target !== undefined && agentsGiven === undefined) {
    const cap = maxOccupancy !== undefined ? ` and occupancy at most ${formatNumber(maxOccupancy, 'fraction')}` : '';
    lines.push(`Agents required on the phones for ${formatNumber(target, 'fraction')} answered within ${thresholdSeconds} s${cap}: ${agents}`);
  }
  if (shrinkage > 0) lines.push(`Agents to schedule at ${formatNumber(shrinkage, 'fraction')} shrinkage: ${scheduled}`);
  if (f) {
    if (!f.stable) lines.push(`Unstable: ${agents} agents cannot keep up with ${load.toFixed(2)} Erlangs; the queue grows without bound.`);
    lines.push(
      '',
      table([
        ['Agents', String(agents)],
        ['Probability of waiting', formatNumber(f.pWait, 'fraction')],
        [`Service level (${thresholdSeconds} s)`, formatNumber(f.serviceLevel, 'fraction')],
        ['Average speed of answer', formatNumber(f.asaSeconds, 'seconds')],
        ...(patienceSeconds !== undefined ? [['Abandon rate', formatNumber(f.abandonRate, 'fraction')]] : []),
        ['Occupancy', formatNumber(f.occupancy, 'fraction')],
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

function fractionOption(text: string | undefined, flag: string, valid: (x: number) => boolean, range?: string): number | undefined {
  const x = decimal(text, flag, 'a fraction (0.85, not 85)');
  if (x !== undefined && !valid(x)) throw new UsageError(`${flag}: expected a fraction${range ? ` ${range}` : ''} (0.85, not 85), got ${text}`);
  return x;
}

function atMost(x: number | undefined, flag: string, max: number, unit: string): number | undefined {
  if (x !== undefined && x > max) throw new UsageError(`${flag}: expected at most ${thousands(max)} ${unit}, got ${x}`);
  return x;
}
