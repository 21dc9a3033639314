// A scenario as the user works on it: its source text (YAML or JSON) is the truth, so that edits
// keep the file's comments and layout, a download is the file the user would have written, and
// the same text runs in the browser and in the CLI. Every edit is validated with sim/'s schema.
import { isScalar, parseDocument, stringify, type Document } from 'yaml';
import { editYaml } from './yaml-splice';
import { formatPath, parseScenario, ScenarioError, type Scenario } from '../../sim/scenario/scenario';

export type Origin = 'example' | 'file' | 'variant' | 'link';

export interface ScenarioDoc {
  id: string;
  origin: Origin;
  /** The example this document started from (examples and their variants). */
  exampleKey?: string;
  fileName: string;
  format: 'yaml' | 'json';
  text: string;
  /** The text as loaded, for "Reset". */
  originalText: string;
  /** The validated scenario of `text`, or null while the text has problems. */
  scenario: Scenario | null;
  /** The last valid scenario (results shown while the text has problems). */
  lastValid: Scenario | null;
  problems: string[];
}

let counter = 0;
export const newDocId = () => `s${++counter}`;

function formatOf(fileName: string, text: string): 'yaml' | 'json' {
  return /\.json$/i.test(fileName) || /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

function validate(text: string, fileName: string): { scenario: Scenario | null; problems: string[] } {
  try {
    return { scenario: parseScenario(text, fileName), problems: [] };
  } catch (e) {
    if (e instanceof ScenarioError) return { scenario: null, problems: e.problems };
    return { scenario: null, problems: [`${fileName}: ${(e as Error).message}`] };
  }
}

/** Reads a scenario; throws ScenarioError (with readable problems) when `strict` and it is bad.
 * `checked`: the text's scenario, already validated (a shipped example: src/lib/examples.ts). */
export function createDoc(
  text: string,
  fileName: string,
  origin: Origin,
  options: { exampleKey?: string; strict?: boolean; originalText?: string; checked?: Scenario } = {},
): ScenarioDoc {
  const { scenario, problems } = options.checked ? { scenario: options.checked, problems: [] } : validate(text, fileName);
  if (options.strict && !scenario) throw new ScenarioError(problems);
  return {
    id: newDocId(),
    origin,
    exampleKey: options.exampleKey,
    fileName,
    format: formatOf(fileName, text),
    text,
    originalText: options.originalText ?? text,
    scenario,
    lastValid: scenario,
    problems,
  };
}

/** Texts read lately and their data: the editors ask at every render (a YAML parse each, 25–50 ms
 * for the default scenario), mostly for the same few texts. */
const rawDataOf = new Map<string, Readonly<Record<string, unknown>> | null>();
const RAW_DATA_KEPT = 4;

/** The raw data of the document (as written: no defaults filled in), or null if unreadable. Shared
 * between callers: read it, never change it. */
export function rawData(doc: ScenarioDoc): Readonly<Record<string, unknown>> | null {
  if (rawDataOf.has(doc.text)) return rawDataOf.get(doc.text)!;
  let data: Record<string, unknown> | null = null;
  try {
    const d = parseDocument(doc.text);
    const js = d.errors.length ? null : d.toJS();
    data = js && typeof js === 'object' ? js : null;
  } catch {
    // unreadable: null
  }
  if (rawDataOf.size >= RAW_DATA_KEPT) rawDataOf.delete(rawDataOf.keys().next().value!);
  rawDataOf.set(doc.text, data);
  return data;
}

export type FieldPath = (string | number)[];

/** Sets one field; only that field's text changes (comments and layout kept, src/lib/yaml-splice.ts). */
export function editDoc(doc: ScenarioDoc, path: FieldPath, value: unknown): ScenarioDoc {
  return changeDoc(doc, (yamlDoc) => {
    const node = yamlDoc.getIn(path, true);
    if (isScalar(node) && value !== null && typeof value !== 'object') node.value = value;
    else yamlDoc.setIn(path, value);
  });
}

/** Any change made with the `yaml` Document API, written into the text with only what changed
 * rewritten. JSON turns into YAML on the first edit (same data, and downloads are YAML anyway). */
export function changeDoc(doc: ScenarioDoc, change: (yamlDoc: Document) => void): ScenarioDoc {
  const source = doc.format === 'json' ? stringify(parseDocument(doc.text).toJS()) : doc.text;
  const text = editYaml(source, change);
  return text === doc.text ? doc : withText({ ...doc, format: 'yaml' }, text);
}

export function withText(doc: ScenarioDoc, text: string): ScenarioDoc {
  const { scenario, problems } = validate(text, doc.fileName);
  return { ...doc, text, scenario, lastValid: scenario ?? doc.lastValid, problems };
}

export function resetDoc(doc: ScenarioDoc): ScenarioDoc {
  return withText({ ...doc, format: formatOf(doc.fileName, doc.originalText) }, doc.originalText);
}

export function isModified(doc: ScenarioDoc): boolean {
  return doc.text !== doc.originalText;
}

export function displayName(doc: ScenarioDoc): string {
  return doc.scenario?.name ?? doc.lastValid?.name ?? doc.fileName;
}

/** A copy to turn into a variant: "… (variant 2)", its own file name. */
export function duplicateDoc(doc: ScenarioDoc, taken: ScenarioDoc[]): ScenarioDoc {
  const baseName = displayName(doc).replace(/ \(variant \d+\)$/, '');
  const baseFile = doc.fileName.replace(/(-variant-\d+)?\.(ya?ml|json)$/i, '');
  let n = 2;
  while (taken.some((d) => displayName(d) === `${baseName} (variant ${n})` || d.fileName === `${baseFile}-variant-${n}.yaml`)) n++;
  const named = editDoc({ ...doc }, ['name'], `${baseName} (variant ${n})`);
  const fileName = `${baseFile}-variant-${n}.yaml`;
  const copy = withText({ ...named, id: newDocId(), origin: 'variant', fileName }, named.text);
  return { ...copy, originalText: copy.text };
}

/** The file to download: the YAML text as edited (JSON documents converted to YAML). */
export function downloadFile(doc: ScenarioDoc): { name: string; text: string } {
  const name = doc.fileName.replace(/\.(ya?ml|json)$/i, '') + '.yaml';
  const text = doc.format === 'json' ? stringify(parseDocument(doc.text).toJS()) : doc.text;
  return { name, text };
}

export interface Problem {
  /** Field path as sim/ formats it ("staffing[2].shifts[0].agents"), or null (syntax, file). */
  path: string | null;
  line: number | null;
  message: string;
  text: string;
}

/** Splits ScenarioError lines ("file:12: staffing[1].agents: expected …") into path and message. */
export function splitProblems(doc: ScenarioDoc): Problem[] {
  return doc.problems.map((text) => {
    let rest = text.startsWith(doc.fileName) ? text.slice(doc.fileName.length) : text;
    const at = /^(?::(\d+))?(?::\d+)?: /.exec(rest);
    const line = at?.[1] ? Number(at[1]) : null;
    if (at) rest = rest.slice(at[0].length);
    if (/^not valid YAML/.test(rest) || !at) return { path: null, line, message: rest, text };
    const split = rest.indexOf(': ');
    if (split < 0) return { path: null, line, message: rest, text };
    return { path: rest.slice(0, split), line, message: rest.slice(split + 2), text };
  });
}

export const pathKey = (path: FieldPath) => formatPath(path);
