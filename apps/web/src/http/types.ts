import type { AppDeps } from '../deps.ts';
import type { ClubMembership } from '../domain/clubs/find-club-membership.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import type { Auth } from '../integrations/auth/auth.ts';
import type { ClubMenuProps } from '../views/components/club-menu.tsx';

export type SessionUser = Auth['$Infer']['Session']['user'];

export interface Flash {
  kind: 'success' | 'error' | 'info';
  text: string;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    requestId: string;
    locale: Locale;
    t: Translate;
    user: SessionUser | null;
    csrfToken: string;
    flash: Flash | null;
    membership: ClubMembership;
    /** Set on club pages (requireClub): the club menu the layout shows. */
    clubMenu?: ClubMenuProps;
  };
};
