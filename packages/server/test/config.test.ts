import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/index.js';

describe('readConfig', () => {
  it('listens on loopback port 8080 by default', () => {
    expect(readConfig({})).toMatchObject({ host: '127.0.0.1', port: 8080, databaseUrl: undefined });
  });

  it('takes HOST and PORT from the environment', () => {
    expect(readConfig({ HOST: '::1', PORT: '0' })).toMatchObject({ host: '::1', port: 0 });
  });

  it('keeps data in .data by default, files beside it, and takes DATABASE_URL and JWKS settings', () => {
    const config = readConfig({
      DATABASE_URL: 'postgres://x@127.0.0.1/egov',
      JWKS_URL: 'https://idp.example/jwks',
      JWT_ISSUER: 'https://idp.example',
      JWT_AUDIENCE: 'egov-portal',
    });
    expect(config.dataDir).toMatch(/\.data$/);
    expect(config.filesDir).toBe(`${config.dataDir}/files`);
    expect(config).toMatchObject({
      databaseUrl: 'postgres://x@127.0.0.1/egov',
      jwksUrl: 'https://idp.example/jwks',
    });
  });

  it('reads CORS origins as a comma-separated list', () => {
    expect(
      readConfig({ CORS_ORIGINS: 'https://a.example, https://b.example,' }).corsOrigins,
    ).toEqual(['https://a.example', 'https://b.example']);
    expect(readConfig({}).corsOrigins).toEqual([]);
  });

  it('refuses a JWKS without an issuer', () => {
    expect(() => readConfig({ JWKS_URL: 'https://idp.example/jwks' })).toThrow(/JWT_ISSUER/);
  });

  it.each(['abc', '-1', '65536', '80.5'])('refuses PORT=%s with a clear message', (port) => {
    expect(() => readConfig({ PORT: port })).toThrow(/PORT must be an integer from 0 to 65535/);
  });
});
