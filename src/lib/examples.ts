// The example scenarios shipped in scenarios/, bundled with the app so it works offline: each
// file's text and its scenario, validated when the app was built (bin/examples-plugin.mjs).
import shipped from 'virtual:followsun-examples';
import type { Scenario } from '../../sim/scenario/scenario';

export interface Example {
  key: string; // file name without extension
  fileName: string;
  text: string;
  /** `text` validated: what parseScenario(text, fileName) gives. */
  scenario: Scenario;
}

/** The scenario the app (like the CLI's DEFAULT_SCENARIO in cli/files.ts) opens with. */
export const DEFAULT_EXAMPLE = 'global-follow-the-sun';

export const EXAMPLES: Example[] = shipped
  .map((e) => ({ ...e, key: e.fileName.replace(/\.ya?ml$/, '') }))
  // The default first, then by name.
  .sort((a, b) => Number(b.key === DEFAULT_EXAMPLE) - Number(a.key === DEFAULT_EXAMPLE) || a.key.localeCompare(b.key));

export function exampleByKey(key: string): Example | undefined {
  return EXAMPLES.find((e) => e.key === key);
}
