/**
 * A real RFC 3161 time-stamping authority for the tests: `openssl ts -reply` behind a small
 * HTTP server on 127.0.0.1. The TSA certificate is issued at test time under the test PKI
 * (critical extendedKeyUsage timeStamping, its only purpose, as RFC 3161 §2.3 requires); the
 * hostile variants (another nonce or imprint, a certificate without the EKU, a look-alike CA)
 * are made with openssl too.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import { TimeStampReq } from 'pkijs';
import type { TestPki } from './pki.js';

const run = promisify(execFile);

/** A TSA's certificate and key, PEM files in the PKI's folder. */
export interface TsaIdentity {
  readonly name: string;
  readonly certPath: string;
  readonly keyPath: string;
  readonly cert: string;
  /** The certificates to put in the token besides the TSA's own: its CA chain, PEM file. */
  readonly chainPath: string;
}

/** How a TSA certificate is made. */
export interface TsaCertificateOptions {
  /**
   * `critical` (the right one), `none` (no extendedKeyUsage at all), `non-critical`, or `extra`
   * (timeStamping and serverAuth).
   */
  readonly eku?: 'critical' | 'none' | 'non-critical' | 'extra';
  /**
   * `intermediate` (the test CA, default), or `lookalike`: a self-made CA that copies the test
   * root's name, as a forger would.
   */
  readonly issuer?: 'intermediate' | 'lookalike';
  /** The TSA's key: RSA-2048 (default) or ECDSA P-256. */
  readonly key?: 'rsa' | 'p256';
  /** OpenSSL `-startdate`/`-enddate` (YYYYMMDDHHMMSSZ) for an expired TSA. */
  readonly start?: string;
  readonly end?: string;
}

const EKU_LINES: Readonly<Record<NonNullable<TsaCertificateOptions['eku']>, string>> = {
  critical: 'extendedKeyUsage = critical, timeStamping',
  none: '',
  'non-critical': 'extendedKeyUsage = timeStamping',
  extra: 'extendedKeyUsage = critical, timeStamping, serverAuth',
};

/** Issues a TSA certificate named `CN=egov-kit Test TSA`. */
export async function issueTsaCertificate(
  pki: TestPki,
  name: string,
  options: TsaCertificateOptions = {},
): Promise<TsaIdentity> {
  const openssl = (args: string[]) => run('openssl', args, { cwd: pki.dir });
  const eku = EKU_LINES[options.eku ?? 'critical'];
  writeFileSync(
    pki.path(`${name}.ext`),
    [
      '[tsa]',
      'basicConstraints = critical, CA:false',
      'keyUsage = critical, digitalSignature, nonRepudiation',
      eku,
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
      '[ca]',
      'basicConstraints = critical, CA:true',
      'keyUsage = critical, keyCertSign, cRLSign',
      'subjectKeyIdentifier = hash',
    ].join('\n'),
  );
  let issuerCert = pki.intermediate.certPath;
  let issuerKey = pki.intermediate.keyPath;
  let chainPath = pki.chainPath;
  if (options.issuer === 'lookalike') {
    // Same name as the genuine root, another key: only a chain check that follows signatures
    // (not names) tells them apart.
    await openssl(['genpkey', '-algorithm', 'RSA', '-out', `${name}-ca.key`]);
    await openssl([
      ...['req', '-x509', '-new', '-key', `${name}-ca.key`, '-sha256', '-days', '3650'],
      ...['-subj', '/C=VN/O=egov-kit test/CN=egov-kit Test Root'],
      ...['-extensions', 'ca', '-config', `${name}.ext`, '-out', `${name}-ca.pem`],
    ]);
    issuerCert = pki.path(`${name}-ca.pem`);
    issuerKey = pki.path(`${name}-ca.key`);
    chainPath = issuerCert;
  }
  const keyArgs =
    options.key === 'p256'
      ? ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']
      : ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'];
  await openssl(['genpkey', ...keyArgs, '-out', `${name}.key`]);
  await openssl([
    ...[
      'req',
      '-new',
      '-key',
      `${name}.key`,
      '-subj',
      '/C=VN/O=egov-kit test/CN=egov-kit Test TSA',
    ],
    ...['-out', `${name}.csr`],
  ]);
  if (options.start) {
    // `openssl x509 -req` of OpenSSL 3.0 cannot set past dates; `openssl ca` can.
    writeFileSync(pki.path(`${name}.index`), '');
    writeFileSync(pki.path(`${name}.ca.serial`), `${randomBytes(8).toString('hex')}\n`);
    writeFileSync(
      pki.path(`${name}.ca.cnf`),
      [
        '[ca]',
        'default_ca = tsa',
        '[tsa]',
        `database = ${name}.index`,
        `serial = ${name}.ca.serial`,
        'new_certs_dir = .',
        'default_md = sha256',
        'policy = any',
        'unique_subject = no',
        '[any]',
        'commonName = supplied',
        'organizationName = optional',
        'countryName = optional',
      ].join('\n'),
    );
    await openssl([
      ...['ca', '-batch', '-notext', '-config', `${name}.ca.cnf`, '-cert', issuerCert],
      ...['-keyfile', issuerKey, '-in', `${name}.csr`, '-out', `${name}.pem`],
      ...['-extfile', `${name}.ext`, '-extensions', 'tsa'],
      ...['-startdate', options.start, '-enddate', options.end ?? ''],
    ]);
  } else {
    await openssl([
      ...['x509', '-req', '-in', `${name}.csr`, '-CA', issuerCert, '-CAkey', issuerKey],
      ...['-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', '365', '-sha256'],
      ...['-extfile', `${name}.ext`, '-extensions', 'tsa', '-out', `${name}.pem`],
    ]);
  }
  return {
    name,
    certPath: pki.path(`${name}.pem`),
    keyPath: pki.path(`${name}.key`),
    cert: readFileSync(pki.path(`${name}.pem`), 'utf8'),
    chainPath,
  };
}

