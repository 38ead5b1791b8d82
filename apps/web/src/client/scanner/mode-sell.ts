// Sell mode (box office): the steward picks a stand, counts people per category, sees the total and takes
// cash (the people are admitted at once) or shows a QR code the buyer pays on their own phone (the screen
// turns green by itself). Without network, cash sales come from the seats this device reserved while
// online, are kept on the phone and uploaded later; beyond them the phone refuses.
import type { GateCatalogResponse, GateSaleResponse, OfflineSalesResponse, ShiftCloseResponse } from '@footarena/gate-protocol';
import { formatMoney } from '../../i18n/formats.ts';
import { type Api, Refused, Unauthorized } from './api.ts';
import type { Mode } from './modes.ts';
import { freeEntriesAsSales, pendingFreeEntries } from './offline-free.ts';
import { $, type Say } from './page.ts';
import { basketLines, basketTotal, fitsOffline, offlineRoom, type PendingSale, parseCash } from './sell-basket.ts';
import type { Session } from './session.ts';
import type { Store } from './storage.ts';

const POLL_MS = 2000;
const MAX_PER_CATEGORY = 50;

export interface SellParts {
  session: Session;
  store: Store;
  api: Api;
  say: Say;
  locale: string;
  /** Called when the device turns out to be offline or online. */
  setOnline(online: boolean): void;
  /** After a sale: the scan counters (admitted per stand) are synced again. */
  sync(): void;
}

export class SellMode implements Mode {
  #catalog: GateCatalogResponse | null = null;
  #standId = '';
  readonly #counts = new Map<string, number>();
  #poll: ReturnType<typeof setTimeout> | undefined;
  #busy = false;

  constructor(private readonly parts: SellParts) {}

  /** Only on a device the club lets sell (the answer of its last /matches). */
  available() {
    return this.parts.store.get<boolean>('canSell') === true;
  }

  enter() {
    void this.load();
  }

  leave() {
    clearTimeout(this.#poll);
  }

  get #matchId() {
    return this.parts.session.matchId ?? '';
  }

