// Ctrl-C (SIGINT) or SIGTERM during a long batch: stop handing out work, keep what has finished,
// say what is missing. The command then exits 130 (SIGINT) or 143 (SIGTERM), as a shell reports
// a process ended by that signal; a second signal stops at once.
export interface Interrupt {
  aborted: boolean;
  /** 130 after SIGINT, 143 after SIGTERM. */
  exitCode: number;
  dispose(): void;
}

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
const exitCodeOf = (signal: NodeJS.Signals): number => EXIT_CODES[signal as keyof typeof EXIT_CODES] ?? 130;
let lastExitCode = 130;

/** The exit code of the last interrupting signal (130 when there was none). */
export const interruptedExitCode = () => lastExitCode;

export function watchInterrupt(): Interrupt {
  const state: Interrupt = {
    aborted: false,
    exitCode: 130,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
  const onSignal = (signal: NodeJS.Signals) => {
    const code = exitCodeOf(signal);
    if (state.aborted) process.exit(code); // a second signal: stop at once
    state.aborted = true;
    state.exitCode = lastExitCode = code;
    process.stderr.write(`\nInterrupted${signal === 'SIGTERM' ? ' (SIGTERM)' : ''}: stopping the replications under way, keeping finished results…\n`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return state;
}

/** The signal came while the last replications were finishing, and they all did: the output is
 * whole, but the command still ends as the signal asked (130 or 143), so a script sees the stop. */
export function interruptedAfterAll(exitCode: number): number {
  process.stderr.write('Interrupted, but every replication had finished: the output is complete.\n');
  return exitCode;
}

/** For work that cannot keep a part (a plan half-made is no plan): on SIGINT or SIGTERM, say
 * `message(signal)` and exit at once with 130 or 143. Returns the function that stops watching. */
export function exitOnInterrupt(message: (signal: NodeJS.Signals) => string): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(message(signal));
    process.exit(exitCodeOf(signal));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
