import type { ClubSetup, SetupStep } from '../../../domain/clubs/find-club-setup.ts';
import { useT } from '../../components/use-t.ts';

export interface SetupProps {
  club: { slug: string };
  setup: ClubSetup;
  /** Payments through the demo provider: payouts need no step. */
  demoPayments: boolean;
}

/** Where each step is done. */
function stepHref(club: { slug: string }, setup: ClubSetup, step: SetupStep): string {
  const base = `/club/${club.slug}`;
  switch (step) {
    case 'venue':
      return `${base}/venues#add-venue`;
    case 'stands':
      return `${base}/venues#add-stand`;
    case 'payouts':
      return `${base}/payouts`;
    case 'match':
      return `${base}/matches/new`;
    case 'onSale':
      return setup.nextMatchId ? `${base}/matches/${setup.nextMatchId}` : `${base}/matches`;
  }
}

/**
 * The dashboard's checklist from a new club to its first match on sale: each step done or to do,
 * the next one with the link that does it. Gone once every step is done.
 */
export function SetupChecklist({ club, setup, demoPayments }: SetupProps) {
  const t = useT();
  if (!setup.next) return null;
  return (
    <section class="card setup" aria-labelledby="setup-title">
      <h2 id="setup-title">{t('setup.title')}</h2>
      <ol>
        {setup.steps.map(({ step, done }) => {
          const state = done ? 'done' : step === setup.next ? 'next' : 'todo';
          return (
            <li class={state} aria-current={state === 'next' ? 'step' : undefined}>
              <span class="state">{state === 'done' ? `✓ ${t('setup.done')}` : state === 'next' ? t('setup.nextLabel') : ''}</span>{' '}
              <span>{t(`setup.step.${step}`)}</span>
              {step === 'payouts' && demoPayments ? <small class="hint"> {t('setup.payoutsDemo')}</small> : null}
              {state === 'next' ? (
                <div>
                  <a class="button" href={stepHref(club, setup, step)}>
                    {t(`setup.go.${step}`)}
                  </a>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** One line on the pages of the setup: what comes next, with its link (nothing once all is done). */
export function SetupNext({ club, setup, hideWhile }: { club: { slug: string }; setup: ClubSetup; hideWhile: readonly SetupStep[] }) {
  const t = useT();
  // Shown only once this page's own steps are done: before that, the page itself is the next step.
  if (!setup.next || hideWhile.includes(setup.next)) return null;
  return (
    <p class="alert info setup-next">
      {t('setup.nextStep', { step: t(`setup.step.${setup.next}`) })}{' '}
      <a class="button small" href={stepHref(club, setup, setup.next)}>
        {t(`setup.go.${setup.next}`)}
      </a>
    </p>
  );
}
