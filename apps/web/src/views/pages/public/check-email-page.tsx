import { NarrowCard } from '../../components/narrow-card.tsx';
import { useT } from '../../components/use-t.ts';

/** After signing up: look for the link in your mail (at `email`, when the address is known). */
export function CheckEmailPage({ email }: { email?: string }) {
  const t = useT();
  return (
    <NarrowCard title={t('checkEmail.title')}>
      <p>{email ? t('checkEmail.text', { email }) : t('checkEmail.textNoAddress')}</p>
      <p class="hint">{t('checkEmail.hint')}</p>
    </NarrowCard>
  );
}