/** How the test TSA answers. */
export interface TsaServerOptions {
  /** ESS signing-certificate attribute of the tokens: `sha256` (v2, default) or `sha1` (v1). */
  readonly essCertIdAlg?: 'sha1' | 'sha256';
  /** The digest the TSA signs with (`signer_digest`); default `sha256`. */
  readonly signerDigest?: 'sha1' | 'sha256';
  /** Changes the query before `openssl ts -reply` sees it (another nonce, another imprint…). */
  readonly tamper?: (query: TimeStampReq) => void;
  /**
   * Re-signs the TSTInfo OpenSSL produced with this identity (`openssl cms -sign -cades`), for
   * certificates `openssl ts -reply` itself refuses to sign with (no timeStamping EKU).
   */
  readonly resignWith?: TsaIdentity;
  /** With `resignWith`: leave out the ESS signing-certificate attribute (no `-cades`). */
  readonly resignWithoutEss?: boolean;
  /** Answers every request with this HTTP status and no token. */
  readonly httpStatus?: number;
  /** Waits this long before answering. */
  readonly delayMs?: number;
}

export interface TestTsaServer {
  readonly url: string;
  /** The headers of each request received, in order. */
  readonly requests: IncomingHttpHeaders[];
  close(): Promise<void>;
}

let counter = 0;

