import { eq, like } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { organization } from '../../db/schema/index.ts';

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return slug || 'club';
}

/** A readable, unused URL slug for a new club: "rsc-anderlecht", then "rsc-anderlecht-2", … */
export async function pickClubSlug(db: Executor, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (
      await db
        .select({ slug: organization.slug })
        .from(organization)
        .where(like(organization.slug, `${base}%`))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function slugTaken(db: Executor, slug: string): Promise<boolean> {
  return (await db.select({ slug: organization.slug }).from(organization).where(eq(organization.slug, slug))).length > 0;
}
