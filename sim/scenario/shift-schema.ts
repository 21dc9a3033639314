// How a shift is written in a scenario file: its fields checked with messages that name what was
// expected. Kept apart from the roster's compiler (sim/model/roster.ts), so that the simulation
// (the CLI's worker threads, the browser's worker) loads no schema library.
import * as z from 'zod';
import { DAYS_MESSAGE, parseDays, parseTime, TIME_MESSAGE } from '../model/roster';
import { LIMITS, wholeNumber } from './schema-parts';

const startTime = z
  .string({ error: TIME_MESSAGE })
  .refine((t) => parseTime(t, false) !== null, { error: TIME_MESSAGE });
const endTime = z
  .string({ error: TIME_MESSAGE })
  .refine((t) => parseTime(t, true) !== null, { error: TIME_MESSAGE });

/** A local wall-clock time "HH:MM" ("24:00" allowed), e.g. for a night-premium window. */
export const localTimeSchema = endTime;

const AUTO_MESSAGE = 'expected a whole number ≥ 0, auto (the planner decides), or { min, max }';
/** A head count, or a decision for `followsun plan`: `auto` (any number ≥ 0) or a range. */
const SHIFT_AGENTS = 'agents of one shift';
const headCount = z
  .union([
    wholeNumber(0, LIMITS.agents, SHIFT_AGENTS),
    z.literal('auto'),
    z
      .strictObject({
        min: wholeNumber(0, LIMITS.agents, SHIFT_AGENTS).default(0).describe('Fewest agents the planner may put on this shift.'),
        max: wholeNumber(0, LIMITS.agents, SHIFT_AGENTS).optional().describe('Most agents the planner may put on this shift.'),
      })
      .refine((r) => r.max === undefined || r.max >= r.min, { error: 'expected max ≥ min' }),
  ], { error: AUTO_MESSAGE })
  .describe('Agents on this shift: a whole number, `auto` for the planner to decide, or { min, max } for it to decide within.');

export const shiftSchema = z
  .strictObject({
    days: z
      .union([z.string(), z.array(z.string())], { error: DAYS_MESSAGE })
      .refine((d) => !Array.isArray(d) || d.length <= 7, { error: 'expected at most 7 days in a list', abort: true })
      .refine((d) => parseDays(d) !== null, { error: DAYS_MESSAGE })
      .describe('Days the shift starts on: Mon-Fri, Sat, Mon,Wed,Fri, Fri-Mon, daily, or a list ["Mon", "Wed"].'),
    start: startTime.optional().describe("Local wall-clock start, HH:MM, in the pool's time zone."),
    end: endTime
      .optional()
      .describe('Local wall-clock end, HH:MM (24:00 allowed). At or before start: the shift ends the next day.'),
    startBetween: z
      .tuple([startTime, startTime], { error: 'expected two start times such as ["06:00", "14:00"]' })
      .optional()
      .describe('Candidate shifts for the planner: one starting at every `every` minutes from the first time to the second (local time).'),
    every: z
      .number({ error: 'expected minutes between candidate starts, such as 30 or 60' })
      .max(1440, { error: 'expected at most 1440 minutes', abort: true })
      .int({ error: 'expected whole minutes', abort: true })
      .min(15, { error: 'expected at least 15 minutes between candidate starts' })
      .optional()
      .describe('Minutes between candidate start times (with startBetween); default 60.'),
    hours: z
      .number({ error: 'expected the shift length in hours, such as 8.5' })
      .positive({ error: 'expected the shift length in hours > 0' })
      .max(24, { error: 'expected at most 24 hours' })
      .optional()
      .describe('Length of each candidate shift in hours (with startBetween).'),
    agents: headCount,
  })
  .superRefine((s, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (s.startBetween) {
      if (s.start !== undefined || s.end !== undefined) issue('startBetween', 'expected either start and end, or startBetween and hours, not both');
      if (s.hours === undefined) issue('hours', 'expected the length of the candidate shifts in hours (with startBetween)');
      if (typeof s.agents === 'number') issue('agents', 'expected auto or { min, max }: candidate shifts are for the planner to fill');
      const [from, to] = s.startBetween.map((t) => parseTime(t, false)!);
      if (from !== null && to !== null && to < from) issue('startBetween', 'expected the earlier start time first');
    } else {
      if (s.start === undefined) issue('start', TIME_MESSAGE);
      if (s.end === undefined) issue('end', TIME_MESSAGE);
      if (s.every !== undefined || s.hours !== undefined) issue(s.every !== undefined ? 'every' : 'hours', 'expected with startBetween only');
    }
  })
  .describe('A shift belongs to the day it starts on: a Fri 22:00–06:00 shift runs into Saturday.');

export type ShiftSpec = z.infer<typeof shiftSchema>;
export type HeadCount = ShiftSpec['agents'];
