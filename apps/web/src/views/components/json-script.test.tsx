import { describe, expect, it } from 'vitest';
import { JsonScript } from './json-script.tsx';

describe('JsonScript', () => {
  it('writes data a script reads back as it was, even text that would close the element', async () => {
    const data = { text: '</script><script>alert(1)</script>', accents: 'Sérésien & <b>' };
    const html = String(await (<JsonScript id="data" data={data} />));
    expect(html.match(/<\/script>/g)).toHaveLength(1); // only its own end tag
    const inner = /^<script type="application\/json" id="data">(.*)<\/script>$/.exec(html)![1]!;
    expect(JSON.parse(inner)).toEqual(data);
  });

  it('is schema.org data when asked', async () => {
    expect(String(await (<JsonScript type="application/ld+json" data={{ '@type': 'Event' }} />))).toBe(
      '<script type="application/ld+json">{"@type":"Event"}</script>',
    );
  });
});
