import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { type FileStore, isSha256, type ReceivedFile, type StoredFile } from './file-store.js';
import { spool, sweepSpool } from './spool.js';

/** Where an {@link S3FileStore} keeps files. */
export interface S3FileStoreOptions {
  readonly bucket: string;
  /** A key prefix, e.g. `attachments/`; none by default. */
  readonly prefix?: string | undefined;
  /** An S3-compatible endpoint (MinIO, Ceph, a cloud's object storage); AWS when unset. */
  readonly endpoint?: string | undefined;
  /** `us-east-1` when unset, which S3-compatible servers accept. */
  readonly region?: string | undefined;
  /** Path-style URLs (`endpoint/bucket/key`), which most S3-compatible servers need. */
  readonly forcePathStyle?: boolean | undefined;
  /** Credentials; the SDK's default chain (AWS_ACCESS_KEY_ID, …, instance roles) when unset. */
  readonly credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  /**
   * Where uploads are spooled while they are received (hashed and size-checked) before they are
   * sent to the bucket under their hash; the system's temporary folder by default.
   */
  readonly spoolDir?: string | undefined;
}

/**
 * Files in S3-compatible object storage through the official AWS SDK v3 client, under
 * `<prefix><ab>/<sha256>`: the store for several instances, which then share no disk.
 *
 * An object's key is its content's hash, which is known only once the whole upload has arrived;
 * so an upload is first streamed to a local spool file (bounded memory, limit enforced as it
 * arrives) and sent to the bucket by `keep()`, with its length, in one PUT.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3';
  readonly #config: S3ClientConfig;
  #sdk: Promise<typeof import('@aws-sdk/client-s3')> | undefined;
  #client: S3Client | undefined;
  readonly #bucket: string;
  readonly #prefix: string;
  readonly #spoolDir: string;

  constructor(options: S3FileStoreOptions) {
    const config: S3ClientConfig = {
      region: options.region ?? 'us-east-1',
      forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
      // Checksums only where the API requires them: the SDK's default (a CRC trailer in an
      // aws-chunked body) is not understood by many S3-compatible servers. Integrity is kept
      // by the key itself: the SHA-256 the server computed while receiving.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
    if (options.endpoint) config.endpoint = options.endpoint;
    if (options.credentials) config.credentials = options.credentials;
    this.#config = config;
    this.#bucket = options.bucket;
    this.#prefix = options.prefix ?? '';
    this.#spoolDir = options.spoolDir ?? join(tmpdir(), 'egov-kit-uploads');
  }

  async receive(
    source: AsyncIterable<Uint8Array>,
    options: { maxBytes: number },
  ): Promise<ReceivedFile> {
    await mkdir(this.#spoolDir, { recursive: true, mode: 0o700 });
    const temporary = join(this.#spoolDir, `${randomUUID()}.part`);
    const spooled = await spool(source, temporary, options.maxBytes);
    const key = this.#key(spooled.sha256);
    return {
      ...spooled,
      keep: async () => {
        if (await this.#exists(key)) return;
        const { sdk, client } = await this.#s3();
        await client.send(
          new sdk.PutObjectCommand({
            Bucket: this.#bucket,
            Key: key,
            Body: createReadStream(temporary),
            ContentLength: spooled.size,
            ContentType: 'application/octet-stream',
          }),
        );
      },
      discard: () => rm(temporary, { force: true }),
    };
  }

  async open(sha256: string): Promise<StoredFile | undefined> {
    if (!isSha256(sha256)) return undefined;
    const { sdk, client } = await this.#s3();
    try {
      const object = await client.send(
        new sdk.GetObjectCommand({ Bucket: this.#bucket, Key: this.#key(sha256) }),
      );
      const body = object.Body;
      if (!body) return undefined;
      return {
        size: Number(object.ContentLength ?? 0),
        stream: () => body.transformToWebStream() as ReadableStream<Uint8Array>,
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async remove(sha256: string): Promise<void> {
    if (!isSha256(sha256)) return;
    const { sdk, client } = await this.#s3();
    await client.send(
      new sdk.DeleteObjectCommand({ Bucket: this.#bucket, Key: this.#key(sha256) }),
    );
  }

  async check(): Promise<void> {
    const { sdk, client } = await this.#s3();
    await client.send(new sdk.HeadBucketCommand({ Bucket: this.#bucket }));
  }

  sweep(olderThanMs: number): Promise<number> {
    return sweepSpool(this.#spoolDir, olderThanMs);
  }

  /** Closes the client's connections. */
  destroy(): void {
    this.#client?.destroy();
  }

  /**
   * The SDK, loaded on first use: importing it costs about half a second at start, which a
   * server storing files on disk should not pay.
   */
  async #s3(): Promise<{ sdk: typeof import('@aws-sdk/client-s3'); client: S3Client }> {
    this.#sdk ??= import('@aws-sdk/client-s3');
    const sdk = await this.#sdk;
    this.#client ??= new sdk.S3Client(this.#config);
    return { sdk, client: this.#client };
  }

  async #exists(key: string): Promise<boolean> {
    const { sdk, client } = await this.#s3();
    try {
      await client.send(new sdk.HeadObjectCommand({ Bucket: this.#bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  #key(sha256: string): string {
    return `${this.#prefix}${sha256.slice(0, 2)}/${sha256}`;
  }
}

function isNotFound(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata
    ?.httpStatusCode;
  const name = (error as { name?: string } | undefined)?.name;
  return status === 404 || name === 'NoSuchKey' || name === 'NotFound';
}
