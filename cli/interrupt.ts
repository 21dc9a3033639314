// Ctrl-C during a long batch: stop handing out work, keep what has finished, say what is missing.
export interface Interrupt {
  aborted: boolean;
  dispose(): void;
}

export function watchInterrupt(): Interrupt {
  const state: Interrupt = {
    aborted: false,
    dispose: () => process.off('SIGINT', onSignal),
  };
  const onSignal = () => {
    if (state.aborted) process.exit(130); // a second Ctrl-C: stop at once
    state.aborted = true;
    process.stderr.write('\nInterrupted: stopping the replications under way, keeping finished results…\n');
  };
  process.on('SIGINT', onSignal);
  return state;
}
