// The match page's basket without a round trip: the − and + buttons change the quantity here and the
// total with the service fee follows, by the rule the order will be charged with (fees.ts). Without
// this module the same buttons submit the form and the server answers with the new quantities.
import { platformFee } from '../domain/sales/fees.ts';
import { formatMoney } from '../i18n/formats.ts';

const form = document.querySelector<HTMLFormElement>('form.buy');
const totals = form?.querySelector<HTMLElement>('.basket-total[data-fee]');
if (form && totals) {
  const rule = JSON.parse(totals.dataset.fee ?? '{}') as { feePercent: number; feeFixedCents: number };
  const locale = document.documentElement.lang || 'fr';
  const fields = [...form.querySelectorAll<HTMLInputElement>('input[data-price]')];
  const quantity = (input: HTMLInputElement) => {
    const n = Number(input.value);
    return Number.isInteger(n) && n > 0 ? n : 0;
  };
  const show = (name: string, text: string) => {
    const cell = totals.querySelector<HTMLElement>(`[data-total="${name}"]`);
    if (cell) cell.textContent = text;
  };
  const update = () => {
    let subtotal = 0;
    let count = 0;
    for (const input of fields) {
      subtotal += Number(input.dataset.price) * quantity(input);
      count += quantity(input);
      const [down, up] = [...(input.parentElement?.querySelectorAll<HTMLButtonElement>('button[name="step"]') ?? [])];
      if (down) down.disabled = quantity(input) <= 0;
      if (up) up.disabled = quantity(input) >= Number(input.max);
    }
    const fee = platformFee(subtotal, rule);
    show('count', String(count));
    show('subtotal', formatMoney(subtotal, locale));
    show('fee', formatMoney(fee, locale));
    show('total', formatMoney(subtotal + fee, locale));
  };
  form.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[name="step"]');
    if (!button) return;
    event.preventDefault();
    const [name = '', direction] = button.value.split(':');
    const input = form.elements.namedItem(name);
    if (!(input instanceof HTMLInputElement)) return;
    const next = quantity(input) + (direction === 'up' ? 1 : -1);
    input.value = String(Math.max(0, Math.min(Number(input.max), next)));
    update();
  });
  form.addEventListener('input', update);
}
