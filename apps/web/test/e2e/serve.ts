import { type ServerType, serve } from '@hono/node-server';
import type { App } from '../../src/app.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';

export interface ServedApp {
  t: TestApp;
  /** http://127.0.0.1:<port>, where the app answers; also its BASE_URL (links in e-mails). */
  baseURL: string;
  /** Closes the HTTP server, then the app. */
  close(): Promise<void>;
}

/**
 * The app on PGlite, served on a real port of 127.0.0.1 for a browser. The server listens first
 * (port 0), so BASE_URL, which e-mail links use, is known before boot; it answers only once the
 * app exists, and no request comes before that.
 */
export async function serveTestApp(env: Record<string, string> = {}): Promise<ServedApp> {
  let app: App | undefined;
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    server = serve(
      {
        fetch: (request, env) => (app ? app.fetch(request, env) : new Response('starting', { status: 503 })),
        hostname: '127.0.0.1',
        port: 0,
      },
      (info) => resolve(info.port),
    );
    server.once('error', reject);
  });
  const s = server!;
  const closeServer = () => new Promise<void>((resolve) => s.close(() => resolve()));
  const baseURL = `http://127.0.0.1:${port}`;
  let t: TestApp;
  try {
    t = await startTestApp('pglite', { baseURL, env });
  } catch (error) {
    await closeServer();
    throw error;
  }
  app = t.app;
  return {
    t,
    baseURL,
    async close() {
      try {
        await closeServer();
      } finally {
        await t.close();
      }
    },
  };
}
