import { useRequestContext } from 'hono/jsx-renderer';
import type { Prices } from '../../../domain/catalog/stand-prices.ts';
import type { SeasonMatchChoice } from '../../../domain/seasons/list-season-match-choices.ts';
import type { FieldErrors, FormLists, FormValues } from '../../../http/forms.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDateTime } from '../../../i18n/index.ts';
import { Field, FieldError, Form, FormError, Select } from '../../components/form.tsx';
import { useT } from '../../components/use-t.ts';

export interface SeasonFormPageProps {
  club: { slug: string };
  /** The product edited; absent: a new one. */
  product?: { id: string; name: string };
  /** The club's stands (archived ones left out, except the product's own). */
  stands: { id: string; name: string; venue: string }[];
  /** Earlier products a new one may renew. */
  renewals: { id: string; label: string }[];
  categories: readonly (keyof Prices)[];
  /** The upcoming home matches a new product may cover (none when editing: the product's page adds them). */
  choices: SeasonMatchChoice[];
  values?: FormValues;
  lists?: FormLists;
  errors?: FieldErrors;
}

/** A season ticket product's details and prices; a new one also chooses the matches it covers. */
export function SeasonFormPage(props: SeasonFormPageProps) {
  const t = useT();
  const { values, errors } = props;
  const base = `/club/${props.club.slug}/seasons`;
  const action = props.product ? `${base}/${props.product.id}/edit` : `${base}/new`;
  return (
    <>
      <p class="meta">
        <a href={props.product ? `${base}/${props.product.id}` : base}>← {props.product ? props.product.name : t('seasons.title')}</a>
      </p>
      <h1>{props.product ? t('seasons.edit', { name: props.product.name }) : t('seasons.new')}</h1>
      <section class="card">
        <Form action={action}>
          <FormError errors={errors} />
          <Field
            name="season"
            label={t('seasons.season')}
            values={values}
            errors={errors}
            required
            maxlength={20}
            hint={t('seasons.seasonHint')}
          />
          <Field
            name="name"
            label={t('seasons.name')}
            values={values}
            errors={errors}
            required
            maxlength={80}
            hint={t('seasons.nameHint')}
          />
          <Select
            name="standId"
            label={t('seasons.stand')}
            options={[{ value: '', label: '—' }, ...props.stands.map((s) => ({ value: s.id, label: `${s.name} (${s.venue})` }))]}
            selected={values?.standId}
            errors={errors}
            required
          />
          <fieldset>
            <legend>{t('seasons.prices')}</legend>
            <p class="hint">{t('seasons.pricesHint')}</p>
            {props.categories.map((cat) => (
              <Field
                name={`price_${cat}`}
                label={`${t(`category.${cat}`)} (€)`}
                values={values}
                errors={errors}
                required={cat === 'adult'}
                maxlength={9}
              />
            ))}
          </fieldset>
          <Field
            name="saleOpensAt"
            type="datetime-local"
            label={t('seasons.saleOpens')}
            values={values}
            errors={errors}
            hint={t('seasons.saleOpensHint')}
          />
          <Field
            name="saleClosesAt"
            type="datetime-local"
            label={t('seasons.saleCloses')}
            values={values}
            errors={errors}
            hint={t('seasons.saleClosesHint')}
          />
          <Field name="cap" type="number" label={t('seasons.cap')} values={values} errors={errors} hint={t('seasons.capHint')} />
          <Field
            name="giveBackSharePercent"
            type="number"
            label={t('seasons.giveBackShare')}
            values={values}
            errors={errors}
            required
            hint={t('seasons.giveBackShareHint')}
          />
          <fieldset>
            <legend>{t('seasons.renewal')}</legend>
            <p class="hint">{t('seasons.renewalHint')}</p>
            <Select
              name="renewalOfId"
              label={t('seasons.renewalOf')}
              options={[{ value: '', label: t('seasons.renewalNone') }, ...props.renewals.map((r) => ({ value: r.id, label: r.label }))]}
              selected={values?.renewalOfId}
              errors={errors}
            />
            <Field name="priorityUntil" type="datetime-local" label={t('seasons.priorityUntil')} values={values} errors={errors} />
          </fieldset>
          {props.product ? null : <MatchChoice choices={props.choices} values={values} lists={props.lists} errors={errors} />}
          <button type="submit">{props.product ? t('common.save') : t('seasons.create')}</button>
        </Form>
      </section>
    </>
  );
}

/**
 * The matches a new product covers: all home league matches between two days, and/or a checklist. Each
 * match says which stands it has open, so the club sees which can be covered with the stand it chose.
 */
function MatchChoice({ choices, values, lists, errors }: Pick<SeasonFormPageProps, 'choices' | 'values' | 'lists' | 'errors'>) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  const checked = lists?.matches ?? [];
  const error = errors?.matches;
  return (
    <fieldset
      id="matches"
      class={error ? 'checkboxes invalid' : 'checkboxes'}
      aria-describedby={error ? 'f-matches-error' : 'f-matches-hint'}
    >
      <legend>{t('seasons.coveredMatches')}</legend>
      <small id="f-matches-hint" class="hint">
        {t('seasons.coveredHint')}
      </small>
      <FieldError id="f-matches" error={error} />
      <div class="inline-form">
        <Field name="rangeFrom" type="date" label={t('seasons.rangeFrom')} values={values} errors={errors} />
        <Field name="rangeTo" type="date" label={t('seasons.rangeTo')} values={values} errors={errors} />
      </div>
      {choices.length === 0 ? <p class="hint">{t('seasons.noUpcoming')}</p> : null}
      {choices.map((m) => {
        const own = values?.standId ? m.stands.some((s) => s.standId === values.standId) : true;
        return (
          <label class="inline">
            <input type="checkbox" name="matches[]" value={m.id} checked={checked.includes(m.id)} /> {formatDateTime(m.kickoffAt, locale)} ·{' '}
            {m.opponentName} · {m.competition}{' '}
            <small class={own ? 'hint' : 'error'}>
              {m.stands.length === 0
                ? t('seasons.noStandOpen')
                : t('seasons.standsOpen', { stands: m.stands.map((s) => s.name).join(', ') })}
            </small>
          </label>
        );
      })}
    </fieldset>
  );
}
