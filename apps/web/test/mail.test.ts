import { and, eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { match, order, user } from '../src/db/schema/index.ts';
import { QUEUES, type TemplateMail } from '../src/domain/outbox.ts';
import { formatDateTime, formatMoney, type Locale } from '../src/i18n/index.ts';
import { brusselsIn, clubWithOwner, matchOnSale, postOk, refundableTickets } from './support/catalog.ts';
import { createUser, databaseKinds, signIn, startTestApp, type TestApp } from './support/harness.ts';

// Every kind of mail a buyer or follower gets, in French, Dutch and English, through the real SMTP
// server: money written as the pages write it, real plurals, the person greeted by name, the match named.

const TITLE = 'Mail FC – Letters FC';
const people: Record<Locale, { email: string; name: string; adults: number }> = {
  fr: { email: 'ines@example.be', name: 'Inès', adults: 2 },
  nl: { email: 'jan@example.be', name: 'Jan', adults: 1 },
  en: { email: 'kim@example.be', name: 'Kim', adults: 3 },
};
const LOCALES = Object.keys(people) as Locale[];

/** Both parts of a mail as one text, HTML entities read back, spaces kept as they are. */
const partsOf = (mail: ParsedMail) => `${mail.subject}\n${mail.text}\n${String(mail.html).replace(/&#39;/g, "'").replace(/&amp;/g, '&')}`;

describe.each(databaseKinds())('mails in three languages on %s', (kind) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof clubWithOwner>>;
  let matchId = '';
  let mainId = '';
  const gatesOpenAt = new Date(Date.now() + 8 * 86_400_000 - 3_600_000);
  const orders: Partial<Record<Locale, typeof order.$inferSelect>> = {};

  beforeAll(async () => {
    t = await startTestApp(kind);
    owner = await clubWithOwner(t, 'Mail FC');
    ({ matchId, matchStandId: mainId } = await matchOnSale(t, owner, 'Letters FC'));
    await t.runtime.deps.db.update(match).set({ gatesOpenAt }).where(eq(match.id, matchId));
    for (const locale of LOCALES) {
      const { email, name, adults } = people[locale];
      await createUser(t, email, name);
      await t.runtime.deps.db.update(user).set({ locale }).where(eq(user.email, email));
      const fan = await signIn(t, email);
      const checkout = await fan.post(`/matches/${matchId}/checkout`, { [`q_${mainId}_adult`]: String(adults) });
      const sessionPath = new URL(checkout.headers.get('location')!).pathname;
      await fan.post(`${sessionPath}/pay`, {});
      [orders[locale]] = await t.runtime.deps.db
        .select()
        .from(order)
        .where(eq(order.providerSessionId, sessionPath.split('/').at(-1)!));
      expect(orders[locale]?.status).toBe('paid');
    }
  });
  afterAll(() => t?.close());

  it('sends the tickets greeting the buyer, with the match, its address, the gate time and each price', async () => {
    const expected = {
      fr: [
        'Bonjour Inès,',
        'Voici vos 2 tickets pour Mail FC – Letters FC',
        'Lieu\u00a0: Park, Rue 1, 1000 Bruxelles',
        'Ouverture des portes\u00a0: ',
      ],
      nl: ['Hallo Jan,', 'Hier is je ticket voor Mail FC – Letters FC', 'Waar: Park, Rue 1, 1000 Bruxelles', 'Poorten open: '],
      en: ['Hello Kim,', 'Here are your 3 tickets for Mail FC – Letters FC', 'Where: Park, Rue 1, 1000 Bruxelles', 'Gates open: '],
    };
    for (const locale of LOCALES) {
      const mail = await t.smtp.waitFor(people[locale].email, new RegExp(TITLE));
      const text = partsOf(mail);
      for (const part of expected[locale]) expect(text).toContain(part);
      expect(text).toContain(formatDateTime(gatesOpenAt, locale));
      expect(text).toContain(formatMoney(1000, locale)); // the adult price, as the match page writes it
      expect(text).not.toMatch(/\(s\)|\(en\)/);
    }
    expect(partsOf(await t.smtp.waitFor(people.fr.email, new RegExp(TITLE)))).toContain('10,00\u00a0€');
  });

  it('tells of a refund with the amount in the buyer’s money format and a real plural', async () => {
    // French: one ticket of two, then the rest; Dutch: the whole order.
    const fr = orders.fr!;
    const [picked] = await refundableTickets(owner.owner, owner.base, fr.id);
    await postOk(owner.owner, `${owner.base}/orders/${fr.id}/refund`, { 'ticket[]': picked!, confirm: 'yes' });
    const [afterOne] = await t.runtime.deps.db.select().from(order).where(eq(order.id, fr.id));
    const partial = await t.smtp.waitFor(people.fr.email, /1 ticket remboursé/);
    expect(partial.subject).toBe(`Commande ${fr.reference}\u00a0: 1 ticket remboursé (${TITLE})`);
    expect(partsOf(partial)).toContain('Bonjour Inès,');
    expect(partsOf(partial)).toContain(
      `1 ticket de votre commande ${fr.reference} pour ${TITLE} a été remboursé\u00a0: ${formatMoney(afterOne!.refundedCents, 'fr')} reviennent`,
    );

    const nl = orders.nl!;
    await postOk(owner.owner, `${owner.base}/orders/${nl.id}/refund`, { confirm: 'yes', message: 'Sorry!' });
    const whole = await t.smtp.waitFor(people.nl.email, /terugbetaald/);
    expect(whole.subject).toBe(`Bestelling ${nl.reference} terugbetaald (${TITLE})`);
    expect(partsOf(whole)).toContain('Hallo Jan,');
    expect(partsOf(whole)).toContain(`${formatMoney(nl.totalCents, 'nl')} gaat terug`);
    expect(formatMoney(nl.totalCents, 'nl')).toMatch(/^€\s\d+,\d\d$/);
    expect(partsOf(whole)).toContain('Bericht van de club:\nSorry!');
  });

  it('tells every holder of a postponement by name, naming the match', async () => {
    await postOk(owner.owner, `${owner.base}/matches/${matchId}/postpone`, { kickoffAt: brusselsIn(20), confirm: 'yes' });
    const greetings = { fr: 'Bonjour Inès,', en: 'Hello Kim,' } as const;
    for (const locale of ['fr', 'en'] as const) {
      const mail = await t.smtp.waitFor(people[locale].email, /reporté|postponed/);
      expect(mail.subject).toContain(TITLE);
      expect(partsOf(mail)).toContain(greetings[locale]);
    }
  });

  it('tells every buyer of a cancelled match, the whole amount in their format', async () => {
    const en = orders.en!;
    await postOk(owner.owner, `${owner.base}/matches/${matchId}/status`, { status: 'cancelled', confirm: 'yes' });
    const mail = await t.smtp.waitFor(people.en.email, /Match cancelled/);
    expect(mail.subject).toBe(`Match cancelled: ${TITLE}, order ${en.reference} refunded`);
    expect(partsOf(mail)).toContain('Hello Kim,');
    expect(partsOf(mail)).toContain(`You are refunded in full: ${formatMoney(en.totalCents, 'en')} goes back`);
    expect(formatMoney(en.totalCents, 'en')).toMatch(/^€\d+\.\d\d$/);
  });

  it('tells followers of a match on sale by name, in their language', async () => {
    const follower = 'fien@example.be';
    await createUser(t, follower, 'Fien');
    await t.runtime.deps.db.update(user).set({ locale: 'nl' }).where(eq(user.email, follower));
    await postOk(await signIn(t, follower), `/c/${owner.slug}/follow`, {});
    await matchOnSale(t, owner, 'Stamps FC');
    const mail = await t.smtp.waitFor(follower, /Mail FC – Stamps FC: tickets te koop/);
    expect(partsOf(mail)).toContain('Hallo Fien,');
    expect(partsOf(mail)).toContain('Mail FC heeft zijn wedstrijd Mail FC – Stamps FC in de verkoop gezet');
  });

  it('renders a refund after the seats went, in French, with the amount in euros the French way', async () => {
    // The domain names the mail; the job renders it (what refundUnfulfillableOrder sends).
    const fr = orders.fr!;
    await t.runtime.deps.db.transaction((tx) =>
      t.runtime.jobs.send(tx, QUEUES.mail, {
        to: 'late@example.be',
        template: 'seatsGone',
        locale: 'fr',
        params: { url: 'http://localhost/matches/x', reference: 'FA-LATE', match: TITLE, name: 'Léa' },
        money: { amount: 123456 },
      } satisfies TemplateMail),
    );
    const mail = await t.smtp.waitFor('late@example.be', /FA-LATE/);
    expect(mail.subject).toBe(`Commande FA-LATE\u00a0: paiement remboursé (${TITLE})`);
    expect(partsOf(mail)).toContain('Bonjour Léa,');
    expect(partsOf(mail)).toContain('1\u202f234,56\u00a0€ reviennent');
    expect(
      await t.runtime.deps.db
        .select()
        .from(order)
        .where(and(eq(order.id, fr.id), eq(order.status, 'refunded'))),
    ).toHaveLength(1); // the cancellation above refunded the rest of the French order
  });
});
