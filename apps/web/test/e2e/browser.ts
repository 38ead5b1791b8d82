import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:net';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; see "Browser scanning" in /work/shared/FACTS.md. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Whether browser tests can run here. Without Chromium they are skipped on a developer's machine,
 * with a warning; in CI (CI set) a missing browser is an error, never a silent skip.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI)
    throw new Error(`Browser tests need Chromium at ${CHROMIUM_PATH}, and CI is set: install it (apt-get install -y chromium).`);
  console.warn(`\n  Chromium not found at ${CHROMIUM_PATH}: browser tests are skipped (apt-get install -y chromium to run them).\n`);
  return false;
}

export interface TestBrowser {
  browser: Browser;
  /** Every URL that pages of contexts made by newContext() requested, in order (WebSockets included). */
  readonly requests: string[];
  /** How many connections reached the sink, i.e. how often the browser tried a host other than 127.0.0.1 / localhost. */
  readonly sinkConnections: number;
  /** A new context whose requests are recorded in `requests`. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** The recorded requests that did not go to 127.0.0.1 (data:, blob: and about: URLs are not network requests). */
  foreignRequests(): string[];
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('sink has no TCP address'));
      else resolve(address.port);
    });
  });
}

/**
 * Launches headless Chromium kept on loopback: every host name resolves to a local sink that accepts
 * and closes at once, except 127.0.0.1 and localhost. Returns null when Chromium is not installed
 * (outside CI; see chromiumAvailable). `args` add flags (a fake camera, say).
 */
export async function launchBrowser(args: string[] = []): Promise<TestBrowser | null> {
  if (!chromiumAvailable()) return null;
  let sinkConnections = 0;
  const sink = createServer((socket) => {
    sinkConnections++;
    socket.on('error', () => {});
    socket.destroy();
  });
  const sinkPort = await listen(sink);
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--host-resolver-rules=MAP * 127.0.0.1:${sinkPort}, EXCLUDE 127.0.0.1, EXCLUDE localhost`,
        ...args,
      ],
    });
  } catch (error) {
    sink.close();
    throw error;
  }

  const requests: string[] = [];
  return {
    browser,
    requests,
    get sinkConnections() {
      return sinkConnections;
    },
    async newContext(options) {
      const context = await browser.newContext(options);
      context.on('request', (request) => void requests.push(request.url()));
      context.on('page', (page) => page.on('websocket', (socket) => void requests.push(socket.url())));
      return context;
    },
    foreignRequests() {
      return requests.filter((url) => {
        const { protocol, hostname } = new URL(url);
        if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return false;
        return hostname !== '127.0.0.1';
      });
    },
    async close() {
      try {
        await browser.close();
      } finally {
        await new Promise<void>((resolve) => sink.close(() => resolve()));
      }
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is and returns the violations that
 * matter: serious and critical ones, as "rule: target" lines. Evaluated through the DevTools
 * protocol, so the page's strict CSP does not have to allow it.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
  return violations;
}

type AxeResults = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };

/**
 * What axe does not see about labels: it takes any <label for="x"> as the label of every element with
 * id "x", while the browser gives that label to the first one only, so a form repeated on a page can
 * leave its fields without a name. Returns ids used more than once, and form fields that the browser
 * itself finds no label for (control.labels, aria-label, aria-labelledby), as "rule: what" lines,
 * hidden fields included (a closed <details> opens).
 */
export async function labelProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const counts = new Map<string, number>();
    for (const element of document.querySelectorAll('[id]')) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
    for (const [id, count] of counts) if (count > 1) problems.push(`duplicate id: #${id} × ${count}`);
    const fields = document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
      'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]), select, textarea',
    );
    for (const field of fields) {
      if ((field.labels?.length ?? 0) > 0 || field.getAttribute('aria-label') || field.getAttribute('aria-labelledby')) continue;
      const form = field.closest('form')?.getAttribute('action');
      problems.push(`no label: ${field.localName}[name=${field.name}]${form ? ` in form ${form}` : ''}`);
    }
    return problems;
  });
}
