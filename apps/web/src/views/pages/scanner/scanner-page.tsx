import { assetUrl } from '../../asset-url.ts';
import { Form } from '../../components/form.tsx';
import { JsonScript } from '../../components/json-script.tsx';
import { useT } from '../../components/use-t.ts';
import { LanguageSwitcher } from '../../layouts/layout.tsx';
import { SCANNER_MODES } from './modes.tsx';

export interface ScannerPageProps {
  /** What the scanner script says, in the page's language, by message key. */
  messages: Record<string, string>;
  /** The clubs the signed-in person may scan for, to start the scanner from their session. */
  clubs: { slug: string; name: string }[];
  signedIn: boolean;
}

/**
 * The steward's scanner, full screen like an app: the parts client/scanner.ts shows in turn (pair, choose
 * the match, then the modes: scan first) and its messages. Without script only the sign-in hint and a
 * warning work.
 */
export function ScannerPage({ messages, clubs, signedIn }: ScannerPageProps) {
  const t = useT();
  return (
    <div class="scanner">
      <JsonScript id="scanner-messages" data={messages} />
      <header class="scanner-bar">
        <div class="scanner-heading">
          <h1>{t('scanner.title')}</h1>
          <p id="live-title" class="live-title" />
        </div>
        <p id="scan-status" class="scan-status" role="status" data-state="online">
          {t('scanner.online')}
        </p>
        <details class="scan-menu">
          <summary>{t('scanner.menu')}</summary>
          <div class="scan-menu-body">
            <p id="scan-device" class="hint" />
            <button type="button" id="switch-match" class="secondary" hidden>
              {t('scanner.switchMatch')}
            </button>
            <LanguageSwitcher />
            <a href="/">{t('scanner.leave')}</a>
            <button type="button" id="forget-device" class="link danger" hidden>
              {t('scanner.forget')}
            </button>
          </div>
        </details>
      </header>
      <section id="scan-setup" class="card">
        <h2>{t('scanner.setupTitle')}</h2>
        <p id="setup-message" class="alert-inline" role="alert" />
        <form id="pair-form" class="stack">
          <label for="pair-code">{t('scanner.pairLabel')}</label>
          <input
            id="pair-code"
            name="code"
            autocomplete="one-time-code"
            autocapitalize="characters"
            minlength={6}
            maxlength={32}
            required
          />
          <p class="hint">{t('scanner.pairHint')}</p>
          <button type="submit">{t('scanner.pair')}</button>
        </form>
        {clubs.length > 0 ? (
          <>
            <h2>{t('scanner.staffTitle')}</h2>
            {clubs.map((club) => (
              <Form action="/scan/device" class="staff-start" idPrefix={`staff-${club.slug}`}>
                <input type="hidden" name="club" value={club.slug} />
                <button type="submit" class="secondary">
                  {t('scanner.staffStart', { club: club.name })}
                </button>
              </Form>
            ))}
          </>
        ) : signedIn ? null : (
          <p class="hint">
            <a href="/sign-in?next=/scan">{t('scanner.signInHint')}</a>
          </p>
        )}
        <noscript>
          <p class="alert error">{t('scanner.needsScript')}</p>
        </noscript>
      </section>
      <section id="scan-match" class="card" hidden>
        <h2>{t('scanner.matchTitle')}</h2>
        <form id="match-form" class="stack">
          <label for="match-select">{t('scanner.match')}</label>
          <select id="match-select" name="match" />
          <p id="match-none" class="hint" hidden>
            {t('scanner.noMatch')}
          </p>
          <label for="stand-select">{t('scanner.stand')}</label>
          <select id="stand-select" name="stand" />
          <button type="submit" id="match-start">
            {t('scanner.start')}
          </button>
        </form>
      </section>
      <div id="scan-live" class="scan-live" hidden>
        <div id="scan-counters" class="scan-counters" aria-live="polite" />
        {SCANNER_MODES.map(({ id, Panel }) => (
          <section id={`mode-${id}`} class="scan-mode" hidden={id !== 'scan'}>
            <Panel />
          </section>
        ))}
        <nav id="scan-modes" class="scan-modes" aria-label={t('scanner.modes')} hidden>
          {SCANNER_MODES.map(({ id, label }) => (
            <button type="button" data-mode={id} aria-pressed={id === 'scan' ? 'true' : 'false'} hidden={id !== 'scan'}>
              {t(label)}
            </button>
          ))}
        </nav>
      </div>
      <div id="scan-result" class="scan-result" role="alert" hidden>
        <p id="result-word" class="result-word" />
        <p id="result-detail" class="result-detail" />
        <p class="result-hint">{t('scanner.tapHint')}</p>
      </div>
      <script type="module" src={assetUrl('scanner.js')} data-wasm-url={assetUrl('zxing_reader.wasm')} />
    </div>
  );
}

/** The scanner installs as an app of its own (manifest), with the bar in the app's green. */
export function ScannerHead() {
  return (
    <>
      <link rel="manifest" href="/scan/manifest.webmanifest" />
      <meta name="theme-color" content="#14532d" />
    </>
  );
}
