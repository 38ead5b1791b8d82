import type { Context } from 'hono';
import { z } from 'zod';
import { findLookAlikeClubs } from '../../domain/clubs/find-look-alike-clubs.ts';
import type { ClubFormShown } from '../../views/pages/club/club-fields.tsx';
import { text } from '../fields.ts';
import type { FormValues } from '../forms.ts';
import type { AppEnv } from '../types.ts';

const color = z
  .string()
  .trim()
  .regex(/^(#[0-9a-fA-F]{6})?$/, 'error.color')
  .transform((v) => v || undefined);

/** A club's profile, as registered and as edited in its settings. */
export const clubForm = z.object({
  name: text(2, 80),
  commune: text(1, 80),
  colorPrimary: color.optional(),
  colorSecondary: color.optional(),
  // The look-alike clubs the person said their club is not (checkboxes "notClub[]").
  notClub: z.array(z.string().max(64)).max(50).default([]),
});

/**
 * A club name that supporters could take for another club's needs the person to say, club by club,
 * that theirs is not that one; until then the form comes back with the look-alikes listed.
 */
export async function unconfirmedLookAlikes(
  c: Context<AppEnv>,
  form: { data: z.infer<typeof clubForm>; values: FormValues },
  exceptClubId?: string,
): Promise<ClubFormShown | null> {
  const { name, notClub } = form.data;
  const lookAlikes = await findLookAlikeClubs(c.get('deps').db, name, { exceptClubId });
  if (lookAlikes.every((club) => notClub.includes(club.id))) return null;
  return { values: form.values, errors: { name: c.get('t')('error.lookAlikeUnconfirmed') }, lookAlikes, confirmed: notClub };
}
