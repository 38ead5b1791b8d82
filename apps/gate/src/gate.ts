import { type Clock, systemClock } from './clock.ts';
import type { GateConfig } from './config.ts';
import { GateController, type GateEvent } from './controller.ts';
import type { Hardware } from './hardware/types.ts';
import { reportHealth } from './health.ts';
import { Connectivity } from './validate/connectivity.ts';
import { DeviceApi } from './validate/device-api.ts';
import { GateStore } from './validate/store.ts';
import { Syncer } from './validate/syncer.ts';
import { Validator } from './validate/validator.ts';

export class NotPaired extends Error {
  override name = 'NotPaired';
}

export interface GateDeps {
  config: GateConfig;
  hardware: Hardware;
  clock?: Clock;
  fetch?: typeof fetch;
  /** One line per event worth a log line (journald keeps them on the Pi). */
  log?: (line: string) => void;
}

export type RunningGate = Awaited<ReturnType<typeof startGate>>;

/**
 * The gate program: the controller on its hardware, the validator (server first, else offline), the
 * background sync of lists and queue, and the health report to the club. The gate only calls out.
 */
export async function startGate({ config, hardware, clock = systemClock, fetch: fetchImpl = fetch, log = () => {} }: GateDeps) {
  const store = new GateStore(config.dataDir);
  if (!store.device)
    throw new NotPaired(`This gate is not paired: run "footarena-gate pair <code>" with the code its club's back office shows.`);
  const connectivity = new Connectivity();
  const api = new DeviceApi(config.server.url, store.device.token, fetchImpl);
  const validator = new Validator({ api, store, connectivity, redeemTimeoutMs: config.timing.redeemTimeoutMs, standId: config.standId });
  // Until the first sync answers, the gate admits for the match it last knew (it may start offline).
  validator.setMatch(config.matchId ?? store.lists?.matchId ?? null);
  const syncer = new Syncer({ api, store, validator, connectivity, matchId: config.matchId });
  const listeners = new Set<(event: GateEvent) => void>();

  const onEvent = (event: GateEvent) => {
    if (event.kind === 'not_passed' || event.kind === 'tailgating' || event.kind === 'occupied_too_long') {
      const matchId = validator.matchId;
      if (matchId) void store.addEvent({ kind: event.kind, matchId, ticketId: event.ticketId, at: new Date().toISOString() });
    }
    if (event.kind === 'fault' || (event.kind === 'sensor' && !event.ok)) {
      connectivity.problem(event.kind === 'fault' ? event.message : `sonar: ${event.message}`);
      void report(); // the club hears of a problem at once
    }
    if (event.kind !== 'state') log(JSON.stringify(event));
    for (const listener of listeners) listener(event);
  };
  const controller = new GateController({ ...hardware, clock, config, validate: (code) => validator.validate(code), onEvent });
  const parts = { controller, connectivity, store, validator };
  const report = () => reportHealth(api, parts).catch((error: Error) => log(JSON.stringify({ kind: 'health', error: error.message })));

  await controller.start();
  await hardware.reader.start(
    (code) => void controller.scan(code),
    (error) => connectivity.problem(`QR reader: ${error.message}`),
  );
  void syncer.sync().then(report);
  const timers = [
    setInterval(() => void syncer.sync(), config.timing.syncEveryMs),
    setInterval(() => void report(), config.timing.healthEveryMs),
  ];

  return {
    config,
    controller,
    store,
    syncer,
    validator,
    connectivity,
    report,
    /** Every event the controller reports (the simulator's page, tests). */
    on(listener: (event: GateEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** SIGTERM: stop reading, close the gate, try one last upload, let go of the hardware. */
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await hardware.reader.stop();
      await controller.stop();
      await Promise.race([syncer.sync().then(report), new Promise((resolve) => setTimeout(resolve, 3000))]);
    },
  };
}
