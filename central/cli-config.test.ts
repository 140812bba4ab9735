import { describe, expect, it } from 'vitest';
import { parseCli, type CliEnvironment } from './cli-config.js';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123';

function io(env: Record<string, string> = {}, files: Record<string, string> = {}): CliEnvironment {
  return {
    env,
    readFile(path) {
      const text = files[path];
      if (text === undefined) throw new Error(`no such file ${path}`);
      return text;
    },
  };
}

describe('central CLI configuration', () => {
  it('defaults to loopback, port 8080, in-memory PGlite, tokens from CENTRAL_BRANCH_TOKENS', () => {
    const config = parseCli([], io({ CENTRAL_BRANCH_TOKENS: `BR01:${TOKEN}, BR02:${TOKEN}x` }));
    expect(config).toEqual({ port: 8080, host: '127.0.0.1', options: { branches: { BR01: TOKEN, BR02: `${TOKEN}x` } } });
  });

  it('reads --data, --tls-*, --branches and DATABASE_URL', () => {
    const files = {
      'c.pem': 'CERT',
      'k.pem': 'KEY',
      'b.json': JSON.stringify({ BR01: TOKEN, BR02: { sha256: 'ab'.repeat(32) } }),
    };
    const config = parseCli(
      ['--host', '0.0.0.0', '--data', '/var/lib/central', '--tls-cert', 'c.pem', '--tls-key', 'k.pem', '--branches', 'b.json', '--public-url', 'https://c.example.kz/fhir/'],
      io({}, files),
    );
    expect(config).toEqual({
      port: 8443,
      host: '0.0.0.0',
      options: {
        branches: { BR01: TOKEN, BR02: { sha256: 'ab'.repeat(32) } },
        dataDir: '/var/lib/central',
        tls: { cert: 'CERT', key: 'KEY' },
        publicBaseUrl: 'https://c.example.kz/fhir',
      },
    });
    const pg = parseCli(['--data', 'ignored'], io({ DATABASE_URL: 'postgres://u@db.kz/central', CENTRAL_BRANCH_TOKENS: `BR01:${TOKEN}` }));
    expect(pg).toMatchObject({ options: { databaseUrl: 'postgres://u@db.kz/central' } });
    expect(pg === 'help' ? undefined : pg.options.dataDir).toBeUndefined();
  });

  it('refuses to start without tokens, with half a TLS pair, or on plain HTTP off loopback', () => {
    expect(() => parseCli([], io())).toThrow(/no branch tokens/);
    expect(() => parseCli([], io({ CENTRAL_BRANCH_TOKENS: 'BR01' }))).toThrow(/BR01:token1/);
    const env = { CENTRAL_BRANCH_TOKENS: `BR01:${TOKEN}` };
    expect(() => parseCli(['--tls-cert', 'c.pem'], io(env))).toThrow(/go together/);
    expect(() => parseCli(['--host', '0.0.0.0'], io(env))).toThrow(/plain HTTP/);
    expect(parseCli(['--host', '0.0.0.0', '--allow-plain-http'], io(env))).toMatchObject({ host: '0.0.0.0' });
    expect(() => parseCli(['--port', '99999'], io(env))).toThrow(/not a port/);
    expect(() => parseCli(['--bogus'], io(env))).toThrow();
    expect(parseCli(['--help'], io())).toBe('help');
  });
});
