// A one-line progress bar with ETA on an interactive terminal (stderr); silent otherwise, so
// piped output and CI logs stay clean.
export class Progress {
  private readonly startMs = Date.now();
  private readonly enabled = process.stderr.isTTY === true;

  constructor(private readonly label: string, private readonly total: number) {}

  update(done: number): void {
    if (!this.enabled) return;
    const width = 24;
    const filled = Math.round((done / this.total) * width);
    const elapsed = (Date.now() - this.startMs) / 1000;
    const eta = done > 0 && done < this.total ? ` ETA ${Math.ceil((elapsed / done) * (this.total - done))} s` : '';
    process.stderr.write(`\r${this.label} ${done}/${this.total} [${'#'.repeat(filled)}${' '.repeat(width - filled)}]${eta}\x1b[K`);
  }

  done(): void {
    if (this.enabled) process.stderr.write('\r\x1b[K');
  }
}
