import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../http/types.ts';
import { formatMoney } from '../../i18n/index.ts';

/** A money amount as people read it on a price list: "Free" rather than "€0.00". */
export function Price({ cents }: { cents: number }) {
  const c = useRequestContext<AppEnv>();
  return <>{cents === 0 ? c.get('t')('match.free') : formatMoney(cents, c.get('locale'))}</>;
}
