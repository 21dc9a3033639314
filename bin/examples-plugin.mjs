// A Vite plugin (vite.config.ts): the example scenarios shipped in scenarios/, read and checked
// when the app is built. The app gets each file's text and its already validated scenario, so it
// does not parse and check four YAML files on every start (0.35–0.6 s of the page's time in
// headless Chromium, before the first simulation could begin), and a shipped example with a
// problem fails the build instead of the page. The validator is sim/'s own, bundled here with
// esbuild (as bin/build-cli.mjs does for the CLI): the Vite config imports no TypeScript.
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const EXAMPLES_MODULE = 'virtual:followsun-examples';
const RESOLVED = `\0${EXAMPLES_MODULE}`;

/** sim/scenario/scenario.ts's parseScenario, bundled on first use. */
let parser;
async function parseScenario() {
  parser ??= build({
    absWorkingDir: ROOT,
    entryPoints: ['sim/scenario/scenario.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    // Bundled CommonJS dependencies (yaml) call require(): give the module one.
    banner: { js: `import { createRequire } from 'node:module'; const require = createRequire(${JSON.stringify(join(ROOT, 'package.json'))});` },
    logLevel: 'warning',
  }).then(
    async (r) => (await import(`data:text/javascript;base64,${Buffer.from(r.outputFiles[0].text).toString('base64')}`)).parseScenario,
  );
  return parser;
}

export function examplesPlugin() {
  const folder = join(ROOT, 'scenarios');
  return {
    name: 'followsun-examples',
    resolveId: (id) => (id === EXAMPLES_MODULE ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const parse = await parseScenario();
      const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).sort();
      const examples = files.map((fileName) => {
        const path = join(folder, fileName);
        this.addWatchFile(path);
        const text = readFileSync(path, 'utf8');
        return { fileName, text, scenario: parse(text, fileName) };
      });
      return `export default ${JSON.stringify(examples)};`;
    },
  };
}
