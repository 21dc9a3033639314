// Before the app starts a run: the CLI's work estimate (sim/scenario/work-estimate.ts). A run above
// the work limit (contacts or events) is not started by itself: the page asks first. A run that
// would crash rather than only take long (a peak load beyond what agents required are computed
// for, a result too big for one document) is refused with the CLI's line.
import { big, checkWork, estimateWork, WORK_LIMITS } from '../../sim/scenario/work-estimate';
import type { Scenario } from '../../sim/scenario/scenario';
import { counted, wordFor } from '../../sim/text/counted';

export type RunCheck = { kind: 'ok' } | { kind: 'ask'; contacts: number; text: string } | { kind: 'refuse'; text: string };

export function checkRun(scenario: Scenario, fileName: string): RunCheck {
  let estimate;
  try {
    estimate = estimateWork(scenario);
  } catch (e) {
    return { kind: 'refuse', text: `${fileName}: the work this run asks for cannot be estimated (${(e as Error).message}).` };
  }
  const check = checkWork(estimate, (field) => `${fileName}: ${field}`, { allowLargeRuns: true });
  if (check.problems.length > 0 && !(check.large && estimate.contacts > WORK_LIMITS.contactsEvenIfAllowed)) {
    return { kind: 'refuse', text: check.problems[0] };
  }
  if (!check.large) return { kind: 'ok' };
  const r = estimate.replications;
  const each = estimate.contactsPerReplication;
  return {
    kind: 'ask',
    contacts: estimate.contacts,
    text:
      `This run asks for about ${big(estimate.contacts)} contacts (${r} ${wordFor(r, 'replication')} × about ${big(each)} each), ` +
      (estimate.contacts > WORK_LIMITS.contacts
        ? `above the limit of ${big(WORK_LIMITS.contacts)} a run starts with by itself`
        : `about ${big(estimate.events)} events, above the limit of ${big(WORK_LIMITS.events)} a run starts with by itself`) +
      `: on one core, about ${timeOnOneCore(estimate.contacts)}. Run anyway?`,
  };
}

/** How long `contacts` take on one core, roughly (2 million a second), in words. */
export function timeOnOneCore(contacts: number): string {
  const hours = contacts / 2e6 / 3600;
  if (hours >= 48) return `${big(Math.round(hours / 24))} days`;
  if (hours >= 1) return counted(Math.round(hours), 'hour');
  return counted(Math.max(1, Math.round(hours * 60)), 'minute');
}
