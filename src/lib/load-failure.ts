// Parts of the app are fetched when first used (the planner's and the history import's workers,
// the planner and its solver, the replication threads): after the page has loaded, a network gone
// or a site updated since (its files renamed) leaves them unreachable. The page then says which,
// and what to do, instead of a browser's bare "failed to start".

/** The sentence for `part` (e.g. "The planner") that could not be loaded; `detail` is what the
 * browser said, if anything; `online` is navigator.onLine where the failure was seen. */
export function notLoadedText(part: string, detail: string | undefined, online: boolean): string {
  if (!online) return `${part} could not be loaded: this page is offline, and followsun fetches this part when it is first used. Connect to the network and try again.`;
  const said = detail?.trim() ? ` (${detail.trim()})` : '';
  return `${part} could not be loaded${said}. If followsun has been updated since this page was opened, reload the page.`;
}

/** notLoadedText with the browser's own idea of whether it is online (windows and workers). */
export function notLoaded(part: string, detail?: string): string {
  return notLoadedText(part, detail, typeof navigator === 'undefined' || navigator.onLine !== false);
}
