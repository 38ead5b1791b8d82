import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../clock.ts';
import type { GateConfig } from '../config.ts';
import type { GateEvent } from '../controller.ts';
import { startGate } from '../gate.ts';
import { createSimulatedHardware } from '../hardware/simulated.ts';

/** Someone walking through the beam: this near, this long (a person takes about a second). */
const PERSON_CM = 45;
const PERSON_MS = 1200;
const GAP_MS = 400;

const page = readFileSync(new URL('./page.html', import.meta.url), 'utf8');
const script = readFileSync(new URL('./page.js', import.meta.url), 'utf8');
const style = readFileSync(new URL('./page.css', import.meta.url), 'utf8');

/**
 * The real gate program on simulated parts, with a page on loopback that draws the gate and lets a
 * person scan a code, walk through (one or two people), stay away, or cut the network.
 */
export async function startSimulator(config: GateConfig, { port = 0, fetch: fetchImpl = fetch } = {}) {
  const hardware = createSimulatedHardware(systemClock);
  let networkDown = false;
  const guardedFetch: typeof fetch = (input, init) =>
    networkDown ? Promise.reject(new TypeError('network down (simulator)')) : fetchImpl(input, init);
  const gate = await startGate({ config, hardware, fetch: guardedFetch });
  const recent: (GateEvent & { at: string })[] = [];
  gate.on((event) => {
    if (event.kind === 'state') return;
    recent.unshift({ ...event, at: new Date().toISOString() });
    recent.length = Math.min(recent.length, 12);
  });
  const walks: NodeJS.Timeout[] = [];
  const walk = (people: number) => {
    for (const t of walks.splice(0)) clearTimeout(t);
    for (let i = 0; i < people; i++) {
      const start = i * (PERSON_MS + GAP_MS);
      walks.push(setTimeout(() => (hardware.sensor.cm = PERSON_CM), start));
      walks.push(setTimeout(() => (hardware.sensor.cm = null), start + PERSON_MS));
    }
  };

  const state = () => ({
    state: gate.controller.state,
    arm: hardware.arm.position,
    distanceCm: hardware.sensor.cm,
    signal: hardware.signals.current,
    online: gate.connectivity.online,
    networkDown,
    queued: gate.store.queue.length,
    matchId: gate.validator.matchId,
    lastError: gate.connectivity.lastError,
    events: recent,
  });

  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'GET' && url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', page);
      if (req.method === 'GET' && url.pathname === '/page.js') return send(res, 200, 'text/javascript; charset=utf-8', script);
      if (req.method === 'GET' && url.pathname === '/page.css') return send(res, 200, 'text/css; charset=utf-8', style);
      if (req.method === 'GET' && url.pathname === '/state') return send(res, 200, 'application/json', JSON.stringify(state()));
      if (req.method === 'POST') {
        const form = new URLSearchParams(await body(req));
        if (url.pathname === '/scan') hardware.reader.read(form.get('code') ?? '');
        else if (url.pathname === '/walk') walk(Number(form.get('people') ?? '1') === 2 ? 2 : 1);
        else if (url.pathname === '/nobody') walk(0);
        else if (url.pathname === '/network') networkDown = form.get('down') === 'true';
        else return send(res, 404, 'text/plain', 'Not found');
        // Without JavaScript the form posts and comes back to the page.
        if (!(req.headers.accept ?? '').includes('application/json')) return redirect(res);
        return send(res, 200, 'application/json', JSON.stringify(state()));
      }
      send(res, 404, 'text/plain', 'Not found');
    } catch (error) {
      send(res, 400, 'text/plain', (error as Error).message);
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    gate,
    hardware,
    async stop() {
      for (const t of walks) clearTimeout(t);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await gate.stop();
    },
  };
}

function send(res: ServerResponse, status: number, type: string, text: string) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': "default-src 'self'" });
  res.end(text);
}

function redirect(res: ServerResponse) {
  res.writeHead(303, { location: '/' });
  res.end();
}

async function body(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 4096) throw new Error('Too long');
  }
  return text;
}
