import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/index.js';

describe('readConfig: storage, limits, housekeeping, shutdown', () => {
  it('reads S3 storage from S3_* variables', () => {
    const config = readConfig({
      S3_BUCKET: 'egov-files',
      S3_ENDPOINT: 'http://minio:9000',
      S3_REGION: 'ap-southeast-1',
      S3_PREFIX: 'attachments/',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(config.s3).toEqual({
      bucket: 'egov-files',
      endpoint: 'http://minio:9000',
      region: 'ap-southeast-1',
      prefix: 'attachments/',
      forcePathStyle: true,
    });
    expect(readConfig({}).s3).toBeUndefined();
  });

  it('reads limits, in files and megabytes, and refuses nonsense', () => {
    const config = readConfig({ LIMIT_FILES_PER_DOSSIER: '10', LIMIT_MB_PER_CITIZEN: '500' });
    expect(config.limits).toEqual({ filesPerDossier: 10, bytesPerCitizen: 500 * 1024 * 1024 });
    expect(readConfig({}).limits).toBeUndefined();
    expect(() => readConfig({ LIMIT_DRAFTS_PER_CITIZEN: '0' })).toThrow(/LIMIT_DRAFTS_PER_CITIZEN/);
    expect(() => readConfig({ LIMIT_MB_PER_DOSSIER: 'lots' })).toThrow(/LIMIT_MB_PER_DOSSIER/);
  });

  it('reads the housekeeping interval and the shutdown times as durations', () => {
    const config = readConfig({
      HOUSEKEEPING_INTERVAL: '30m',
      SHUTDOWN_DRAIN: '10s',
      SHUTDOWN_TIMEOUT: '1m',
    });
    expect(config.housekeepingMinutes).toBe(30);
    expect(config.shutdownDrainSeconds).toBe(10);
    expect(config.shutdownTimeoutSeconds).toBe(60);
    expect(readConfig({ HOUSEKEEPING_INTERVAL: '0' }).housekeepingMinutes).toBe(0);
    expect(() => readConfig({ SHUTDOWN_DRAIN: 'soon' })).toThrow(/SHUTDOWN_DRAIN/);
  });
});
