// Progress of a long run on stderr: a one-line bar with ETA on an interactive terminal; plain
// lines otherwise (logs, CI), and only once a run has taken a few seconds, at most one every
// 10%, so short runs and piped output stay clean.
const QUIET_FOR_MS = 3000;

export class Progress {
  private readonly startMs = Date.now();
  private readonly tty = process.stderr.isTTY === true;
  private lastTenth = 0;

  constructor(private readonly label: string, private readonly total: number) {}

  update(done: number): void {
    const elapsedMs = Date.now() - this.startMs;
    const eta = done > 0 && done < this.total ? `, ETA ${Math.ceil(((elapsedMs / done) * (this.total - done)) / 1000)} s` : '';
    if (this.tty) {
      const width = 24;
      const filled = Math.round((done / this.total) * width);
      process.stderr.write(`\r${this.label} ${done}/${this.total} [${'#'.repeat(filled)}${' '.repeat(width - filled)}]${eta}\x1b[K`);
      return;
    }
    const tenth = Math.floor((done / this.total) * 10);
    if (elapsedMs >= QUIET_FOR_MS && tenth > this.lastTenth) {
      this.lastTenth = tenth;
      process.stderr.write(`${this.label} ${done}/${this.total} (${tenth * 10}%)${eta}\n`);
    }
  }

  done(): void {
    if (this.tty) process.stderr.write('\r\x1b[K');
  }
}
