import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, importViolations, sourceFiles } from './support/import-rules.ts';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

describe('the import table of ARCHITECTURE.md', () => {
  it('holds for every file of the app', () => {
    expect(importViolations(sourceFiles(SRC))).toEqual([]);
  });

  it('catches what it forbids: the domain rendering mail or reading Hono, a route reading a table, a view calling the domain', () => {
    const files = [
      { path: 'domain/sales/x.ts', text: "import { renderMail } from '../../jobs/mail-templates.ts';\nimport { Hono } from 'hono';" },
      { path: 'domain/sales/y.ts', text: "import { type Locale, isLocale } from '../../i18n/index.ts';" },
      { path: 'http/club/z.tsx', text: "import { order, PRICE_CATEGORIES } from '../../db/schema/index.ts';" },
      { path: 'views/components/w.tsx', text: "import {\n  listClubs,\n} from '../../domain/clubs/list-clubs.ts';" },
      { path: 'integrations/payments/v.ts', text: "const m = await import('../../domain/sales/place-order.ts');" },
    ];
    expect(importViolations(files)).toEqual([
      'domain/sales/x.ts (domain) imports jobs/mail-templates.ts (jobs)',
      'domain/sales/x.ts imports the package hono',
      'domain/sales/y.ts (domain) imports i18n/index.ts (i18n)',
      'http/club/z.tsx (http) imports db/schema/index.ts (db)',
      'views/components/w.tsx (views) imports domain/clubs/list-clubs.ts (domain)',
      'integrations/payments/v.ts (integrations) imports domain/sales/place-order.ts (domain)',
    ]);
  });

  it('lets through what it allows: types, the schema constants, the outbox, the deps contract', () => {
    const files = [
      { path: 'domain/sales/x.ts', text: "import type { Locale } from '../../i18n/index.ts';" },
      {
        path: 'http/club/z.tsx',
        text: "import { PRICE_CATEGORIES, type PriceCategory } from '../../db/schema/index.ts';\nimport type { AppDeps } from '../../deps.ts';",
      },
      { path: 'integrations/auth/a.ts', text: "import { type Outbox, QUEUES } from '../../domain/outbox.ts';" },
      { path: 'views/components/w.tsx', text: "import type { CatalogMatch } from '../../domain/catalog/list-upcoming-matches.ts';" },
    ];
    expect(importViolations(files)).toEqual([]);
    expect(importsOf("export { formatDateTime } from './formats.ts';")).toEqual([
      { from: './formats.ts', names: [{ name: 'formatDateTime', type: false }] },
    ]);
  });
});
