import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// ARCHITECTURE.md's table "Who may import whom", as data, and the check that reads every import of
// apps/web/src against it (type-only imports told apart from values).

export type Layer = 'domain' | 'db' | 'integrations' | 'jobs' | 'http' | 'views' | 'i18n' | 'client' | 'cli' | 'root';

/** What each layer may import: `true` anything of it, `'types'` only types, a function to judge one import. */
type Allowance = true | 'types' | ((target: string, names: ImportedName[]) => boolean);
export const RULES: Record<Layer, Partial<Record<Layer, Allowance>>> = {
  domain: { domain: true, db: true, i18n: 'types' },
  db: { db: true },
  integrations: {
    integrations: true,
    db: true,
    jobs: true,
    i18n: true,
    // The ports the domain defines, implemented here; and the outbox, to send mail with the state change.
    domain: (target, names) => target === 'domain/outbox.ts' || names.every((n) => n.type),
  },
  jobs: {
    jobs: true,
    domain: true,
    db: true,
    integrations: true,
    views: true,
    i18n: true,
    root: (target, names) => target === 'deps.ts' && names.every((n) => n.type),
  },
  http: {
    http: true,
    domain: true,
    integrations: true,
    views: true,
    i18n: true,
    jobs: 'types',
    // Types and the schema's constants (enums such as PRICE_CATEGORIES), never a table to query.
    db: (_, names) => names.every((n) => n.type || /^[A-Z][A-Z0-9_]*$/.test(n.name)),
    root: (target, names) => target === 'deps.ts' && names.every((n) => n.type),
  },
  views: { views: true, i18n: true, domain: 'types', http: 'types' },
  i18n: { i18n: true, domain: (target) => target === 'domain/time.ts' },
  client: {
    client: true,
    i18n: (target) => target === 'i18n/formats.ts',
    // The clock's zone, and the fee rule the match page's running total applies (pure, types only beside).
    domain: (target) => target === 'domain/time.ts' || target === 'domain/sales/fees.ts',
  },
  cli: { cli: true, domain: true, db: true, integrations: true, jobs: true, i18n: true, root: true },
  root: {
    root: true,
    domain: true,
    db: true,
    integrations: true,
    jobs: true,
    http: true,
    views: true,
    i18n: true,
    cli: true,
    client: true,
  },
};

/** Packages a layer must not use: the domain is called the same way from pages, the device API and jobs. */
const FORBIDDEN_PACKAGES: Partial<Record<Layer, RegExp>> = {
  domain: /^hono(\/|$)/,
  views: /^drizzle-orm/,
  client: /^(drizzle-orm|hono|pg)/,
};

export interface ImportedName {
  name: string;
  type: boolean;
}

export function layerOf(relative: string): Layer {
  const top = relative.split('/')[0]!;
  return relative.includes('/') ? (top as Layer) : 'root';
}

/** Each import and re-export of a source text: where from, which names, and whether only for types. */
export function importsOf(text: string) {
  const found: { from: string; names: ImportedName[] }[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    const allType = Boolean(m[1]);
    const clause = m[2]!;
    const braced = /\{([^}]*)\}/.exec(clause)?.[1];
    const names: ImportedName[] = (braced ? braced.split(',') : [])
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => ({ name: s.replace(/^type\s+/, '').split(/\s+as\s+/)[0]!, type: allType || s.startsWith('type ') }));
    const outside = clause
      .replace(/\{[^}]*\}/, '')
      .replace(/,/g, ' ')
      .trim();
    if (outside) names.push({ name: outside.replace(/^\*\s+as\s+/, ''), type: allType });
    found.push({ from: m[3]!, names: names.length ? names : [{ name: '*', type: allType }] });
  }
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ from: m[1]!, names: [{ name: '*', type: false }] });
  return found;
}

/** The imports of `files` (paths relative to src/) that the table does not allow, in words. */
export function importViolations(files: { path: string; text: string }[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const from = layerOf(file.path);
    for (const { from: specifier, names } of importsOf(file.text)) {
      if (!specifier.startsWith('.')) {
        if (FORBIDDEN_PACKAGES[from]?.test(specifier)) problems.push(`${file.path} imports the package ${specifier}`);
        continue;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), specifier));
      const to = layerOf(target);
      const allowed = RULES[from][to];
      const ok =
        allowed === true ||
        (allowed === 'types' && names.every((n) => n.type)) ||
        (typeof allowed === 'function' && allowed(target, names));
      if (!ok) problems.push(`${file.path} (${from}) imports ${target} (${to})${names.every((n) => n.type) ? ', types' : ''}`);
    }
  }
  return problems;
}

/** Every source file of apps/web/src but the tests, relative to src/. */
export function sourceFiles(src: string) {
  const files: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
        files.push({ path: path.relative(src, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(src);
  return files;
}
