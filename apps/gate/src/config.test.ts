import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('the gate configuration', () => {
  it('needs only the server address and fills in every default', () => {
    const config = parseConfig(JSON.stringify({ server: { url: 'https://tickets.example.be' } }));
    expect(config).toMatchObject({
      hardware: 'pi',
      dataDir: '/var/lib/footarena-gate',
      servo: { chip: 'auto', channel: 0, closedPulseUs: 1000, openPulseUs: 2000 },
      sonar: { source: 'gpiomon', echoLine: 24, triggerPwmChannel: 1 },
      reader: { kind: 'keyboard', path: 'auto' },
      timing: { redeemTimeoutMs: 700, passTimeoutMs: 10_000 },
    });
  });

  it('stops on a bad value with a message naming each bad key', () => {
    const bad = (value: unknown) => () => parseConfig(JSON.stringify(value), 'gate.json');
    expect(bad({})).toThrow(/gate\.json has a bad value:\n {2}server: /);
    expect(bad({ server: { url: 'ftp://x' } })).toThrow(/server\.url/);
    expect(bad({ server: { url: 'http://x' }, servo: { openPulseUs: 3000 } })).toThrow(/servo\.openPulseUs/);
    expect(bad({ server: { url: 'http://x' }, servo: { openPulseUs: 1000 } })).toThrow(
      /servo\.openPulseUs: closedPulseUs and openPulseUs must differ/,
    );
    expect(bad({ server: { url: 'http://x' }, sonar: { source: 'laser' } })).toThrow(/sonar\.source/);
    expect(bad({ server: { url: 'http://x' }, timing: { redeemTimeoutMs: 5 }, pasage: {} })).toThrow(
      /bad values:[\s\S]*timing\.redeemTimeoutMs[\s\S]*pasage/,
    );
    expect(() => parseConfig('{ "server": ', 'gate.json')).toThrow(ConfigError);
    expect(() => parseConfig('{ "server": ', 'gate.json')).toThrow(/gate\.json is not valid JSON/);
  });
});
