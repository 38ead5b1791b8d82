// How a Belgian reader expects a kick-off written, worked out by hand (day and month names typed out,
// the Brussels offset from the EU rule) so that tests check the app's Intl output instead of
// repeating it, and hold for every month of the year whatever day the suite runs.

const WEEKDAYS = {
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  nl: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
} as const;

const MONTHS = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

type Locale = keyof typeof MONTHS;

/** The last Sunday of a month at 01:00 UTC: when the EU changes its clocks. */
function lastSundayAt1Utc(year: number, monthIndex: number): number {
  const last = new Date(Date.UTC(year, monthIndex + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}

/** Brussels is UTC+2 from the last Sunday of March to the last Sunday of October (01:00 UTC), else UTC+1. */
function brusselsOffsetHours(instant: Date): number {
  const year = instant.getUTCFullYear();
  const t = instant.getTime();
  return t >= lastSundayAt1Utc(year, 2) && t < lastSundayAt1Utc(year, 9) ? 2 : 1;
}

/** "samedi 5 décembre 2026 à 15:00", "zaterdag 5 december 2026 om 15:00", "Saturday, 5 December 2026 at 15:00". */
export function kickoffText(instant: Date, locale: Locale): string {
  const wall = new Date(instant.getTime() + brusselsOffsetHours(instant) * 3_600_000);
  const weekday = WEEKDAYS[locale][wall.getUTCDay()];
  const day = `${wall.getUTCDate()} ${MONTHS[locale][wall.getUTCMonth()]} ${wall.getUTCFullYear()}`;
  const time = wall.toISOString().slice(11, 16);
  if (locale === 'fr') return `${weekday} ${day} à ${time}`;
  if (locale === 'nl') return `${weekday} ${day} om ${time}`;
  return `${weekday}, ${day} at ${time}`;
}

/** Text with every kind of space made plain, as Intl may use narrow or non-breaking ones. */
export const plainSpaces = (text: string) => text.replace(/\s/g, ' ');

/**
 * Days the date-sensitive tests are run on, as "now": New Year's Eve, the end of February, August,
 * and the Wednesdays before the two daylight-saving changes (the next Saturdays fall on both sides).
 */
export const AWKWARD_DAYS = [
  '2026-12-31T10:00:00Z',
  '2027-02-28T10:00:00Z',
  '2027-03-24T10:00:00Z',
  '2027-08-11T10:00:00Z',
  '2027-10-27T10:00:00Z',
].map((iso) => new Date(iso));
