// Where a back-test chart's days start, for the app's chart and the report's alike (a module of its
// own: the app's page imports it without the replay's simulation code).

/** The points that start a day (where charts put the date), by their labels: ISO local times by the
 * hour or interval — the repeated autumn hour followed by its offset, "2026-11-01T00:00 (-04:00)"
 * then "(-05:00)" where the clocks go back at 01:00, only the first of which starts the day —
 * "Sun 09:00" by hour of the week, and days by the day. */
export function dayStarts(labels: readonly string[], grain: 'interval' | 'hour' | 'hourOfWeek' | 'day'): number[] {
  const starts: number[] = [];
  let day = '';
  labels.forEach((label, i) => {
    const midnight = grain === 'hour' || grain === 'interval' ? label.slice(10, 16) === 'T00:00' : grain === 'hourOfWeek' ? label.slice(3, 10) === ' 00:00' : true;
    if (midnight && label.slice(0, 10) !== day) starts.push(i);
    if (midnight) day = label.slice(0, 10);
  });
  return starts;
}
