import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { bodyLimit } from '../middleware/body-limit.ts';

// A request body of the device API: bounded first (bodyLimit reads at most maxSize bytes), then
// parsed and validated by one schema of @footarena/gate-protocol. Refusals are thrown for the
// sub-app's onError (errors.ts) to answer.

export const limit = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new HTTPException(413, { message: `At most ${maxSize / 1024} KiB.` });
    },
  });

const isJson = (contentType: string | undefined) => (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';

/** The JSON body, strictly of `schema`, in `c.req.valid('json')`; malformed JSON is Hono's own 400. */
export const jsonBody = <S extends z.ZodType>(schema: S) =>
  validator('json', (value, c) => {
    // Hono parses only a JSON media type and passes anything else on as {}: say so instead.
    if (!isJson(c.req.header('content-type'))) throw new HTTPException(415, { message: 'Send JSON (Content-Type: application/json).' });
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      throw new HTTPException(400, {
        message: parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '),
      });
    return parsed.data;
  });
