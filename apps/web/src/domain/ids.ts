/** A UUID as PostgreSQL stores them (8-4-4-4-12 hex digits), as a pattern to build field names from. */
export const UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const UUID = new RegExp(`^${UUID_PATTERN}$`);

/**
 * Whether an id from outside is a UUID. Anything else sent to a uuid column makes PostgreSQL fail
 * the whole query (a 500), so every id from a request is checked with this first.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Whether a value can be a club's URL slug (see pickClubSlug). */
export function isClubSlug(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z0-9-]{1,80}$/.test(value);
}
