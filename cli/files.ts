// Reading scenario files and folders, and writing outputs atomically (temporary file, then
// rename), so an interrupted run never leaves a half-written file behind.
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario, ScenarioError, type Scenario } from '../sim/scenario';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SCENARIO = join(PROJECT_ROOT, 'scenarios', 'global-follow-the-sun.yaml');
const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/** Files named on the command line, folders expanded to the scenario files in them (sorted). */
export function expandScenarioPaths(paths: string[]): string[] {
  return paths.flatMap((p) => {
    let isFolder = false;
    try {
      isFolder = statSync(p).isDirectory();
    } catch {
      return [p]; // reported as unreadable when loaded
    }
    if (!isFolder) return [p];
    return readdirSync(p)
      .filter((name) => SCENARIO_FILE.test(name))
      .sort()
      .map((name) => join(p, name));
  });
}

/** How a path is shown to the user: relative to the working directory when that is shorter. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && rel.length < path.length ? rel : path;
}

export function loadScenario(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScenarioError([`${displayPath(path)}: ${code === 'ENOENT' ? 'file not found' : `cannot read (${code})`}`]);
  }
  return parseScenario(text, displayPath(path));
}

/** Creates an output folder if needed; returns what is wrong with it, or undefined. */
export function prepareFolder(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOTDIR' || code === 'EEXIST' ? 'not a folder' : code === 'EACCES' ? 'not writable' : `cannot be used (${code})`;
  }
}

export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}
