// Helpers for the end-to-end tests: build the app into a temporary folder, serve it on 127.0.0.1
// with a tiny static server (no network beyond loopback), drive it with headless Chromium. Nothing
// here measures time: on a loaded machine everything is slower, and waits are generous.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser as PlaywrightBrowser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Screenshots go here (.tmp/ is git-ignored). */
export const SHOTS = join(ROOT, '.tmp', 'e2e-screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How long a wait for the app may take (a simulation result, a comparison, a download) before a
 * test gives up: generous, because a busy 2-core machine runs everything several times slower. */
export const PATIENCE = 120_000;

/** `vite build` into a fresh temporary folder; resolves to the folder. Asynchronous, so that the
 * test runner's own timers keep running while it builds. */
export function buildApp(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'followsun-dist-'));
  const args = [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise(outDir) : reject(new Error(`vite build failed (exit ${code}):\n${output}`))));
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** Serves `dir` (like any static host) on 127.0.0.1 under /app/ (a sub-folder, to check the
 * relative base). Records every request path. */
export async function serve(dir: string): Promise<StaticServer> {
  const requests: string[] = [];
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (!path.startsWith('/app/')) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(root, path.slice('/app/'.length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/app/`,
    requests,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export interface ContextOptions {
  colorScheme?: 'light' | 'dark';
  width?: number;
  height?: number;
}

export interface Browser {
  /** A new context: its own storage, cookies and pages (each test starts from one). */
  newContext(options?: ContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
  const browser: PlaywrightBrowser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    newContext: async (options: ContextOptions = {}) => {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
        timezoneId: 'UTC',
        locale: 'en-US',
        colorScheme: options.colorScheme ?? 'light',
        acceptDownloads: true,
      });
      context.setDefaultTimeout(PATIENCE);
      context.setDefaultNavigationTimeout(PATIENCE);
      return context;
    },
    close: () => browser.close(),
  };
}

export function shotPath(name: string): string {
  mkdirSync(SHOTS, { recursive: true });
  return join(SHOTS, `${name}.png`);
}

/** A test file's app: built once and served, one browser; each test gets a fresh context and page
 * (no storage left by another test), and fails if the page threw. Call it inside `describe`. */
export interface AppUnderTest {
  readonly server: StaticServer;
  readonly context: BrowserContext;
  readonly page: import('playwright-core').Page;
  /** The page's console errors since the test began (a test says when there must be none). */
  readonly consoleErrors: string[];
}

export function useApp(): AppUnderTest {
  let dist = '';
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: import('playwright-core').Page;
  let pageErrors: string[] = [];
  let consoleErrors: string[] = [];
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
    dist = await buildApp();
    server = await serve(dist);
    browser = await launch();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });
  beforeEach(async () => {
    pageErrors = [];
    context = await browser.newContext();
    context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(e.message)));
    page = await context.newPage();
    consoleErrors = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  }, PATIENCE);
  afterEach(async () => {
    await context?.close();
    expect(pageErrors, 'errors on the page').toEqual([]);
  }, PATIENCE);
  return {
    get server() {
      return server;
    },
    get context() {
      return context;
    },
    get page() {
      return page;
    },
    get consoleErrors() {
      return consoleErrors;
    },
  };
}

/** The element with keyboard focus, through the shadow roots: its accessible label or text. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? (el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName) : null;
  });

/** Drops a file on the page as a user drags it from their desktop. */
export async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const type = name.endsWith('.json') ? 'application/json' : name.endsWith('.tsv') ? 'text/tab-separated-values' : 'text/csv';
  const dataTransfer = await page.evaluateHandle(([n, t, ty]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: ty }));
    return dt;
  }, [name, text, type] as const);
  for (const event of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('fs-app', event, { dataTransfer });
}
