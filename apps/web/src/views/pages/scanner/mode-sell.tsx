import { useT } from '../../components/use-t.ts';

/**
 * Sell mode (box office): stand, category and quantity buttons, the running total, then cash or the
 * buyer's own phone (a QR code of the payment page); the end of the shift with the cash count. Filled
 * and driven by client/scanner/mode-sell.ts; shown only on a device the club lets sell.
 */
export function SellMode() {
  const t = useT();
  return (
    <div class="sell">
      <p id="sell-message" class="hint" role="status" />
      <fieldset class="sell-stands">
        <legend>{t('scanner.sell.stand')}</legend>
        <div id="sell-stands" class="sell-choice" />
      </fieldset>
      <div id="sell-lines" class="sell-lines" />
      <p class="sell-total">
        {t('scanner.sell.total')} <output id="sell-total">—</output>
      </p>
      <p id="sell-quota" class="hint" />
      <div class="sell-pay">
        <button type="button" id="sell-cash" class="sell-big" disabled>
          {t('scanner.sell.cash')}
        </button>
        <button type="button" id="sell-phone" class="sell-big secondary" disabled>
          {t('scanner.sell.phone')}
        </button>
      </div>
      <div id="sell-result" class="sell-result" role="status" hidden />
      <div id="sell-qr" class="sell-qr" hidden>
        <p>{t('scanner.sell.scanToPay')}</p>
        <div id="sell-qr-code" class="sell-qr-code" role="img" aria-label={t('scanner.sell.qrLabel')} />
        <p>
          <a id="sell-pay-link" href="#top" target="_blank" rel="noopener">
            {t('scanner.sell.payLink')}
          </a>
        </p>
        <p id="sell-wait" class="hint" role="status" />
        <button type="button" id="sell-qr-done" class="secondary">
          {t('scanner.sell.newSale')}
        </button>
      </div>
      <details id="sell-close" class="sell-close">
        <summary>{t('scanner.sell.endShift')}</summary>
        <form id="sell-close-form" class="stack">
          <label for="sell-counted">{t('scanner.sell.counted')}</label>
          <input id="sell-counted" name="counted" inputmode="decimal" autocomplete="off" required pattern="[0-9]+([.,][0-9]{1,2})?" />
          <label for="sell-steward">{t('scanner.sell.steward')}</label>
          <input id="sell-steward" name="steward" autocomplete="name" required maxlength={100} />
          <button type="submit">{t('scanner.sell.closeShift')}</button>
        </form>
        <div id="sell-count" class="sell-tally" role="status" />
      </details>
    </div>
  );
}
