import { Form } from '../../components/form.tsx';
import { NarrowCard } from '../../components/narrow-card.tsx';
import { useT } from '../../components/use-t.ts';

/** The "on sale" e-mails' unsubscribe link: one button, since mail scanners follow links (GET) on their own. */
export function UnsubscribePage({ token }: { token: string }) {
  const t = useT();
  return (
    <NarrowCard title={t('unsubscribe.title')}>
      <p>{t('unsubscribe.text')}</p>
      <Form action={`/unsubscribe/${encodeURIComponent(token)}`}>
        <button type="submit">{t('unsubscribe.confirm')}</button>
      </Form>
    </NarrowCard>
  );
}
