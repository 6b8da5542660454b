import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/index.js';

describe('readConfig', () => {
  it('listens on loopback port 8080 by default', () => {
    expect(readConfig({})).toEqual({ host: '127.0.0.1', port: 8080 });
  });

  it('takes HOST and PORT from the environment', () => {
    expect(readConfig({ HOST: '::1', PORT: '0' })).toEqual({ host: '::1', port: 0 });
  });

  it.each(['abc', '-1', '65536', '80.5'])('refuses PORT=%s with a clear message', (port) => {
    expect(() => readConfig({ PORT: port })).toThrow(/PORT must be an integer from 0 to 65535/);
  });
});
