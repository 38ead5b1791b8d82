import { useRequestContext } from 'hono/jsx-renderer';
import type { Prices } from '../../../domain/catalog/stand-prices.ts';
import type { SeasonProductDetail } from '../../../domain/seasons/find-season-product.ts';
import type { SeasonMatchChoice } from '../../../domain/seasons/list-season-match-choices.ts';
import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDateTime, formatMoney } from '../../../i18n/index.ts';
import { Form, FormError, Select } from '../../components/form.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { useT } from '../../components/use-t.ts';
import { SeasonStatusBadge } from './season-status-badge.tsx';
import { SaleWindow } from './seasons-page.tsx';

/**
 * One season ticket product: what it sells, the matches it covers with the seats of its stand on each
 * (removable until a pass is sold), a match to add (only those with its stand open), its holders.
 */
export function SeasonPage(props: {
  club: { slug: string };
  product: SeasonProductDetail;
  /** The price categories, in the order they are listed. */
  categories: readonly (keyof Prices)[];
  /** Upcoming home matches it does not cover yet. */
  choices: SeasonMatchChoice[];
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  const { product: p } = props;
  const base = `/club/${props.club.slug}/seasons/${p.id}`;
  const addable = props.choices.filter((m) => m.stands.some((s) => s.standId === p.standId));
  const closed = props.choices.filter((m) => !addable.includes(m));
  const columns = [t('seasons.match'), t('seasons.kickoff'), t('seasons.seatsOnStand', { stand: p.stand })];
  return (
    <>
      <p class="meta">
        <a href={`/club/${props.club.slug}/seasons`}>← {t('seasons.title')}</a>
      </p>
      <section class="card">
        <h1>
          {p.name} · {p.season}
        </h1>
        <p>
          {p.stand} · <SeasonStatusBadge status={p.status} />
        </p>
        <p>
          <strong>{t('seasons.sold')}</strong>
          <br />
          {p.cap === null ? t('seasons.soldNoCap', { sold: p.passes }) : t('seasons.soldOfCap', { sold: p.passes, cap: p.cap })}
          {p.held > 0 ? ` · ${t('seasons.beingBought', { count: p.held })}` : ''}
        </p>
        <p>
          <strong>{t('seasons.window')}</strong>
          <br />
          <SaleWindow opens={p.saleOpensAt} closes={p.saleClosesAt} locale={locale} />
        </p>
        <p>
          <strong>{t('seasons.prices')}</strong>
          <br />
          {props.categories
            .filter((c) => p.prices[c] !== undefined)
            .map((c) => `${t(`category.${c}`)} ${formatMoney(p.prices[c]!, locale)}`)
            .join(' · ')}
        </p>
        <p>{t('seasons.giveBackShareIs', { percent: p.giveBackSharePercent })}</p>
        {p.renews && p.priorityUntil ? (
          <p>
            {t('seasons.renews', {
              product: `${p.renews.season} · ${p.renews.name}`,
              date: formatDateTime(p.priorityUntil, locale),
            })}
          </p>
        ) : null}
        <p class="actions">
          <a class="button" href={`${base}/holders`}>
            {t('seasons.holders.link', { count: p.passes })}
          </a>
          <a href={`${base}/edit`}>{t('common.edit')}</a>
        </p>
      </section>
      <section class="card" id="matches">
        <h2>{t('seasons.coveredMatches')}</h2>
        {p.matches.length === 0 ? (
          <p class="hint">{t('seasons.noMatches')}</p>
        ) : (
          <div class="table-wrap">
            <table class="stack">
              <TableHead columns={columns} actions />
              <tbody>
                {p.matches.map((m) => (
                  <tr>
                    <td>
                      <a href={`/club/${props.club.slug}/matches/${m.id}`}>{m.opponentName}</a>
                      <br />
                      <small>{m.competition}</small>
                    </td>
                    <td data-label={columns[1]}>{formatDateTime(m.kickoffAt, locale)}</td>
                    <td data-label={columns[2]}>
                      {m.cap === null ? '—' : t('seasons.standSeats', { sold: m.sold ?? 0, held: m.held ?? 0, cap: m.cap })}
                    </td>
                    <td>
                      {p.passes === 0 ? (
                        <Form action={`${base}/matches/${m.id}/remove`} idPrefix={`remove-${m.id}`}>
                          <button type="submit" class="secondary" aria-label={t('seasons.removeMatchNamed', { match: m.opponentName })}>
                            {t('seasons.removeMatch')}
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {p.passes > 0 ? <p class="hint">{t('seasons.cannotRemove')}</p> : null}
        <h3>{t('seasons.addMatch')}</h3>
        <p class="hint">{t('seasons.addMatchHint')}</p>
        {addable.length === 0 ? (
          <p class="hint">{t('seasons.nothingToAdd')}</p>
        ) : (
          <Form action={`${base}/matches`} idPrefix="add">
            <FormError errors={props.errors} />
            <Select
              name="matchId"
              label={t('seasons.match')}
              options={[
                { value: '', label: '—' },
                ...addable.map((m) => ({
                  value: m.id,
                  label: `${formatDateTime(m.kickoffAt, locale)} · ${m.opponentName} · ${m.competition}`,
                })),
              ]}
              selected={props.values?.matchId}
              errors={props.errors}
              required
            />
            <button type="submit">{t('seasons.addMatchButton')}</button>
          </Form>
        )}
        {closed.length > 0 ? (
          <>
            <p class="hint">{t('seasons.standClosedFor', { stand: p.stand })}</p>
            <ul>
              {closed.map((m) => (
                <li>
                  <a href={`/club/${props.club.slug}/matches/${m.id}`}>
                    {formatDateTime(m.kickoffAt, locale)} · {m.opponentName}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
