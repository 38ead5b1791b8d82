import { type AnyColumn, sql } from 'drizzle-orm';

/** Whether a club carries the platform's "verified" badge, as a column of a query (`organization.verifiedAt` or an alias's). */
export const clubVerified = (verifiedAt: AnyColumn) => sql<boolean>`(${verifiedAt} is not null)`.mapWith(Boolean);
