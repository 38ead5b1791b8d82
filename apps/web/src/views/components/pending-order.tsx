import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../http/types.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { Form } from './form.tsx';
import { useT } from './use-t.ts';

/**
 * An order still waiting for payment: until when its seats are held, the way to pay (`children`) and
 * a button to give it up, posting to `abandonAction`.
 */
export function PendingOrder({ holdExpiresAt, abandonAction, children }: { holdExpiresAt: Date; abandonAction: string; children?: Child }) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  return (
    <>
      <p class="hint">{t('order.heldUntil', { time: formatDateTime(holdExpiresAt, locale) })}</p>
      <div class="actions">
        {children}
        <Form action={abandonAction}>
          <button type="submit" class="secondary">
            {t('order.abandon')}
          </button>
        </Form>
      </div>
    </>
  );
}
