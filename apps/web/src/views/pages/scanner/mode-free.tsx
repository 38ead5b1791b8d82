import { useT } from '../../components/use-t.ts';

/**
 * Free entry mode ("children under N enter free", set on the match): one big button per stand, one tap
 * = one child counted on that stand (client/scanner/mode-free.ts). Online only.
 */
export function FreeMode() {
  const t = useT();
  return (
    <>
      <h2 class="history-title">{t('scanner.mode.free')}</h2>
      <p id="free-title" />
      <p id="free-message" class="hint" role="status" />
      <div id="free-stands" class="free-stands" />
    </>
  );
}
