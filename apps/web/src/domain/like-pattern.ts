/** An ILIKE pattern for text containing `q`, its own `%`, `_` and `\` matched as themselves. */
export const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
