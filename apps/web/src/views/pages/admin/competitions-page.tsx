import type { listCatalogChoices } from '../../../domain/catalog/list-catalog-choices.ts';
import type { COMPETITION_KINDS } from '../../../domain/catalog/save-competition.ts';
import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import { AdminNav } from '../../components/admin-nav.tsx';
import { Field, Form, Select } from '../../components/form.tsx';
import { useT } from '../../components/use-t.ts';

type CompetitionKind = (typeof COMPETITION_KINDS)[number];

// Every kind, in the order offered (the `satisfies` fails on a kind added without a name).
const KIND_KEY = {
  league: 'competition.league',
  cup: 'competition.cup',
  friendly: 'competition.friendly',
  youth: 'competition.youth',
} as const satisfies Record<CompetitionKind, string>;

export interface CompetitionsPageProps {
  competitions: Awaited<ReturnType<typeof listCatalogChoices>>['competitions'];
  /** A form sent back with its errors: `for` a competition's id, or "new". */
  shown: { values?: FormValues; errors?: FieldErrors; for?: string };
}

/** The platform's competitions: each renamed or re-kinded in place, and a new one added. */
export function CompetitionsPage({ competitions, shown }: CompetitionsPageProps) {
  const t = useT();
  const kinds = (Object.keys(KIND_KEY) as CompetitionKind[]).map((kind) => ({ value: kind, label: t(KIND_KEY[kind]) }));
  return (
    <>
      <h1>{t('admin.competitions')}</h1>
      <AdminNav />
      <section class="card">
        {competitions.map((comp) => (
          <Form action={`/admin/competitions/${comp.id}`} idPrefix={`competition-${comp.id}`} class="actions">
            <Field
              name="name"
              label={t('admin.competitionName')}
              values={shown.for === comp.id ? shown.values : { name: comp.name }}
              errors={shown.for === comp.id ? shown.errors : undefined}
              required
              maxlength={80}
            />
            <Select name="kind" label={t('admin.competitionKind')} options={kinds} selected={comp.kind} />
            <button type="submit" class="secondary">
              {t('common.save')}
            </button>
          </Form>
        ))}
      </section>
      <section class="card">
        <h2>{t('admin.competitionAdd')}</h2>
        <Form action="/admin/competitions" idPrefix="competition-new">
          <Field
            name="name"
            label={t('admin.competitionName')}
            values={shown.for === 'new' ? shown.values : {}}
            errors={shown.for === 'new' ? shown.errors : undefined}
            required
            maxlength={80}
          />
          <Select name="kind" label={t('admin.competitionKind')} options={kinds} selected="league" />
          <button type="submit">{t('admin.competitionAdd')}</button>
        </Form>
      </section>
    </>
  );
}
