import type { Context } from 'hono';
import { findClubSetup } from '../../domain/clubs/find-club-setup.ts';
import type { AppEnv } from '../types.ts';

/** The club's setup steps, payouts counting only when payments go through Stripe. */
export const clubSetup = (c: Context<AppEnv>) =>
  findClubSetup(c.get('deps').db, c.get('membership').club.id, { payoutsNeeded: c.get('deps').payments.kind === 'stripe' });
