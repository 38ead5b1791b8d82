import { useT } from './use-t.ts';

/**
 * The platform's "verified" mark next to a club's name: words, not a colour or an icon alone, so
 * every supporter (and screen reader) can tell the club from a copy that lacks it.
 */
export function VerifiedBadge({ verified }: { verified: boolean | null | undefined }) {
  const t = useT();
  if (!verified) return null;
  return (
    <>
      {' '}
      <span class="badge verified">
        <span aria-hidden="true">✓ </span>
        {t('club.verified')}
      </span>
    </>
  );
}
