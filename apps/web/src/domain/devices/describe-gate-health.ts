import type { HealthReport } from '@footarena/gate-protocol';

/** A gate reports every 30 s: after three missed reports the club is told. */
export const SILENT_AFTER_MS = 90_000;

export type GateProblem =
  | { kind: 'not_reported'; minutes: number }
  | { kind: 'offline'; since: Date }
  | { kind: 'sonar_silent' }
  | { kind: 'fault' }
  | { kind: 'queued'; count: number }
  | { kind: 'last_error'; text: string };

/**
 * What the club should know of a gate, worst first, from its last report and when it came: nothing
 * when all is well. A gate that never reported has no health to describe (null).
 */
export function describeGateHealth(
  gate: { lastSeenAt: Date | null; health: Omit<HealthReport, 'events'> | null },
  now = new Date(),
): { problems: GateProblem[]; state: HealthReport['state']; lastSeenAt: Date; online: boolean; queued: number } | null {
  const { lastSeenAt, health } = gate;
  if (!lastSeenAt || !health) return null;
  const problems: GateProblem[] = [];
  const silentFor = now.getTime() - lastSeenAt.getTime();
  if (silentFor > SILENT_AFTER_MS) problems.push({ kind: 'not_reported', minutes: Math.floor(silentFor / 60_000) });
  if (!health.online) problems.push({ kind: 'offline', since: new Date(health.since) });
  if (health.sensor === 'silent') problems.push({ kind: 'sonar_silent' });
  else if (health.state === 'fault') problems.push({ kind: 'fault' });
  if (health.queued > 0) problems.push({ kind: 'queued', count: health.queued });
  if (health.lastError && problems.length > 0) problems.push({ kind: 'last_error', text: health.lastError });
  return { problems, state: health.state, lastSeenAt, online: health.online, queued: health.queued };
}
