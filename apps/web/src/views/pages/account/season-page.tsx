import { useRequestContext } from 'hono/jsx-renderer';
import type { MySeasonPass, SeasonMatchState } from '../../../domain/seasons/find-my-season-pass.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDateTime, formatMoney } from '../../../i18n/index.ts';
import { Field, Form } from '../../components/form.tsx';
import { useT } from '../../components/use-t.ts';

/**
 * A holder's season ticket: each covered match with its seat's state, and for a match to come the
 * two ways to pass it on — lend it to a friend, or free the seat (the credit shown before confirming).
 * Plain forms: works without JavaScript.
 */
export function SeasonPage({ pass }: { pass: MySeasonPass }) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  const base = `/account/season/${pass.id}`;
  return (
    <>
      <h1>
        {t('season.title')}: {pass.product} {pass.season}
      </h1>
      <p>{t('season.passIntro', { stand: pass.stand })}</p>
      {pass.status === 'valid' ? (
        <p class="actions">
          {pass.matches.some((m) => m.attending) ? <a href={`/account/tickets/${pass.id}/match.ics`}>{t('tickets.calendar')}</a> : null}
          <a href={`/account/tickets/orders/${pass.reference}/tickets.pdf`}>{t('tickets.pdf')}</a>
        </p>
      ) : null}
      <p>
        <strong>{t('season.credit', { club: pass.club, amount: formatMoney(pass.creditCents, locale) })}</strong>
      </p>
      {pass.matches.map((m) => (
        <section class="card" id={`m-${m.id}`}>
          <h2>{m.title}</h2>
          <p>
            {formatDateTime(m.kickoffAt, locale)} · <strong>{stateText(t, m.state, locale)}</strong>
          </p>
          {m.state.kind === 'lent' && m.state.undoable ? (
            <Form action={`${base}/${m.id}/undo`} idPrefix={`u-${m.id}`}>
              <button type="submit" class="secondary">
                {t('season.undo')}
              </button>
            </Form>
          ) : null}
          {m.state.kind === 'to_come' && pass.status === 'valid' ? (
            <>
              <details>
                <summary>{t('season.lend')}</summary>
                <Form action={`${base}/${m.id}/lend`} idPrefix={`l-${m.id}`}>
                  <Field name="email" type="email" label={t('season.lend.email')} required maxlength={254} autocomplete="off" />
                  <Field name="name" label={t('season.lend.name')} maxlength={100} autocomplete="off" />
                  <button type="submit">{t('season.lend.submit')}</button>
                </Form>
              </details>
              <details>
                <summary>{t('season.giveBack')}</summary>
                <p>{t('season.giveBack.quote', { amount: formatMoney(pass.giveBackCents, locale), club: pass.club })}</p>
                <Form action={`${base}/${m.id}/give-back`} idPrefix={`g-${m.id}`}>
                  <button type="submit" class="secondary">
                    {t('season.giveBack.submit')}
                  </button>
                </Form>
              </details>
            </>
          ) : null}
        </section>
      ))}
    </>
  );
}

function stateText(t: ReturnType<typeof useT>, state: SeasonMatchState, locale: string) {
  switch (state.kind) {
    case 'to_come':
      return t('season.state.toCome');
    case 'entered':
      return t('season.state.entered');
    case 'missed':
      return t('season.state.missed');
    case 'lent':
      return t('season.state.lent', { holder: state.holder });
    case 'given_back':
      return state.credited ? t('season.state.credited', { amount: formatMoney(state.creditCents, locale) }) : t('season.state.givenBack');
    case 'revoked':
      return t('season.state.revoked');
  }
}
