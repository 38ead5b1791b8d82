import type { describeGateHealth, GateProblem } from '../../domain/devices/describe-gate-health.ts';
import { formatTime, type Locale } from '../../i18n/index.ts';
import { useT } from './use-t.ts';

/** A gate's problems in words, worst first, or "all well"; then when it last reported, its network and queue. */
export function GateHealth({ described, locale }: { described: ReturnType<typeof describeGateHealth>; locale: Locale }) {
  const t = useT();
  if (!described) return <span class="hint">{t('devices.neverReported')}</span>;
  const last = (
    <small class="hint gate-last">
      {t('devices.lastReport', {
        time: formatTime(described.lastSeenAt, locale),
        network: t(described.online ? 'devices.online' : 'devices.offline'),
        count: described.queued,
      })}
    </small>
  );
  if (described.problems.length === 0)
    return (
      <>
        <span class="badge good">{t('devices.allWell')}</span> {last}
      </>
    );
  const words = (p: GateProblem) => {
    if (p.kind === 'not_reported') return t('gateProblem.not_reported', { minutes: p.minutes });
    if (p.kind === 'offline') return t('gateProblem.offline', { time: formatTime(p.since, locale) });
    if (p.kind === 'queued') return t('gateProblem.queued', { count: p.count });
    if (p.kind === 'last_error') return t('gateProblem.last_error', { text: p.text });
    return t(`gateProblem.${p.kind}`);
  };
  return (
    <>
      <ul class="gate-problems">
        {described.problems.map((p) => (
          <li data-problem={p.kind} class={p.kind === 'last_error' || p.kind === 'queued' ? 'hint' : 'bad'}>
            {words(p)}
          </li>
        ))}
      </ul>
      {last}
    </>
  );
}
