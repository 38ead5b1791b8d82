import { useT } from '../../components/use-t.ts';

/**
 * Entry or exit, in scan mode, for a match that allows re-entry (client/scanner/direction.ts shows it
 * then; hidden otherwise, and every scan is an entry).
 */
export function ScanDirectionSwitch() {
  const t = useT();
  return (
    <fieldset id="scan-direction" class="scan-direction" hidden>
      <legend class="visually-hidden">{t('scanner.directionLabel')}</legend>
      <button type="button" data-direction="in" aria-pressed="true">
        {t('scanner.entry')}
      </button>
      <button type="button" data-direction="out" aria-pressed="false">
        {t('scanner.exit')}
      </button>
    </fieldset>
  );
}
