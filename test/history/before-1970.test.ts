// Local times before 1970 are negative milliseconds: their hour of the day must not be (the import
// refuses such records, but the fit and the back-test's hour-of-week must not depend on it).
import { describe, expect, it } from 'vitest';
import { DAY_MS, dayOf, hourOfDay, isoDay } from '../../sim/history/local-time';
import { fitScenario, scenarioYaml } from '../../sim/history/fit-scenario';
import { syntheticRecords } from '../../sim/history/synthetic-records';
import { validateScenario } from '../../sim/scenario/scenario';
import { localDesk } from '../support';

describe('hours of the day before 1970', () => {
  it('23:30 on 31 December 1969 is hour 23, and 00:00 on 1 January 1970 hour 0', () => {
    expect(hourOfDay(-30 * 60_000)).toBe(23);
    expect(hourOfDay(0)).toBe(0);
    expect(hourOfDay(-DAY_MS + 9 * 3_600_000)).toBe(9);
  });

  it('a week of records fits the same daily pattern when it is moved 3,000 weeks back, to 1968', () => {
    const desk = localDesk({ city: 'Madrid', zone: 'UTC', language: 'es', start: '2026-02-02T00:00:00Z', days: 7, perWeek: 2000, agents: 4, seed: 5 });
    const records = syntheticRecords(validateScenario(desk, 'desk'));
    const back = 3000 * 7 * DAY_MS; // whole weeks: the same weekdays, 57 years earlier (1968)
    const moved = records.map((r) => ({ ...r, arrivalLocalMs: r.arrivalLocalMs - back }));
    expect(isoDay(dayOf(moved[0].arrivalLocalMs))).toMatch(/^1968-/); // the records' dates, before 1970
    const pattern = (yaml: string) => yaml.split('\n').filter((l) => /hourly|weekday/.test(l));
    expect(pattern(scenarioYaml(fitScenario(moved, { timezone: 'UTC' })))).toEqual(pattern(scenarioYaml(fitScenario(records, { timezone: 'UTC' }))));
  });
});
