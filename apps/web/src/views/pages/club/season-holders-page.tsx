import { formatShortCode } from '@footarena/ticket-code';
import type { SeasonProductDetail } from '../../../domain/seasons/find-season-product.ts';
import type { SeasonHolder } from '../../../domain/seasons/list-season-holders.ts';
import { CsvLinks } from '../../components/csv-links.tsx';
import { Form } from '../../components/form.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { useT } from '../../components/use-t.ts';

/**
 * A product's holders (one stand): each pass with its holder, category, order, status and the covered
 * matches it entered; the CSV; revoking a pass (through a confirmation); refunds on the order's page.
 */
export function SeasonHoldersPage({
  club,
  product,
  holders,
}: {
  club: { slug: string };
  product: SeasonProductDetail;
  holders: SeasonHolder[];
}) {
  const t = useT();
  const base = `/club/${club.slug}/seasons/${product.id}`;
  const columns = [
    t('seasons.holders.holder'),
    t('seasons.holders.category'),
    t('order.reference'),
    t('admin.status'),
    t('seasons.holders.entered'),
  ];
  return (
    <>
      <p class="meta">
        <a href={base}>← {product.name}</a>
      </p>
      <h1>{t('seasons.holders.title', { name: product.name })}</h1>
      <p class="hint">
        {product.season} · {product.stand} · {t('seasons.holders.refundHint')}
      </p>
      <p>
        <CsvLinks href={`${base}/holders.csv`} label={t('seasons.holders.csv')} />
      </p>
      {holders.length === 0 ? (
        <p class="card">{t('seasons.holders.none')}</p>
      ) : (
        <section class="card table-wrap">
          <table class="stack">
            <TableHead columns={columns} actions />
            <tbody>
              {holders.map((h) => (
                <tr data-pass={h.id}>
                  <td>
                    {h.holder ?? '—'}
                    <br />
                    <small>
                      {h.email} · {formatShortCode(h.shortCode)}
                    </small>
                  </td>
                  <td data-label={columns[1]}>{t(`category.${h.category}`)}</td>
                  <td data-label={columns[2]}>
                    <a href={`/club/${club.slug}/orders/${h.orderId}`}>{h.reference}</a>
                  </td>
                  <td data-label={columns[3]}>
                    <span class={h.status === 'valid' ? 'badge good' : 'badge bad'}>{t(`seasons.pass.${h.status}`)}</span>
                  </td>
                  <td data-label={columns[4]}>{t('seasons.holders.enteredCount', { count: h.entered })}</td>
                  <td>
                    {h.status === 'valid' ? (
                      <Form action={`${base}/passes/${h.id}/revoke`} idPrefix={`revoke-${h.id}`}>
                        <button type="submit" class="secondary" aria-label={t('seasons.revoke.named', { holder: h.holder ?? h.email })}>
                          {t('seasons.revoke.button')}
                        </button>
                      </Form>
                    ) : null}
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
