import type { Executor } from './client.ts';
import { competition } from './schema/index.ts';

// The Belgian amateur competitions every club picks from; the platform admin maintains the list.
export const COMPETITIONS = [
  { slug: 'nationale-1', name: 'Nationale 1', kind: 'league' },
  { slug: 'd2-acff', name: 'Division 2 ACFF', kind: 'league' },
  { slug: 'd2-vv', name: 'Tweede Afdeling VV', kind: 'league' },
  { slug: 'd3-acff', name: 'Division 3 ACFF', kind: 'league' },
  { slug: 'd3-vv', name: 'Derde Afdeling VV', kind: 'league' },
  { slug: 'p1-brabant-acff', name: 'Provinciale 1 Brabant ACFF', kind: 'league' },
  { slug: 'p1-brabant-vv', name: 'Eerste Provinciale Brabant VV', kind: 'league' },
  { slug: 'p2-brabant-acff', name: 'Provinciale 2 Brabant ACFF', kind: 'league' },
  { slug: 'beker-van-belgie', name: 'Croky Cup / Beker van België', kind: 'cup' },
  { slug: 'coupe-brabant', name: 'Coupe du Brabant / Beker van Brabant', kind: 'cup' },
  { slug: 'friendly', name: 'Match amical / Vriendschappelijk', kind: 'friendly' },
  { slug: 'youth-u19', name: 'U19 Élites / U19 Elite', kind: 'youth' },
] as const;

/** Idempotent: inserts what is missing, leaves what the platform admin edited. */
export async function seedReference(db: Executor): Promise<void> {
  await db
    .insert(competition)
    .values(COMPETITIONS.map((c) => ({ ...c })))
    .onConflictDoNothing({ target: competition.slug });
}
