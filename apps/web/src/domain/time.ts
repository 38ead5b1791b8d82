/** FootArena's clubs play in Brussels: every date is shown, and every kick-off typed, in its time. */
export const TIME_ZONE = 'Europe/Brussels';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Europe/Brussels wall-clock time of an instant, as "YYYY-MM-DDTHH:mm". */
export function toBrusselsLocal(date: Date): string {
  const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * The instant at which Brussels clocks show `local` ("YYYY-MM-DDTHH:mm"), as clubs type kick-offs.
 * In the autumn hour that happens twice the earlier instant is taken; a time skipped in spring
 * moves forward by the gap.
 */
export function fromBrusselsLocal(local: string): Date {
  const asUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? new Date(`${local}:00Z`) : new Date(Number.NaN);
  // 30 February or 24:00 would roll over to another day: not a time anybody meant.
  if (Number.isNaN(asUtc.getTime()) || asUtc.toISOString().slice(0, 16) !== local) throw new RangeError(`Invalid local time: ${local}`);
  // Brussels is UTC+1 or UTC+2: try the larger offset first so that an ambiguous time resolves early.
  for (const hours of [2, 1]) {
    const candidate = new Date(asUtc.getTime() - hours * 3_600_000);
    if (toBrusselsLocal(candidate) === local) return candidate;
  }
  return new Date(asUtc.getTime() - 3_600_000);
}

/** The instant a Brussels calendar day ("YYYY-MM-DD") begins, `plusDays` later. */
export function brusselsDayStart(day: string, plusDays = 0): Date {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) throw new RangeError(`Invalid day: ${day}`);
  date.setUTCDate(date.getUTCDate() + plusDays);
  return fromBrusselsLocal(`${date.toISOString().slice(0, 10)}T00:00`);
}
