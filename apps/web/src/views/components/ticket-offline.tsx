import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../http/types.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useT } from './use-t.ts';

/**
 * Said only when the page comes from the phone's offline copy (client/tickets.ts shows it): the
 * supporter then knows the tickets date from the last visit online, not from now.
 */
export function OfflineNote({ renderedAt }: { renderedAt: Date }) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  return (
    <p class="alert info" id="tickets-offline" role="status" hidden>
      {t('tickets.offline', { time: formatDateTime(renderedAt, locale) })}
    </p>
  );
}
