// The example scenarios shipped in scenarios/, bundled as text so the app works offline.
const files = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface Example {
  key: string; // file name without extension
  fileName: string;
  text: string;
}

/** The scenario the app (like the CLI's DEFAULT_SCENARIO in cli/files.ts) opens with. */
export const DEFAULT_EXAMPLE = 'global-follow-the-sun';

export const EXAMPLES: Example[] = Object.entries(files)
  .map(([path, text]) => {
    const fileName = path.split('/').pop()!;
    return { key: fileName.replace(/\.ya?ml$/, ''), fileName, text };
  })
  // The default first, then by name.
  .sort((a, b) => Number(b.key === DEFAULT_EXAMPLE) - Number(a.key === DEFAULT_EXAMPLE) || a.key.localeCompare(b.key));

export function exampleByKey(key: string): Example | undefined {
  return EXAMPLES.find((e) => e.key === key);
}
