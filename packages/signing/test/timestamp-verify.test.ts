import * as asn1js from 'asn1js';
import { ContentInfo, SignedData } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCades, WebCryptoSigner } from '../src/index.js';
import { requestTimestamp } from '../src/timestamp/request-timestamp.js';
import {
  type TimestampVerification,
  verifySignatureTimestamp,
  verifyTimestampToken,
} from '../src/timestamp/verify-timestamp-token.js';
import { createTestPki, type TestPki } from './helpers/pki.js';
import {
  issueTsaCertificate,
  opensslTsVerify,
  startTsaServer,
  type TestTsaServer,
  type TsaIdentity,
  type TsaServerOptions,
} from './helpers/tsa.js';

let pki: TestPki;
let tsa: TsaIdentity;
let server: TestTsaServer;
const data = new TextEncoder().encode('Quyết định cấp giấy phép kinh doanh số 5/2026\n');

beforeAll(async () => {
  pki = createTestPki();
  tsa = await issueTsaCertificate(pki, 'tsa');
  server = await startTsaServer(pki, tsa);
}, 60_000);
afterAll(async () => {
  await server?.close();
  pki?.cleanup();
});

const trust = () => ({ trustedRoots: [pki.root.cert] });

function code(result: TimestampVerification): string {
  return result.ok ? 'ok' : result.code;
}

/** A token for `data` from a TSA set up with `options` (openssl ts -reply, maybe re-signed). */
async function tokenFrom(identity: TsaIdentity, options: TsaServerOptions = {}) {
  const other = await startTsaServer(pki, identity, options);
  try {
    return (await requestTimestamp(data, { url: other.url })).token;
  } finally {
    await other.close();
  }
}

