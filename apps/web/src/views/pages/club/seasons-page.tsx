import { useRequestContext } from 'hono/jsx-renderer';
import type { SeasonProductRow } from '../../../domain/seasons/list-season-products.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDateTime, type Locale } from '../../../i18n/index.ts';
import { TableHead } from '../../components/table-head.tsx';
import { useT } from '../../components/use-t.ts';
import { SeasonStatusBadge } from './season-status-badge.tsx';

/** A club's season ticket products: season, name, stand, passes sold of the cap, sale window, status. */
export function SeasonsPage({ club, products }: { club: { name: string; slug: string }; products: SeasonProductRow[] }) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  const base = `/club/${club.slug}/seasons`;
  const columns = [t('seasons.name'), t('seasons.season'), t('seasons.stand'), t('seasons.sold'), t('seasons.window'), t('admin.status')];
  return (
    <>
      <h1>
        {t('seasons.title')} · {club.name}
      </h1>
      <p class="hint">{t('seasons.intro')}</p>
      <p class="actions">
        <a class="button" href={`${base}/new`}>
          {t('seasons.new')}
        </a>
      </p>
      {products.length === 0 ? (
        <p class="card">{t('seasons.none')}</p>
      ) : (
        <section class="card table-wrap">
          <table class="stack">
            <TableHead columns={columns} />
            <tbody>
              {products.map((p) => (
                <tr>
                  <td>
                    <a href={`${base}/${p.id}`}>{p.name}</a>
                    <br />
                    <small>{t('seasons.matchesCovered', { count: p.matches })}</small>
                  </td>
                  <td data-label={columns[1]}>{p.season}</td>
                  <td data-label={columns[2]}>{p.stand}</td>
                  <td data-label={columns[3]}>
                    {p.cap === null ? t('seasons.soldNoCap', { sold: p.passes }) : t('seasons.soldOfCap', { sold: p.passes, cap: p.cap })}
                    {p.held > 0 ? (
                      <>
                        <br />
                        <small>{t('seasons.beingBought', { count: p.held })}</small>
                      </>
                    ) : null}
                  </td>
                  <td data-label={columns[4]}>
                    <SaleWindow opens={p.saleOpensAt} closes={p.saleClosesAt} locale={locale} />
                  </td>
                  <td data-label={columns[5]}>
                    <SeasonStatusBadge status={p.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

/** "from … to …", or what is left open. */
export function SaleWindow({ opens, closes, locale }: { opens: Date | null; closes: Date | null; locale: Locale }) {
  const t = useT();
  if (!opens && !closes) return <>{t('seasons.windowAlways')}</>;
  return (
    <>
      {opens ? t('seasons.opens', { date: formatDateTime(opens, locale) }) : null}
      {opens && closes ? <br /> : null}
      {closes ? t('seasons.closes', { date: formatDateTime(closes, locale) }) : null}
    </>
  );
}
