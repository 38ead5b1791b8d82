import { useT } from './use-t.ts';

/** Links to season products (a club's, or those covering a match), under a heading or a lead-in. */
export function SeasonLinks({ seasons, lead }: { seasons: readonly { id: string; title: string }[]; lead: 'heading' | 'inline' }) {
  const t = useT();
  if (seasons.length === 0) return null;
  const links = (
    <ul class="season-links">
      {seasons.map((s) => (
        <li>
          <a href={`/seasons/${s.id}`}>{s.title}</a>
        </li>
      ))}
    </ul>
  );
  return lead === 'heading' ? (
    <section class="card">
      <h2>{t('season.clubProducts')}</h2>
      {links}
    </section>
  ) : (
    <section class="card">
      <p>{t('season.alsoIn')}</p>
      {links}
    </section>
  );
}