describe('verifyTimestampToken', () => {
  it('accepts a token from openssl ts -reply and proves its genTime', async () => {
    const { token, genTime } = await requestTimestamp(data, { url: server.url });
    const result = await verifyTimestampToken(token, data, trust());
    if (!result.ok) throw new Error(`${result.code}: ${result.reason}`);
    expect(result.genTime).toEqual(genTime);
    expect(result.tsa.commonName).toBe('egov-kit Test TSA');
    expect(result.path.map((item) => item.commonName)).toEqual([
      'egov-kit Test TSA',
      'egov-kit Test Signing CA',
      'egov-kit Test Root',
    ]);
    expect(result.accuracyMs).toBe(1000);
    expect(result.hashAlgorithm).toBe('SHA-256');
    // The digest can be given instead of the data.
    const digester = async () => new Uint8Array(await crypto.subtle.digest('SHA-256', data));
    expect(code(await verifyTimestampToken(token, digester, trust()))).toBe('ok');
  });

  it('accepts the ESS signingCertificate v1 (SHA-1 certificate hash) that older TSAs send', async () => {
    const token = await tokenFrom(tsa, { essCertIdAlg: 'sha1' });
    expect(code(await verifyTimestampToken(token, data, trust()))).toBe('ok');
  });

  it('accepts an ECDSA P-256 TSA, and a SHA-512 imprint', async () => {
    const ec = await issueTsaCertificate(pki, 'tsa-p256', { key: 'p256' });
    const other = await startTsaServer(pki, ec);
    try {
      const { token } = await requestTimestamp(data, { url: other.url, hashAlgorithm: 'SHA-512' });
      const result = await verifyTimestampToken(token, data, trust());
      expect(result.ok ? result.hashAlgorithm : result.reason).toBe('SHA-512');
      expect((await opensslTsVerify(pki, token, data, pki.root.certPath)).ok).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('refuses SHA-1: as the imprint, or as the TSA’s signature digest', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query' },
      body: await queryFor(data, 'SHA-1'),
    });
    const { TimeStampResp } = await import('pkijs');
    const reply = TimeStampResp.fromBER(await response.arrayBuffer());
    const sha1Imprint = new Uint8Array(reply.timeStampToken?.toSchema().toBER(false) ?? []);
    const imprint = await verifyTimestampToken(sha1Imprint, data, trust());
    expect(code(imprint)).toBe('weak-algorithm');
    expect(!imprint.ok && imprint.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');

    const sha1Signed = await tokenFrom(tsa, { signerDigest: 'sha1' });
    expect(code(await verifyTimestampToken(sha1Signed, data, trust()))).toBe('weak-algorithm');
  });

  it('refuses a token over other data', async () => {
    const { token } = await requestTimestamp(data, { url: server.url });
    const result = await verifyTimestampToken(token, data.slice(0, -1), trust());
    expect(code(result)).toBe('imprint-mismatch');
    expect(!result.ok && result.subIndication).toBe('HASH_FAILURE');
  });

  it('refuses a token openssl made for another imprint', async () => {
    const token = await (async () => {
      const other = await startTsaServer(pki, tsa, {
        tamper: (query) => {
          query.messageImprint.hashedMessage = new asn1js.OctetString({
            valueHex: new Uint8Array(32).fill(1).buffer,
          });
        },
      });
      try {
        // The client refuses it already; take the token from the raw reply instead.
        const response = await fetch(other.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/timestamp-query' },
          body: await queryFor(data),
        });
        const { TimeStampResp } = await import('pkijs');
        const parsed = TimeStampResp.fromBER(await response.arrayBuffer());
        return new Uint8Array(parsed.timeStampToken?.toSchema().toBER(false) ?? new ArrayBuffer(0));
      } finally {
        await other.close();
      }
    })();
    expect(code(await verifyTimestampToken(token, data, trust()))).toBe('imprint-mismatch');
  });

  it.each([
    ['no extendedKeyUsage', 'none'],
    ['a non-critical extendedKeyUsage', 'non-critical'],
    ['timeStamping and serverAuth', 'extra'],
  ] as const)('refuses a TSA certificate with %s (openssl ts -verify too)', async (_, eku) => {
    const wrong = await issueTsaCertificate(pki, `tsa-eku-${eku}`, { eku });
    const token = await tokenFrom(tsa, { resignWith: wrong });
    const result = await verifyTimestampToken(token, data, trust());
    expect(code(result)).toBe('tsa-certificate');
    expect(!result.ok && result.subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE');
    expect((await opensslTsVerify(pki, token, data, pki.root.certPath)).ok).toBe(false);
  });

  it('accepts the same re-signing route with a proper TSA certificate (the check above is the EKU)', async () => {
    const token = await tokenFrom(tsa, { resignWith: tsa });
    expect(code(await verifyTimestampToken(token, data, trust()))).toBe('ok');
  });

  it('refuses a token without the ESS signing-certificate attribute', async () => {
    const token = await tokenFrom(tsa, { resignWith: tsa, resignWithoutEss: true });
    expect(code(await verifyTimestampToken(token, data, trust()))).toBe('signing-certificate');
  });

  it('refuses a forged TSA whose CA copies the trusted root’s name (openssl ts -verify too)', async () => {
    const forger = await issueTsaCertificate(pki, 'tsa-forged', { issuer: 'lookalike' });
    const token = await tokenFrom(forger);
    const result = await verifyTimestampToken(token, data, trust());
    expect(code(result)).toBe('chain');
    expect(!result.ok && result.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect((await opensslTsVerify(pki, token, data, pki.root.certPath)).ok).toBe(false);
    // …and the forger's own certificates passed as intermediates change nothing.
    const withExtra = await verifyTimestampToken(token, data, {
      ...trust(),
      intermediates: [forger.cert, pki.intermediate.cert],
    });
    expect(code(withExtra)).toBe('chain');
  });

  it('refuses a token signed with a TSA certificate that had expired at genTime', async () => {
    const expired = await issueTsaCertificate(pki, 'tsa-expired', {
      start: '20200101000000Z',
      end: '20210101000000Z',
    });
    const token = await tokenFrom(expired);
    const result = await verifyTimestampToken(token, data, trust());
    expect(code(result)).toBe('tsa-certificate');
    expect(!result.ok && result.subIndication).toBe('EXPIRED');
    // Validating at a time inside the certificate's life does not help: genTime is after it.
    const back = await verifyTimestampToken(token, data, {
      ...trust(),
      at: new Date('2020-06-01'),
    });
    expect(code(back)).toBe('tsa-certificate');
  });

  it('refuses a genuine token when its root is not trusted', async () => {
    const { token } = await requestTimestamp(data, { url: server.url });
    expect(
      code(await verifyTimestampToken(token, data, { trustedRoots: [pki.otherRoot.cert] })),
    ).toBe('chain');
  });

  it('refuses a token whose TSTInfo or signature was altered', async () => {
    const { token } = await requestTimestamp(data, { url: server.url });
    const genTimeAt = Buffer.from(token).indexOf(Buffer.from([0x18, 0x0f])); // GeneralizedTime
    expect(genTimeAt).toBeGreaterThan(0);
    const backdated = token.slice();
    backdated[genTimeAt + 2 + 3] = 0x30; // 202x → 2020
    expect(code(await verifyTimestampToken(backdated, data, trust()))).toBe('signature-invalid');
    const flipped = token.slice();
    flipped[flipped.length - 10] = (flipped[flipped.length - 10] as number) ^ 0x01;
    expect(code(await verifyTimestampToken(flipped, data, trust()))).toBe('signature-invalid');
  });

  it('reads a token padded with zeros (a PDF /Contents), not one followed by other bytes', async () => {
    const { token } = await requestTimestamp(data, { url: server.url });
    const padded = new Uint8Array(token.length + 300);
    padded.set(token);
    expect(code(await verifyTimestampToken(padded, data, trust()))).toBe('ok');
    padded[token.length + 299] = 1;
    expect(code(await verifyTimestampToken(padded, data, trust()))).toBe('malformed');
  });

  it('refuses what is not a time-stamp token', async () => {
    expect(code(await verifyTimestampToken(new Uint8Array([1, 2, 3]), data, trust()))).toBe(
      'malformed',
    );
    const signer = await WebCryptoSigner.fromPkcs8({
      privateKey: pki.rsa.key,
      certificate: pki.rsa.cert,
    });
    const p7s = await signCades(data, signer);
    expect(code(await verifyTimestampToken(p7s, data, trust()))).toBe('malformed');
  });
});

describe('verifySignatureTimestamp', () => {
  it('validates a CAdES-T signature time-stamp and finds none in CAdES-BES', async () => {
    const signer = await WebCryptoSigner.fromPkcs8({
      privateKey: pki.rsa.key,
      certificate: pki.rsa.cert,
      chain: [pki.intermediate.cert],
    });
    const signerInfoOf = (p7s: Uint8Array) => {
      const signedData = new SignedData({
        schema: new ContentInfo({ schema: asn1js.fromBER(p7s.slice().buffer).result }).content,
      });
      const signerInfo = signedData.signerInfos[0];
      if (!signerInfo) throw new Error('no signer');
      return signerInfo;
    };
    const timed = signerInfoOf(await signCades(data, signer, { timestamp: { url: server.url } }));
    const result = await verifySignatureTimestamp(timed, trust());
    expect(result && code(result)).toBe('ok');
    // The token is over this signature value, not another one (RSA PKCS #1 v1.5 is
    // deterministic: another document gives another value).
    const other = signerInfoOf(await signCades(data.slice(1), signer));
    other.unsignedAttrs = timed.unsignedAttrs;
    const moved = await verifySignatureTimestamp(other, trust());
    expect(moved && code(moved)).toBe('imprint-mismatch');
    expect(
      await verifySignatureTimestamp(signerInfoOf(await signCades(data, signer)), trust()),
    ).toBe(undefined);
  });
});

async function queryFor(bytes: Uint8Array, hash = 'SHA-256'): Promise<ArrayBuffer> {
  const { TimeStampReq, MessageImprint } = await import('pkijs');
  const request = new TimeStampReq({
    version: 1,
    messageImprint: await MessageImprint.create(hash, bytes.slice().buffer),
    certReq: true,
  });
  return request.toSchema().toBER(false);
}