/** Starts `openssl ts -reply` behind `http://127.0.0.1:<port>/tsa` for one TSA identity. */
export async function startTsaServer(
  pki: TestPki,
  identity: TsaIdentity,
  options: TsaServerOptions = {},
): Promise<TestTsaServer> {
  const config = `${identity.name}-${options.essCertIdAlg ?? 'sha256'}-${options.signerDigest ?? 'sha256'}.tsa.cnf`;
  writeFileSync(pki.path(`${identity.name}.serial`), '01\n');
  writeFileSync(
    pki.path(config),
    [
      '[tsa]',
      'default_tsa = test_tsa',
      '[test_tsa]',
      `serial = ${identity.name}.serial`,
      'crypto_device = builtin',
      `signer_cert = ${identity.certPath}`,
      `certs = ${identity.chainPath}`,
      `signer_key = ${identity.keyPath}`,
      `signer_digest = ${options.signerDigest ?? 'sha256'}`,
      'default_policy = 1.2.3.4.1',
      'other_policies = 1.2.3.4.5',
      'digests = sha1, sha256, sha384, sha512',
      'accuracy = secs:1',
      'ordering = yes',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      `ess_cert_id_alg = ${options.essCertIdAlg ?? 'sha256'}`,
    ].join('\n'),
  );
  const requests: IncomingHttpHeaders[] = [];
  const openssl = (args: string[]) =>
    run('openssl', args, { cwd: pki.dir, encoding: 'buffer', maxBuffer: 1 << 20 });

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push(request.headers);
      answer(Buffer.concat(chunks), request.headers['content-type'])
        .then(async (reply) => {
          if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
          if (options.httpStatus) {
            response.writeHead(options.httpStatus, { 'Content-Type': 'text/plain' });
            response.end('refused');
            return;
          }
          response.writeHead(200, {
            'Content-Type': 'application/timestamp-reply',
            'Content-Length': reply.length,
          });
          response.end(reply);
        })
        .catch((error: unknown) => {
          response.writeHead(500, { 'Content-Type': 'text/plain' });
          response.end(String(error));
        });
    });
  });

  async function answer(body: Buffer, contentType: string | undefined): Promise<Buffer> {
    if (contentType !== 'application/timestamp-query') {
      throw new Error(`Content-Type ${contentType} is not application/timestamp-query`);
    }
    counter += 1;
    const id = `${identity.name}-${process.pid}-${counter}`;
    let query = body;
    if (options.tamper) {
      const parsed = TimeStampReq.fromBER(new Uint8Array(body).slice().buffer);
      options.tamper(parsed);
      query = Buffer.from(parsed.toSchema().toBER(false));
    }
    writeFileSync(pki.path(`${id}.tsq`), query);
    await openssl([
      ...['ts', '-reply', '-config', config, '-queryfile', `${id}.tsq`],
      ...['-out', `${id}.tsr`],
    ]);
    if (!options.resignWith) return readFileSync(pki.path(`${id}.tsr`));
    const other = options.resignWith;
    await openssl(['ts', '-reply', '-in', `${id}.tsr`, '-token_out', '-out', `${id}.tok`]);
    await openssl([
      ...['cms', '-verify', '-noverify', '-inform', 'DER', '-in', `${id}.tok`],
      ...['-out', `${id}.tst`],
    ]);
    await openssl([
      ...['cms', '-sign', '-binary', '-nodetach', '-nosmimecap', '-md', 'sha256'],
      ...(options.resignWithoutEss ? [] : ['-cades']),
      ...['-econtent_type', '1.2.840.113549.1.9.16.1.4', '-in', `${id}.tst`],
      ...['-signer', other.certPath, '-inkey', other.keyPath, '-certfile', other.chainPath],
      ...['-outform', 'DER', '-out', `${id}.resigned`],
    ]);
    const token = readFileSync(pki.path(`${id}.resigned`));
    // TimeStampResp ::= SEQUENCE { status PKIStatusInfo (granted), timeStampToken }
    const status = new asn1js.Sequence({ value: [new asn1js.Integer({ value: 0 })] });
    const statusDer = Buffer.from(status.toBER(false));
    const inner = Buffer.concat([statusDer, token]);
    return Buffer.concat([derHeader(0x30, inner.length), inner]);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function derHeader(tag: number, length: number): Buffer {
  if (length < 0x80) return Buffer.from([tag, length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Buffer.from([tag, 0x80 | bytes.length, ...bytes]);
}

/** `openssl ts -verify` of a token over `data`, against a CA file. */
export async function opensslTsVerify(
  pki: TestPki,
  token: Uint8Array,
  data: Uint8Array,
  caPath: string,
  untrustedPath?: string,
): Promise<{ ok: boolean; output: string }> {
  counter += 1;
  const id = `verify-${process.pid}-${counter}`;
  writeFileSync(pki.path(`${id}.tok`), token);
  writeFileSync(pki.path(`${id}.dat`), data);
  try {
    const { stdout, stderr } = await run(
      'openssl',
      [
        ...['ts', '-verify', '-token_in', '-in', `${id}.tok`, '-data', `${id}.dat`],
        ...['-CAfile', caPath, ...(untrustedPath ? ['-untrusted', untrustedPath] : [])],
      ],
      { cwd: pki.dir },
    );
    return { ok: true, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}