  get #pending(): PendingSale[] {
    return this.parts.store.get<PendingSale[]>(`sellQueue.${this.#matchId}`) ?? [];
  }

  /** What takes seats of the offline quota until uploaded: these sales, and free entries counted offline. */
  get #waiting(): PendingSale[] {
    return [...this.#pending, ...freeEntriesAsSales(pendingFreeEntries(this.parts.store, this.#matchId))];
  }

  set #pending(sales: PendingSale[]) {
    this.parts.store.set(`sellQueue.${this.#matchId}`, sales.length ? sales : null);
  }

  /**
   * Online: tops up the offline quota (not right after the shift closed: it gave the seats back), uploads
   * offline sales, reads prices and seats. Offline: the last ones read.
   */
  async load({ reserve = true } = {}) {
    const { api, store, setOnline } = this.parts;
    const matchId = this.#matchId;
    try {
      if (reserve) await api('/box-office/quota', { body: { matchId } });
      await this.upload();
      this.#catalog = await api<GateCatalogResponse>(`/box-office/matches/${matchId}`);
      store.set(`sell.${matchId}`, this.#catalog);
      setOnline(true);
    } catch (error) {
      if (error instanceof Refused || error instanceof Unauthorized) return this.#say('scanner.sell.refused');
      setOnline(false);
      this.#catalog = store.get<GateCatalogResponse>(`sell.${matchId}`);
    }
    if (!this.#catalog?.stands.some((s) => s.matchStandId === this.#standId)) this.#standId = this.#catalog?.stands[0]?.matchStandId ?? '';
    this.render();
  }

  /** Uploads offline sales in the background (every sync, whatever mode is shown); no network: later. */
  async uploadLater() {
    if (!this.parts.session.device || !this.parts.session.matchId || this.#pending.length === 0) return;
    try {
      await this.upload();
      this.render();
    } catch {
      // Offline still: the next sync tries again.
    }
  }

  /** Sends the sales made offline; each one answered (recorded, or refused) leaves the phone. */
  async upload() {
    const pending = this.#pending;
    if (pending.length === 0) return;
    const answer = await this.parts.api<OfflineSalesResponse>('/box-office/offline-sales', {
      body: { matchId: this.#matchId, sales: pending },
    });
    const answered = new Set(answer.sales.map((s) => s.clientSaleId));
    const refused = answer.sales.filter((s) => 'error' in s).length;
    this.#pending = this.#pending.filter((s) => !answered.has(s.clientSaleId));
    if (refused > 0) this.#result('error', this.parts.say('scanner.sell.uploadRefused', { count: refused }));
  }

  render() {
    const { say, locale } = this.parts;
    const catalog = this.#catalog;
    const stands = $('sell-stands');
    stands.replaceChildren(
      ...(catalog?.stands ?? []).map((s) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'sell-stand';
        button.textContent = s.name;
        button.setAttribute('aria-pressed', String(s.matchStandId === this.#standId));
        button.addEventListener('click', () => {
          this.#standId = s.matchStandId;
          this.#counts.clear();
          this.render();
        });
        return button;
      }),
    );
    const stand = catalog?.stands.find((s) => s.matchStandId === this.#standId);
    $('sell-lines').replaceChildren(...(stand?.prices ?? []).map((p) => this.#line(p.category, p.priceCents)));
    const lines = basketLines(this.#standId, this.#counts);
    const total = basketTotal(catalog, lines);
    $('sell-total').textContent = lines.length ? formatMoney(total, locale) : '—';
    const room = offlineRoom(catalog, this.#waiting, this.#standId);
    $('sell-quota').textContent = stand
      ? say('scanner.sell.quota', { left: stand.seatsLeft + stand.quotaLeft, offline: room })
      : say('scanner.sell.noCatalog');
    $<HTMLButtonElement>('sell-cash').disabled = lines.length === 0 || this.#busy;
    // Nothing to pay (free categories only): cash records it; no payment page for zero.
    $<HTMLButtonElement>('sell-phone').disabled = lines.length === 0 || total === 0 || this.#busy || !this.parts.session.online;
  }

  #line(category: string, priceCents: number) {
    const { say, locale } = this.parts;
    const count = this.#counts.get(category) ?? 0;
    const row = document.createElement('div');
    row.className = 'sell-line';
    const label = document.createElement('span');
    label.className = 'sell-label';
    label.textContent = `${say(`category.${category}`)} · ${formatMoney(priceCents, locale)}`;
    const step = (delta: number, text: string, name: string) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sell-step';
      button.textContent = text;
      button.setAttribute('aria-label', name);
      button.disabled = delta < 0 ? count === 0 : count >= MAX_PER_CATEGORY;
      button.addEventListener('click', () => {
        this.#counts.set(category, Math.max(0, count + delta));
        this.render();
      });
      return button;
    };
    const shown = document.createElement('output');
    shown.className = 'sell-count';
    shown.textContent = String(count);
    shown.setAttribute('aria-label', say('scanner.sell.countOf', { category: say(`category.${category}`) }));
    row.append(
      label,
      step(-1, '−', say('scanner.sell.less', { category: say(`category.${category}`) })),
      shown,
      step(1, '+', say('scanner.sell.more', { category: say(`category.${category}`) })),
    );
    return row;
  }

  /** Cash: recorded online at once (the people admitted), else kept for upload if the offline quota has room. */
  async cash() {
    const { api, say } = this.parts;
    const lines = basketLines(this.#standId, this.#counts);
    if (lines.length === 0) return;
    const sale: PendingSale = { clientSaleId: crypto.randomUUID(), soldAt: new Date().toISOString(), lines };
    this.#setBusy(true);
    try {
      const sold = await api<GateSaleResponse>('/box-office/sales', {
        body: { matchId: this.#matchId, clientSaleId: sale.clientSaleId, method: 'cash', lines },
      });
      this.parts.setOnline(true);
      this.#result('ok', say('scanner.sell.admitted', { count: sold.admitted, amount: formatMoney(sold.totalCents, this.parts.locale) }));
      this.#counts.clear();
      this.parts.sync();
      void this.load(); // tops the quota up again: an online sale takes from it first
    } catch (error) {
      if (error instanceof Refused || error instanceof Unauthorized) {
        this.#result('error', say(error instanceof Refused && error.status === 409 ? 'scanner.sell.noSeats' : 'scanner.sell.refused'));
      } else if (fitsOffline(this.#catalog, this.#waiting, lines)) {
        // The same id goes up later: if this sale did reach the server, it is recorded once.
        this.parts.setOnline(false);
        this.#pending = [...this.#pending, sale];
        const count = lines.reduce((sum, l) => sum + l.quantity, 0);
        this.#result(
          'ok',
          say('scanner.sell.admittedOffline', { count, amount: formatMoney(basketTotal(this.#catalog, lines), this.parts.locale) }),
        );
        this.#counts.clear();
      } else {
        this.parts.setOnline(false);
        this.#result('error', say('scanner.sell.quotaRefused', { left: offlineRoom(this.#catalog, this.#waiting, this.#standId) }));
      }
    } finally {
      this.#setBusy(false);
    }
  }

  /** The buyer's own phone: the order holds the seats, the screen shows the payment page's QR and waits. */
  async phone() {
    const { api, say } = this.parts;
    const lines = basketLines(this.#standId, this.#counts);
    if (lines.length === 0) return;
    this.#setBusy(true);
    try {
      const placed = await api<GateSaleResponse>('/box-office/sales', {
        body: { matchId: this.#matchId, clientSaleId: crypto.randomUUID(), method: 'phone', lines },
      });
      this.#counts.clear();
      $('sell-result').hidden = true;
      $('sell-qr-code').innerHTML = placed.payQrSvg ?? ''; // our own server's SVG of the payment page's address
      $<HTMLAnchorElement>('sell-pay-link').href = placed.payUrl ?? '#top';
      $('sell-wait').textContent = say('scanner.sell.waiting', { amount: formatMoney(placed.totalCents, this.parts.locale) });
      $('sell-qr').hidden = false;
      this.#waitFor(placed.orderId);
    } catch (error) {
      this.#result('error', say(error instanceof Refused && error.status === 409 ? 'scanner.sell.noSeats' : 'scanner.sell.refused'));
    } finally {
      this.#setBusy(false);
    }
  }

  /** Asks every 2 s until the buyer has paid (green: admitted) or the basket lapsed or was given up (seats back). */
  #waitFor(orderId: string) {
    clearTimeout(this.#poll);
    this.#poll = setTimeout(async () => {
      try {
        const sale = await this.parts.api<GateSaleResponse>(`/box-office/sales/${orderId}`);
        if (sale.status === 'pending') return this.#waitFor(orderId);
        $('sell-qr').hidden = true;
        if (sale.status === 'paid')
          this.#result(
            'ok',
            this.parts.say('scanner.sell.paidOnPhone', { count: sale.admitted, amount: formatMoney(sale.totalCents, this.parts.locale) }),
          );
        else this.#result('error', this.parts.say('scanner.sell.notPaid'));
        this.parts.sync();
        void this.load({ reserve: false });
      } catch {
        this.#waitFor(orderId); // the network again: keep asking
      }
    }, POLL_MS);
  }

  /** The steward gives up waiting (a new sale): the basket's seats go back when its hold lapses. */
  newSale() {
    clearTimeout(this.#poll);
    $('sell-qr').hidden = true;
    this.render();
  }

  /** End of shift: sales made offline go up first; then the count against what the cash sales should have brought. */
  async closeShift() {
    const { api, say, locale } = this.parts;
    const counted = parseCash($<HTMLInputElement>('sell-counted').value);
    const stewardName = $<HTMLInputElement>('sell-steward').value.trim();
    if (counted === null || !stewardName) {
      $('sell-count').textContent = say('scanner.sell.countInvalid');
      return;
    }
    try {
      await this.upload();
      if (this.#pending.length > 0) throw new Error('offline sales not uploaded');
      const closed = await api<ShiftCloseResponse>('/box-office/shift/close', {
        body: { matchId: this.#matchId, countedCents: counted, stewardName },
      });
      const money = (cents: number) => formatMoney(cents, locale);
      const table = document.createElement('table');
      const rows: [string, string][] = [
        ...closed.categories.map(
          (c) =>
            [say('scanner.sell.expectedOf', { category: say(`category.${c.category}`), count: c.tickets }), money(c.cents)] as [
              string,
              string,
            ],
        ),
        [say('scanner.sell.expected'), money(closed.expectedCents)],
        [say('scanner.sell.countedTotal'), money(closed.countedCents)],
        [say('scanner.sell.difference'), money(closed.differenceCents)],
      ];
      for (const [label, value] of rows) {
        const tr = table.insertRow();
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = label;
        tr.append(th);
        tr.insertCell().textContent = value;
      }
      const done = document.createElement('p');
      done.textContent = say('scanner.sell.closed', { name: stewardName, seats: closed.seatsReturned });
      $('sell-count').replaceChildren(table, done);
      void this.load({ reserve: false });
    } catch {
      $('sell-count').textContent = say('scanner.sell.closeFailed');
    }
  }

  #setBusy(busy: boolean) {
    this.#busy = busy;
    this.render();
  }

  #result(kind: 'ok' | 'error', text: string) {
    const box = $('sell-result');
    box.dataset.result = kind;
    box.textContent = text;
    box.hidden = false;
  }

  #say(key: string) {
    $('sell-message').textContent = this.parts.say(key);
  }
}

/** Wires Sell mode's buttons and forms to the mode. */
export function wireSellMode(mode: SellMode) {
  $('sell-cash').addEventListener('click', () => void mode.cash());
  $('sell-phone').addEventListener('click', () => void mode.phone());
  $('sell-qr-done').addEventListener('click', () => mode.newSale());
  $<HTMLFormElement>('sell-close-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void mode.closeShift();
  });
}
