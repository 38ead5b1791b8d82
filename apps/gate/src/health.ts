import { type HealthReport, MAX_HEALTH_EVENTS } from '@footarena/gate-protocol';
import type { GateController } from './controller.ts';
import type { Connectivity } from './validate/connectivity.ts';
import type { DeviceApi } from './validate/device-api.ts';
import type { GateStore } from './validate/store.ts';
import type { Validator } from './validate/validator.ts';

export const VERSION = '1.0.0';

/** The gate's report to its club: state, network, queue, sensor, last problem, passage events. */
export function healthReport(parts: {
  controller: GateController;
  connectivity: Connectivity;
  store: GateStore;
  validator: Validator;
}): HealthReport {
  const { controller, connectivity, store, validator } = parts;
  return {
    version: VERSION,
    state: controller.state,
    matchId: validator.matchId,
    online: connectivity.online,
    since: connectivity.since.toISOString(),
    queued: store.queue.length,
    sensor: controller.sensorOk ? 'ok' : 'silent',
    lastError: connectivity.lastError?.slice(0, 500) ?? null,
    events: store.events.slice(0, MAX_HEALTH_EVENTS),
  };
}

/** Sends the report; the events the server recorded are forgotten, the others go with the next one. */
export async function reportHealth(api: DeviceApi, parts: Parameters<typeof healthReport>[0]) {
  const report = healthReport(parts);
  const ack = await api.health(report);
  if (ack.recorded.length > 0) await parts.store.forgetEvents(new Set(ack.recorded));
}
