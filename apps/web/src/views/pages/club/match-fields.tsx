import type { OpponentClubs } from '../../../domain/catalog/find-opponent-clubs.ts';
import type { listCatalogChoices } from '../../../domain/catalog/list-catalog-choices.ts';
import type { VenueWithStands } from '../../../domain/catalog/list-venues.ts';
import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import { CheckField, Field, FormError, Select } from '../../components/form.tsx';
import { useT } from '../../components/use-t.ts';
import { VerifiedBadge } from '../../components/verified-badge.tsx';

/** What the match form offers: the other clubs, competitions, the club's venues, and the clubs the typed opponent may be. */
export interface MatchFormChoices {
  clubs: Awaited<ReturnType<typeof listCatalogChoices>>['clubs'];
  competitions: Awaited<ReturnType<typeof listCatalogChoices>>['competitions'];
  venues: VenueWithStands[];
  opponents: OpponentClubs | null;
}

/** The clubs an opponent's name fits when no single one stands out: the club picks one, or none. */
function OpponentChoice({ opponents, values, errors }: { opponents: OpponentClubs | null; values?: FormValues; errors?: FieldErrors }) {
  const t = useT();
  if (!opponents?.ambiguous) return null;
  const error = errors?.opponentChoice;
  return (
    <fieldset class={error ? 'field invalid' : 'field'} aria-describedby={error ? 'f-opponentChoice-error' : undefined}>
      <legend>{t('matches.opponentChoice')}</legend>
      {opponents.candidates.map((club) => (
        <div>
          <label class="inline">
            <input type="radio" name="opponentChoice" value={club.id} checked={values?.opponentChoice === club.id} /> {club.name}
            {club.commune ? ` (${club.commune})` : ''}
          </label>
          <VerifiedBadge verified={club.verified} />
        </div>
      ))}
      <div>
        <label class="inline">
          <input type="radio" name="opponentChoice" value="none" checked={values?.opponentChoice === 'none'} /> {t('matches.opponentNone')}
        </label>
      </div>
      {error ? (
        <small id="f-opponentChoice-error" class="error" role="alert">
          {error}
        </small>
      ) : null}
    </fieldset>
  );
}

/** A match's details: the same fields to schedule a match and to edit it. */
export function MatchFields({ values, errors, choices }: { values?: FormValues; errors?: FieldErrors; choices: MatchFormChoices }) {
  const t = useT();
  return (
    <>
      <FormError errors={errors} />
      <fieldset>
        <legend>{t('matches.side')}</legend>
        <label class="inline">
          <input type="radio" name="side" value="home" checked={values?.side !== 'away'} /> {t('matches.home')}
        </label>{' '}
        <label class="inline">
          <input type="radio" name="side" value="away" checked={values?.side === 'away'} /> {t('matches.awayOption')}
        </label>
      </fieldset>
      <div class={errors?.opponentName ? 'field invalid' : 'field'}>
        <label for="f-opponentName">{t('matches.opponent')}</label>
        <input id="f-opponentName" name="opponentName" list="opponents" required maxlength={80} value={values?.opponentName ?? ''} />
        <datalist id="opponents">
          {choices.clubs.map((club) => (
            <option value={club.name} label={club.verified ? `✓ ${t('club.verified')}` : undefined} />
          ))}
        </datalist>
        <small class="hint">{t('matches.opponentHint')}</small>
        {errors?.opponentName ? (
          <small class="error" role="alert">
            {errors.opponentName}
          </small>
        ) : null}
      </div>
      <OpponentChoice opponents={choices.opponents} values={values} errors={errors} />
      <Select
        name="competitionId"
        label={t('filter.competition')}
        options={[{ value: '', label: '—' }, ...choices.competitions.map((comp) => ({ value: comp.id, label: comp.name }))]}
        selected={values?.competitionId}
        errors={errors}
        required
      />
      <Select
        name="venueId"
        label={t('matches.venue')}
        options={[
          { value: '', label: t('matches.noVenue') },
          ...choices.venues.map((v) => ({ value: v.id, label: `${v.name} (${v.commune})` })),
        ]}
        selected={values?.venueId}
        errors={errors}
      />
      <Field
        name="kickoffAt"
        type="datetime-local"
        label={t('matches.kickoff')}
        values={values}
        errors={errors}
        required
        hint={t('matches.timeHint')}
      />
      <Field name="gatesOpenAt" type="datetime-local" label={t('matches.gatesOpen')} values={values} errors={errors} />
      <Field
        name="saleOpensAt"
        type="datetime-local"
        label={t('matches.saleOpens')}
        values={values}
        errors={errors}
        hint={t('matches.saleOpensHint')}
      />
      <Field
        name="saleClosesAt"
        type="datetime-local"
        label={t('matches.saleCloses')}
        values={values}
        errors={errors}
        hint={t('matches.saleClosesHint')}
      />
      <Field
        name="orderLimit"
        type="number"
        label={t('matches.orderLimit')}
        values={values}
        errors={errors}
        required
        hint={t('matches.orderLimitHint')}
      />
      <CheckField name="allowReentry" label={t('matches.allowReentry')} hint={t('matches.allowReentryHint')} values={values} />
      <CheckField name="allowTransfers" label={t('matches.allowTransfers')} hint={t('matches.allowTransfersHint')} values={values} />
      <Field
        name="freeEntryUnder"
        type="number"
        label={t('matches.freeEntryUnder')}
        values={values}
        errors={errors}
        hint={t('matches.freeEntryUnderHint')}
      />
    </>
  );
}
