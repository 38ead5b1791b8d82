import type { SeasonSaleStatus } from '../../../domain/seasons/season-rules.ts';
import { useT } from '../../components/use-t.ts';

const CLASS: Record<SeasonSaleStatus, string> = {
  archived: 'badge',
  not_yet: 'badge',
  priority: 'badge good',
  on_sale: 'badge good',
  closed: 'badge',
};

/** Where a product's sale stands, in words. */
export function SeasonStatusBadge({ status }: { status: SeasonSaleStatus }) {
  const t = useT();
  return <span class={CLASS[status]}>{t(`seasons.status.${status}`)}</span>;
}
