import { raw } from 'hono/html';

/** JSON inside a <script> element: "<" escaped so that no text in it can close the element. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');

/** Data for a script or for search engines (schema.org), never run by the browser. */
export function JsonScript({
  data,
  id,
  type = 'application/json',
}: {
  data: unknown;
  id?: string;
  type?: 'application/json' | 'application/ld+json';
}) {
  return (
    <script type={type} id={id}>
      {raw(scriptJson(data))}
    </script>
  );
}
