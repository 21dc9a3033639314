// Progress of a long run on stderr: a one-line bar with ETA on an interactive terminal; plain
// lines otherwise (logs, CI), and only once a run has taken a few seconds, at most one every
// 10%, so short runs and piped output stay clean.
const QUIET_FOR_MS = 3000;
/** The bar's width in characters, and the least it is narrowed to on a narrow terminal. */
const BAR_WIDTH = 24;
const BAR_WIDTH_AT_LEAST = 10;
/** A terminal that does not say its width is taken to be this wide, the narrowest common one. */
const ASSUMED_COLUMNS = 80;

/** Time left in words an analyst reads at a glance: "45 s", "12 min 5 s", "3 h 20 min". */
export function etaText(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  const minutes = Math.ceil(s / 60);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * The bar's line, at most `columns - 1` characters: a line as wide as the terminal (or wider)
 * wraps, and each redraw's carriage return then goes back to its last row only, leaving a copy
 * of the line above for every update ("Simulating the scenario as written and as planned:
 * replication 1/40 […]" is 104 characters). The bar narrows first, then the label is cut.
 */
export function barLine(label: string, done: number, total: number, eta: string, columns: number): string {
  const counts = ` ${done}/${total} `;
  const room = columns - 1;
  const fixed = label.length + counts.length + 2 + eta.length;
  const width = Math.max(BAR_WIDTH_AT_LEAST, Math.min(BAR_WIDTH, room - fixed));
  const filled = Math.round((done / total) * width);
  const bar = `[${'#'.repeat(filled)}${' '.repeat(width - filled)}]`;
  const tail = `${counts}${bar}${eta}`;
  if (label.length + tail.length <= room) return `${label}${tail}`;
  const kept = room - tail.length - 1;
  return kept > 0 ? `${label.slice(0, kept)}…${tail}` : tail.slice(-room);
}

export class Progress {
  private readonly startMs = Date.now();
  private readonly tty = process.stderr.isTTY === true;
  private lastTenth = 0;
  private lastDone = 0;
  private printed = false;
  private drawnMs = -Infinity;
  /** A first line once the run has taken a few seconds, even before anything has finished (one
   * long replication, or a large grid being prepared), so that a long run never looks hung. */
  private readonly firstLine: NodeJS.Timeout;

  constructor(private readonly label: string, private readonly total: number) {
    this.firstLine = setTimeout(() => {
      if (this.printed) return;
      if (this.tty) this.update(this.lastDone);
      else this.line(this.lastDone, `${this.percent(this.lastDone)}%, under way`, '');
    }, QUIET_FOR_MS);
    this.firstLine.unref();
  }

  /** The share done, rounded down: a line never says more than is done, nor less than the last. */
  private percent(done: number): number {
    return Math.floor((done / this.total) * 100);
  }

  private line(done: number, share: string, eta: string): void {
    this.printed = true;
    process.stderr.write(`${this.label} ${done}/${this.total} (${share})${eta}\n`);
  }

  update(done: number): void {
    this.lastDone = done;
    const elapsedMs = Date.now() - this.startMs;
    const eta = done > 0 && done < this.total ? `, ETA ${etaText((elapsedMs / done) * (this.total - done) / 1000)}` : '';
    if (this.tty) {
      // At most ten redraws a second (a grid being prepared updates for every point).
      if (done < this.total && elapsedMs - this.drawnMs < 100) return;
      this.drawnMs = elapsedMs;
      this.printed = true;
      process.stderr.write(`\r${barLine(this.label, done, this.total, eta, process.stderr.columns || ASSUMED_COLUMNS)}\x1b[K`);
      return;
    }
    const tenth = Math.floor((done / this.total) * 10);
    if (elapsedMs >= QUIET_FOR_MS && tenth > this.lastTenth) {
      this.lastTenth = tenth;
      this.line(done, `${this.percent(done)}%`, eta);
    } else if (elapsedMs >= QUIET_FOR_MS && !this.printed) {
      // A long run where this thread is busy (the timer cannot fire): the first line now.
      this.line(done, `${this.percent(done)}%, under way`, eta);
    }
  }

  done(): void {
    clearTimeout(this.firstLine);
    if (this.tty) process.stderr.write('\r\x1b[K');
  }
}
