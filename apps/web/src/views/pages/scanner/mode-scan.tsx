import { useT } from '../../components/use-t.ts';
import { FindTicket } from './find-ticket.tsx';
import { ScanDirectionSwitch } from './scan-direction.tsx';

/** Scan mode: the camera (hidden on a device without one), a typed code, and the last scans. */
export function ScanMode() {
  const t = useT();
  return (
    <>
      <ScanDirectionSwitch />
      <div id="scan-camera" class="scan-camera">
        <video id="scan-video" playsinline muted aria-label={t('scanner.cameraLabel')} />
      </div>
      <p id="camera-message" class="hint" role="status" />
      <p id="offline-warning" class="alert error" hidden>
        {t('scanner.noOfflineChecks')}
      </p>
      <form id="manual-form" class="manual-form">
        <label for="manual-code">{t('scanner.manual')}</label>
        <div class="inline-form">
          <input
            id="manual-code"
            name="code"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxlength={512}
            aria-describedby="manual-hint"
          />
          <button type="submit">{t('scanner.check')}</button>
        </div>
        <p id="manual-hint" class="hint">
          {t('scanner.manualHint')}
        </p>
      </form>
      <FindTicket />
      <h2 class="history-title">{t('scanner.history')}</h2>
      <ol id="scan-history" class="scan-history" aria-live="polite">
        <li class="hint">{t('scanner.historyEmpty')}</li>
      </ol>
    </>
  );
}
