import type { Prices } from '../../../domain/catalog/stand-prices.ts';
import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import { Field } from '../../components/form.tsx';
import { useT } from '../../components/use-t.ts';

export interface StandFieldsProps {
  /** The price categories, in the order they are listed (the adult price is required). */
  categories: readonly (keyof Prices)[];
  values?: FormValues;
  errors?: FieldErrors;
}

/** A stand's name, capacity and prices per category: the same fields to add a stand and to edit it. */
export function StandFields({ categories, values, errors }: StandFieldsProps) {
  const t = useT();
  return (
    <>
      <Field name="name" label={t('stand.name')} values={values} errors={errors} required maxlength={60} />
      <Field name="capacity" type="number" label={t('stand.capacity')} values={values} errors={errors} required />
      <fieldset>
        <legend>{t('stand.prices')}</legend>
        <p class="hint">{t('stand.pricesHint')}</p>
        {categories.map((cat) => (
          <Field
            name={`price_${cat}`}
            label={`${t(`category.${cat}`)} (€)`}
            values={values}
            errors={errors}
            required={cat === 'adult'}
            maxlength={9}
          />
        ))}
      </fieldset>
    </>
  );
}
