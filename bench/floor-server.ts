// The floor of bench:rush and bench:redeem (bench/README.md): a server of the app's shape — HTTP over
// keep-alive, a pg.Pool of the app's size, named prepared statements, the same round trips to
// PostgreSQL — doing per request only what any correct implementation of the path must do, with no
// framework and no logic beyond it. It imports nothing of the app. The bench process starts it, pads
// its answers to the app's (measured in the same run), and asks it for its CPU time over IPC:
//   child → {ready, port}        listening on loopback, pool warm
//   parent → {sizes}             body bytes by status, as the app answered; child → {sized: true}
//   parent → 'usage'             child → {cpuMs, statements}
//   parent → 'stop'
import './count-statements.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';
import { sentStatements } from './count-statements.ts';

const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { kind: 'rush' | 'redeem'; url: string; pool: number };
const pool = new pg.Pool({ connectionString: input.url, max: input.pool });
let sizes: Record<string, number> = {};

/** A body of `text` made as long as the app's answers of that status (ASCII: bytes are characters). */
const padded = (status: number, text: string) => text.padEnd(sizes[status] ?? 0);
/** A JSON answer padded inside its own object, so that it stays JSON. */
function json(status: number, answer: object) {
  const bare = JSON.stringify({ ...answer, pad: '' });
  return JSON.stringify({ ...answer, pad: ' '.repeat(Math.max(0, (sizes[status] ?? 0) - bare.length)) });
}

const SESSION = {
  name: 'floor_session',
  text: 'select s.user_id, u.email from session s join "user" u on u.id = s.user_id where s.token = $1 and s.expires_at > now()',
};
// The seat taken by the guarded UPDATE and the hold recorded in one statement: atomic without a
// transaction, so that the floor makes the fewest round trips any correct checkout can.
const TAKE = {
  name: 'floor_take',
  text: `with taken as (update match_stand set held = held + 1 where id = $2 and sold + held + 1 <= cap returning id)
         insert into bench_floor_hold (user_id, match_stand_id) select $1, id from taken returning id`,
};

/** rush: the session, then one seat taken by the guarded UPDATE and recorded, in one statement. */
async function rush(req: http.IncomingMessage, body: string): Promise<[number, Record<string, string>, string]> {
  const cookies = new URLSearchParams((req.headers.cookie ?? '').replaceAll('; ', '&'));
  // better-auth's cookie is `token.signature`: the token alone names the session.
  const token = cookies.get('footarena.session_token')?.split('.')[0];
  const csrf = cookies.get('fa_csrf');
  const form = new URLSearchParams(body);
  if (!token || !csrf || form.get('_csrf') !== csrf) return [403, {}, ''];
  const [standField] = [...form.keys()].filter((key) => key.startsWith('q_'));
  const standId = standField?.slice(2, standField.lastIndexOf('_'));
  const { rows: sessions } = await pool.query<{ user_id: string }>({ ...SESSION, values: [token] });
  if (!sessions[0] || !standId) return [401, {}, ''];
  const { rows } = await pool.query<{ id: string }>({ ...TAKE, values: [sessions[0].user_id, standId] });
  if (!rows[0]) return [409, { 'content-type': 'text/html; charset=utf-8' }, padded(409, '<!doctype html><title>Sold out</title>')];
  return [303, { location: `/pay/demo/${rows[0].id}` }, padded(303, '')];
}

const READ = {
  name: 'floor_ticket',
  text: `select t.id, d.id as device_id from ticket t join match m on m.id = t.match_id
         join device d on d.club_id = m.club_id and d.token_hash = $2 and d.revoked_at is null
         where t.code = $1 and m.id = $3`,
};
const ADMIT = {
  name: 'floor_admit',
  text: "UPDATE ticket SET used_at = now() WHERE id = $1 AND used_at IS NULL AND status = 'valid' RETURNING id",
};

/** redeem: the ticket with its match and the device by token hash in one read, then the guarded UPDATE. */
async function redeem(req: http.IncomingMessage, body: string): Promise<[number, Record<string, string>, string]> {
  const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!token) return [401, {}, ''];
  const scan = JSON.parse(body) as { code: string; matchId: string };
  const hash = createHash('sha256').update(token).digest('base64url');
  const { rows } = await pool.query<{ id: string }>({ ...READ, values: [scan.code, hash, scan.matchId] });
  const type = { 'content-type': 'application/json' };
  if (!rows[0]) return [200, type, json(200, { result: 'unknown', ticket: null })];
  const admitted = await pool.query({ ...ADMIT, values: [rows[0].id] });
  return [200, type, json(200, { result: admitted.rowCount ? 'ok' : 'already_used', ticket: { id: rows[0].id } })];
}

const handle = input.kind === 'rush' ? rush : redeem;
const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    const answer: Promise<[number, Record<string, string>, string]> =
      req.url === '/healthz' ? Promise.resolve([200, {}, 'ok']) : handle(req, body);
    answer.then(
      ([status, headers, text]) => res.writeHead(status, headers).end(text),
      (error) => {
        console.error('[floor]', error);
        res.writeHead(500).end();
      },
    );
  });
});
// The load opens its connections at start and drives this phase after the app's: keep them open meanwhile.
server.keepAliveTimeout = 0;

if (input.kind === 'rush')
  await pool.query(`create table if not exists bench_floor_hold (id bigint generated always as identity primary key,
    user_id text not null, match_stand_id uuid not null, created_at timestamptz not null default now())`);
await Promise.all(Array.from({ length: input.pool }, () => pool.query('select 1')));
server.listen(0, '127.0.0.1', () => process.send!({ ready: true, port: (server.address() as { port: number }).port }));
process.on('message', async (message: 'usage' | 'stop' | { sizes: Record<string, number> }) => {
  if (message === 'usage') {
    const { user, system } = process.cpuUsage();
    process.send!({ cpuMs: (user + system) / 1000, statements: sentStatements.count });
  } else if (message === 'stop') {
    server.close();
    server.closeAllConnections();
    await pool.end();
    process.exit(0);
  } else {
    sizes = message.sizes;
    process.send!({ sized: true });
  }
});
