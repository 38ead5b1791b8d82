import { describe, expect, it } from 'vitest';
import { describeGateHealth, SILENT_AFTER_MS } from './describe-gate-health.ts';

const now = new Date('2027-03-06T14:00:00Z');
const healthy = {
  version: '1.0.0',
  state: 'closed' as const,
  matchId: null,
  online: true,
  since: '2027-03-06T12:00:00Z',
  queued: 0,
  sensor: 'ok' as const,
  lastError: null,
};

describe("a gate's health in words", () => {
  it('says nothing of a gate that never reported, and "all well" of a healthy one', () => {
    expect(describeGateHealth({ lastSeenAt: null, health: null }, now)).toBeNull();
    expect(describeGateHealth({ lastSeenAt: now, health: healthy }, now)).toEqual({
      problems: [],
      state: 'closed',
      lastSeenAt: now,
      online: true,
      queued: 0,
    });
  });

  it('names each problem, worst first, with the last error only when something is wrong', () => {
    const lastSeenAt = new Date(now.getTime() - SILENT_AFTER_MS - 120_000);
    const health = {
      ...healthy,
      online: false,
      since: '2027-03-06T13:50:00Z',
      sensor: 'silent' as const,
      state: 'fault' as const,
      queued: 12,
      lastError: 'sonar: no echo',
    };
    expect(describeGateHealth({ lastSeenAt, health }, now)?.problems).toEqual([
      { kind: 'not_reported', minutes: 3 },
      { kind: 'offline', since: new Date('2027-03-06T13:50:00Z') },
      { kind: 'sonar_silent' },
      { kind: 'queued', count: 12 },
      { kind: 'last_error', text: 'sonar: no echo' },
    ]);
    expect(describeGateHealth({ lastSeenAt: now, health: { ...healthy, lastError: 'old hiccup' } }, now)?.problems).toEqual([]);
    expect(describeGateHealth({ lastSeenAt: now, health: { ...healthy, state: 'fault' } }, now)?.problems).toEqual([{ kind: 'fault' }]);
  });
});
