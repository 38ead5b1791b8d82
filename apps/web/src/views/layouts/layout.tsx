import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { RequestContext, useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../http/types.ts';
import { LANGUAGE_NAMES, LOCALES } from '../../i18n/index.ts';
import { assetUrl } from '../asset-url.ts';
import { ClubMenu } from '../components/club-menu.tsx';
import { Form } from '../components/form.tsx';

/** The three languages, each one button (the scanner's menu shows it too). */
export function LanguageSwitcher() {
  const c = useRequestContext<AppEnv>();
  const url = new URL(c.req.url);
  return (
    <Form action="/lang" class="lang">
      <input type="hidden" name="next" value={url.pathname + url.search} />
      <span class="visually-hidden">{c.get('t')('nav.language')}</span>
      {LOCALES.map((code) => (
        <button type="submit" name="lang" value={code} lang={code} aria-pressed={c.get('locale') === code ? 'true' : 'false'}>
          <abbr title={LANGUAGE_NAMES[code]}>{code.toUpperCase()}</abbr>
        </button>
      ))}
    </Form>
  );
}

function Header() {
  const c = useRequestContext<AppEnv>();
  const t = c.get('t');
  const user = c.get('user');
  return (
    <header class="site">
      <a class="brand" href="/">
        FootArena
      </a>
      <nav aria-label={t('nav.main')}>
        <a href="/">{t('nav.matches')}</a>
        {user ? <a href="/clubs">{t('nav.myClubs')}</a> : null}
        {user?.platformRole === 'admin' ? <a href="/admin/clubs">{t('nav.admin')}</a> : null}
        {user ? <a href="/account/tickets">{t('nav.tickets')}</a> : null}
        {user ? <a href="/account">{t('nav.account')}</a> : null}
        {user ? (
          <Form action="/sign-out" class="inline">
            <button type="submit" class="link">
              {t('nav.signOut')}
            </button>
          </Form>
        ) : (
          <>
            <a href="/sign-in">{t('nav.signIn')}</a>
            <a href="/sign-up" class="button small">
              {t('nav.signUp')}
            </a>
          </>
        )}
      </nav>
      <LanguageSwitcher />
    </header>
  );
}

type LayoutProps = {
  children?: Child;
  title: string;
  description?: string;
  head?: Child;
  /** Without the site's header and footer: a page that needs the whole screen (a ticket's QR at the gate). */
  minimal?: boolean;
};

function Layout({ children, title, description, head, minimal }: LayoutProps) {
  const c = useRequestContext<AppEnv>();
  const t = c.get('t');
  const flash = c.get('flash');
  const clubMenu = c.get('clubMenu');
  return (
    <html lang={c.get('locale')}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · FootArena`}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <link rel="icon" href={assetUrl('icon.svg')} type="image/svg+xml" />
        {head}
      </head>
      <body class={minimal ? 'minimal' : undefined}>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        {minimal ? null : <Header />}
        {clubMenu && !minimal ? <ClubMenu {...clubMenu} /> : null}
        <main id="main">
          {flash ? (
            <p class={`alert ${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'}>
              {flash.text}
            </p>
          ) : null}
          {children}
        </main>
        {minimal ? null : (
          <footer class="site">
            <p>{t('footer.tagline')}</p>
            <p>
              <a href="/for-clubs">{t('footer.forClubs')}</a>
            </p>
          </footer>
        )}
      </body>
    </html>
  );
}

/**
 * Renders a page inside the site layout, its components given the request (useRequestContext). The
 * page is answered as a plain string, which @hono/node-server writes to the socket at once: Hono's
 * own renderer answers a String object, which it streams, at a cost on every page (decision 022).
 */
export async function render(c: Context<AppEnv>, content: Child, props: Omit<LayoutProps, 'children'>) {
  const page = (
    <RequestContext.Provider value={c}>
      <Layout {...props}>{content}</Layout>
    </RequestContext.Provider>
  );
  return c.html(`<!DOCTYPE html>${await page.toString()}`);
}
