import { useT } from '../../components/use-t.ts';

/**
 * Guests mode: the steward types part of a guest's name (2 letters at least), sees their list, stand,
 * places and how many entered, and lets 1..n of their places in with one tap (client/scanner/mode-guests.ts).
 */
export function GuestsMode() {
  const t = useT();
  return (
    <>
      <h2 class="history-title">{t('scanner.guestsTitle')}</h2>
      <form id="guest-form" class="manual-form">
        <label for="guest-search">{t('scanner.guestSearch')}</label>
        <input id="guest-search" name="q" type="search" autocomplete="off" minlength={2} maxlength={80} aria-describedby="guest-hint" />
        <p id="guest-hint" class="hint">
          {t('scanner.guestSearchHint')}
        </p>
      </form>
      <p id="guest-message" class="hint" role="status" />
      <ul id="guest-results" class="guest-results" />
    </>
  );
}
