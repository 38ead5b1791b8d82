import type { CheckResult, DoctorContext } from './check.ts';

// The FootArena site answers its health check: network, DNS, TLS and the address in the configuration.

const TIMEOUT_MS = 5000;

export async function checkServer({ config, fetch }: DoctorContext): Promise<CheckResult> {
  const part = 'Server';
  const url = `${config.server.url.replace(/\/+$/, '')}/healthz`;
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
    await response.body?.cancel();
    const ms = Math.round(performance.now() - started);
    if (response.ok) return { ok: true, part, summary: `${url} answered in ${ms} ms` };
    return {
      ok: false,
      part,
      summary: `${url} answered HTTP ${response.status}`,
      details: [
        response.status === 404
          ? 'Is server.url the address of the FootArena site itself?'
          : 'The site has a problem: tell its administrator',
      ],
    };
  } catch (error) {
    const cause = (error as Error & { cause?: NodeJS.ErrnoException }).cause;
    const code = cause?.code ?? (error as Error).name;
    const why: Record<string, [string, string]> = {
      ENOTFOUND: ['the name is not found (DNS)', 'Check server.url for typing mistakes, and that the Pi is on the network (ping 1.1.1.1)'],
      EAI_AGAIN: ['the name cannot be looked up now (DNS)', 'Check the Pi is on the network and has a DNS server'],
      ECONNREFUSED: ['nothing answers at that address', 'Check server.url, and its port'],
      ENETUNREACH: ['the network cannot be reached', 'Check the cable or Wi-Fi (ip addr)'],
      TimeoutError: [`no answer within ${TIMEOUT_MS / 1000} seconds`, 'Check the network, or a firewall between the gate and the site'],
    };
    const tls = /CERT|SSL|TLS|VERIFY/.test(code)
      ? (['the secure connection failed', "Check the Pi's date and time (timedatectl): a wrong clock fails every certificate"] as [
          string,
          string,
        ])
      : undefined;
    const [what, fix] = why[code] ??
      tls ?? [`${(error as Error).message}${cause ? ` (${cause.message})` : ''}`, 'Check server.url and the network'];
    return { ok: false, part, summary: `Cannot reach ${url}: ${what}`, details: [fix] };
  }
}
