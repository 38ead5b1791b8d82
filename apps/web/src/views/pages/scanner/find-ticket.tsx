import { SEARCH_MIN_LENGTH } from '@footarena/gate-protocol';
import { useT } from '../../components/use-t.ts';

/**
 * "Find a ticket", in scan mode under the typed code: a holder whose QR cannot be read and who has no
 * short code is found by name or order reference and admitted by hand (client/scanner/find-ticket.ts).
 */
export function FindTicket() {
  const t = useT();
  return (
    <details id="find-ticket" class="find-ticket">
      <summary>{t('scanner.findTitle')}</summary>
      <form id="find-form" class="manual-form">
        <label for="find-query">{t('scanner.findLabel')}</label>
        <div class="inline-form">
          <input
            id="find-query"
            name="query"
            type="search"
            autocomplete="off"
            spellcheck={false}
            minlength={SEARCH_MIN_LENGTH}
            maxlength={100}
            required
            aria-describedby="find-hint"
          />
          <button type="submit">{t('scanner.find')}</button>
        </div>
        <p id="find-hint" class="hint">
          {t('scanner.findHint')}
        </p>
      </form>
      <p id="find-status" class="hint" role="status" />
      <ul id="find-results" class="find-results" />
    </details>
  );
}
