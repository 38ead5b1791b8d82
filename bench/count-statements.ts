// Every statement this process's pg clients send is counted: round trips per request, by the app's
// own driver (pg-boss's polling is in it too, a few per second). With BENCH_STATEMENTS=1 they are also
// counted by text. Imported by the bench process and by its app workers before anything else of pg.
import pg from 'pg';

export const sentStatements = { count: 0, texts: new Map<string, number>() };
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  sentStatements.count++;
  if (process.env.BENCH_STATEMENTS) {
    const first = args[0] as string | { text?: string };
    const text = (typeof first === 'string' ? first : (first?.text ?? '?')).replace(/\s+/g, ' ').slice(0, 160);
    sentStatements.texts.set(text, (sentStatements.texts.get(text) ?? 0) + 1);
  }
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;
