// Progress of a long run on stderr: a one-line bar with ETA on an interactive terminal; plain
// lines otherwise (logs, CI), and only once a run has taken a few seconds, at most one every
// 10%, so short runs and piped output stay clean.
const QUIET_FOR_MS = 3000;

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
      else this.line(this.lastDone, `${Math.floor((this.lastDone / this.total) * 100)}%, under way`, '');
    }, QUIET_FOR_MS);
    this.firstLine.unref();
  }

  private line(done: number, share: string, eta: string): void {
    this.printed = true;
    process.stderr.write(`${this.label} ${done}/${this.total} (${share})${eta}\n`);
  }

  update(done: number): void {
    this.lastDone = done;
    const elapsedMs = Date.now() - this.startMs;
    const eta = done > 0 && done < this.total ? `, ETA ${Math.ceil(((elapsedMs / done) * (this.total - done)) / 1000)} s` : '';
    if (this.tty) {
      // At most ten redraws a second (a grid being prepared updates for every point).
      if (done < this.total && elapsedMs - this.drawnMs < 100) return;
      this.drawnMs = elapsedMs;
      const width = 24;
      const filled = Math.round((done / this.total) * width);
      this.printed = true;
      process.stderr.write(`\r${this.label} ${done}/${this.total} [${'#'.repeat(filled)}${' '.repeat(width - filled)}]${eta}\x1b[K`);
      return;
    }
    const tenth = Math.floor((done / this.total) * 10);
    if (elapsedMs >= QUIET_FOR_MS && tenth > this.lastTenth) {
      this.lastTenth = tenth;
      this.line(done, `${tenth * 10}%`, eta);
    } else if (elapsedMs >= QUIET_FOR_MS && !this.printed) {
      // A long run where this thread is busy (the timer cannot fire): the first line now.
      this.line(done, `${tenth * 10}%, under way`, eta);
    }
  }

  done(): void {
    clearTimeout(this.firstLine);
    if (this.tty) process.stderr.write('\r\x1b[K');
  }
}
