import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.ts';

describe('configuration', () => {
  it('needs nothing outside production', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ NODE_ENV: 'development', PORT: 3000, DATA_DIR: '.data', TRUST_PROXY: false });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', PORT: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable and what is wrong with it', () => {
    let error: unknown;
    try {
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toContain('PORT:');
    expect(message).toContain('DATABASE_URL: must start with postgres:// or postgresql://');
    expect(message).toContain('SMTP_URL: must start with smtp:// or smtps://');
    expect(message).toContain('LOG_LEVEL:');
  });

  it('requires a secret, a public URL and SMTP in production, without echoing values', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET: is required in production[\s\S]*BASE_URL[\s\S]*SMTP_URL/);
    expect(() =>
      parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'too-short-secret', BASE_URL: 'https://x.be', SMTP_URL: 'smtp://m' }),
    ).toThrow(/AUTH_SECRET: must be at least 32 characters/);
    try {
      parseEnv({ AUTH_SECRET: 'short-and-secret' });
    } catch (e) {
      expect((e as Error).message).not.toContain('short-and-secret');
    }
  });
});
