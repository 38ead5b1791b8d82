import { assetUrl } from '../../asset-url.ts';
import { Form } from '../../components/form.tsx';
import { JsonScript } from '../../components/json-script.tsx';
import { useT } from '../../components/use-t.ts';

export interface ScannerPageProps {
  /** What the scanner script says, in the page's language, by message key. */
  messages: Record<string, string>;
  /** The clubs the signed-in person may scan for, to start the scanner from their session. */
  clubs: { slug: string; name: string }[];
  signedIn: boolean;
}

/**
 * The steward's scanner: the parts client/scanner.ts shows in turn (pair, choose the match, scan) and
 * its messages. Without script only the sign-in hint and a warning work.
 */
export function ScannerPage({ messages, clubs, signedIn }: ScannerPageProps) {
  const t = useT();
  return (
    <div class="scanner">
      <JsonScript id="scanner-messages" data={messages} />
      <div class="scanner-bar">
        <h1>{t('scanner.title')}</h1>
        <p id="scan-status" class="scan-status" role="status" data-state="online">
          {t('scanner.online')}
        </p>
        <p id="scan-device" class="hint" />
      </div>
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
      <section id="scan-live" hidden>
        <p id="live-title" class="live-title" />
        <div class="scan-camera">
          <video id="scan-video" playsinline muted aria-label={t('scanner.cameraLabel')} />
          <p id="camera-message" class="hint" role="status" />
        </div>
        <p id="offline-warning" class="alert error" hidden>
          {t('scanner.noOfflineChecks')}
        </p>
        <div id="scan-counters" class="scan-counters" aria-live="polite" />
        <form id="manual-form" class="inline-form">
          <label for="manual-code">{t('scanner.manual')}</label>
          <input id="manual-code" name="code" autocomplete="off" autocapitalize="characters" spellcheck={false} maxlength={512} />
          <button type="submit">{t('scanner.check')}</button>
        </form>
        <p class="hint">{t('scanner.manualHint')}</p>
        <div class="actions">
          <button type="button" id="switch-match" class="secondary">
            {t('scanner.switchMatch')}
          </button>
          <button type="button" id="forget-device" class="link">
            {t('scanner.forget')}
          </button>
        </div>
      </section>
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
