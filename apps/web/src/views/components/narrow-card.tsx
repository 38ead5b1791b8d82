import type { Child } from 'hono/jsx';

/** A page of one short task (sign in, confirm, pay): a narrow card under its heading. */
export function NarrowCard({ title, notice, children }: { title: string; notice?: Child; children?: Child }) {
  return (
    <section class="card narrow">
      {notice}
      <h1>{title}</h1>
      {children}
    </section>
  );
}
