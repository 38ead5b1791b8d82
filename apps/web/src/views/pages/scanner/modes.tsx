import type { Child } from 'hono/jsx';
import type { MessageKey } from '../../../i18n/index.ts';
import { FreeMode } from './mode-free.tsx';
import { GuestsMode } from './mode-guests.tsx';
import { ScanMode } from './mode-scan.tsx';
import { SellMode } from './mode-sell.tsx';

/**
 * The scanner's modes, in the order of the bar at the bottom of the screen: each one a panel of its own
 * (`mode-ID`), shown by client/scanner/modes.ts when the device may use it. Scan comes first and is always there.
 */
export const SCANNER_MODES: { id: string; label: MessageKey; Panel: () => Child }[] = [
  { id: 'scan', label: 'scanner.mode.scan', Panel: ScanMode },
  { id: 'guests', label: 'scanner.mode.guests', Panel: GuestsMode },
  { id: 'free', label: 'scanner.mode.free', Panel: FreeMode },
  { id: 'sell', label: 'scanner.mode.sell', Panel: SellMode },
];
