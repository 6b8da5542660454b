import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { ContentInfo, SignedData } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTimestampError, type TimestampError } from '../src/errors/timestamp-error.js';
import { signCades, verifyCades, WebCryptoSigner } from '../src/index.js';
import { requestTimestamp } from '../src/timestamp/request-timestamp.js';
import { readSignatureTimestamp } from '../src/timestamp/signature-timestamp.js';
import { createTestPki, type TestPki } from './helpers/pki.js';
import { opensslPrint, opensslVerify } from './helpers/tools.js';
import {
  issueTsaCertificate,
  opensslTsVerify,
  startTsaServer,
  type TestTsaServer,
  type TsaIdentity,
} from './helpers/tsa.js';

let pki: TestPki;
let tsa: TsaIdentity;
let server: TestTsaServer;
const data = new TextEncoder().encode('Giấy khai sinh bản sao số 17/2026\n');

beforeAll(async () => {
  pki = createTestPki();
  tsa = await issueTsaCertificate(pki, 'tsa');
  server = await startTsaServer(pki, tsa);
}, 60_000);
afterAll(async () => {
  await server?.close();
  pki?.cleanup();
});

async function refusal(promise: Promise<unknown>): Promise<TimestampError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isTimestampError(error)) throw new Error(`Expected a TimestampError, got ${String(error)}`);
  return error;
}

/** A server whose answers are made by `openssl ts -reply`, for a query changed on the way. */
async function withServer<T>(
  options: Parameters<typeof startTsaServer>[2],
  body: (url: string) => Promise<T>,
): Promise<T> {
  const other = await startTsaServer(pki, tsa, options);
  try {
    return await body(other.url);
  } finally {
    await other.close();
  }
}

describe('requestTimestamp against openssl ts -reply', () => {
  it('gets a token openssl ts -verify accepts, sending the query type and the caller’s headers', async () => {
    const before = server.requests.length;
    const result = await requestTimestamp(data, {
      url: server.url,
      headers: { Authorization: 'Basic dGVzdDp0ZXN0' },
    });
    const check = await opensslTsVerify(
      pki,
      result.token,
      data,
      pki.root.certPath,
      pki.intermediate.certPath,
    );
    expect(check.output).toContain('Verification: OK');
    expect(check.ok).toBe(true);
    expect(Math.abs(result.genTime.getTime() - Date.now())).toBeLessThan(60_000);
    expect(result.policy).toBe('1.2.3.4.1');
    expect(result.hashAlgorithm).toBe('SHA-256');
    const headers = server.requests[before];
    expect(headers?.['content-type']).toBe('application/timestamp-query');
    expect(headers?.authorization).toBe('Basic dGVzdDp0ZXN0');
  });

  it('time-stamps a digest with SHA-384 and a requested policy', async () => {
    const imprint = new Uint8Array(createHash('sha384').update(data).digest());
    const result = await requestTimestamp(
      { digest: imprint },
      { url: server.url, hashAlgorithm: 'SHA-384', policy: '1.2.3.4.5' },
    );
    expect(result.policy).toBe('1.2.3.4.5');
    expect((await opensslTsVerify(pki, result.token, data, pki.root.certPath)).ok).toBe(true);
    // The same token does not verify for other data.
    const other = await opensslTsVerify(pki, result.token, data.slice(1), pki.root.certPath);
    expect(other.ok).toBe(false);
  });

  it('refuses a reply made for another nonce', async () => {
    const error = await withServer(
      {
        tamper: (query) => {
          query.nonce = new asn1js.Integer({ value: 42 });
        },
      },
      (url) => refusal(requestTimestamp(data, { url })),
    );
    expect(error.reason).toBe('nonce-mismatch');
  });

  it('refuses a reply without the nonce sent', async () => {
    const error = await withServer(
      {
        tamper: (query) => {
          query.nonce = undefined;
        },
      },
      (url) => refusal(requestTimestamp(data, { url })),
    );
    expect(error.reason).toBe('nonce-mismatch');
  });

  it('refuses a reply over another message imprint', async () => {
    const error = await withServer(
      {
        tamper: (query) => {
          query.messageImprint.hashedMessage = new asn1js.OctetString({
            valueHex: new Uint8Array(32).fill(7).buffer,
          });
        },
      },
      (url) => refusal(requestTimestamp(data, { url })),
    );
    expect(error.reason).toBe('imprint-mismatch');
  });

  it('refuses a token issued under another policy than the one asked for', async () => {
    const error = await withServer(
      {
        tamper: (query) => {
          query.reqPolicy = '1.2.3.4.5';
        },
      },
      (url) => refusal(requestTimestamp(data, { url, policy: '1.2.3.4.1' })),
    );
    expect(error.reason).toBe('policy-mismatch');
  });

  it('reports the TSA’s own refusal (a policy it does not serve) as rejected', async () => {
    const error = await refusal(requestTimestamp(data, { url: server.url, policy: '1.2.3.9' }));
    expect(error.reason).toBe('rejected');
    expect(error.detail).toContain('unacceptedPolicy');
    expect(error.localizedMessage.vi).toContain('từ chối');
  });

  it('refuses a token without the TSA certificate when it was asked for', async () => {
    const error = await withServer(
      {
        tamper: (query) => {
          query.certReq = false;
        },
      },
      (url) => refusal(requestTimestamp(data, { url })),
    );
    expect(error.reason).toBe('no-certificate');
  });

  it('reports HTTP errors, time-outs, unreachable servers and garbage', async () => {
    expect(
      (await withServer({ httpStatus: 401 }, (url) => refusal(requestTimestamp(data, { url }))))
        .reason,
    ).toBe('http-status');
    expect(
      (
        await withServer({ delayMs: 1500 }, (url) =>
          refusal(requestTimestamp(data, { url, timeoutMs: 200 })),
        )
      ).reason,
    ).toBe('timeout');
    const closed = await startTsaServer(pki, tsa);
    await closed.close();
    expect((await refusal(requestTimestamp(data, { url: closed.url }))).reason).toBe('network');
    const garbage: typeof fetch = async () => new Response('<html>login</html>', { status: 200 });
    expect(
      (await refusal(requestTimestamp(data, { url: server.url, fetch: garbage }))).reason,
    ).toBe('malformed');
    const huge: typeof fetch = async () =>
      new Response(new Uint8Array(2 * 1024 * 1024), { status: 200 });
    expect((await refusal(requestTimestamp(data, { url: server.url, fetch: huge }))).reason).toBe(
      'malformed',
    );
  });

  it('stops when the caller aborts, with the caller’s reason', async () => {
    const controller = new AbortController();
    const reason = new Error('the person closed the page');
    const pending = withServer({ delayMs: 2000 }, (url) =>
      requestTimestamp(data, { url, signal: controller.signal }),
    );
    setTimeout(() => controller.abort(reason), 100);
    await expect(pending).rejects.toBe(reason);
  });

  it('with trustedRoots, validates the token too: a forged or wrong-purpose TSA is refused', async () => {
    const ok = await requestTimestamp(data, { url: server.url, trustedRoots: [pki.root.cert] });
    expect(ok.token.length).toBeGreaterThan(1000);
    const forger = await issueTsaCertificate(pki, 'tsa-lookalike', { issuer: 'lookalike' });
    const forged = await startTsaServer(pki, forger);
    try {
      // Without roots the reply is well-formed and answers the request…
      await expect(requestTimestamp(data, { url: forged.url })).resolves.toBeTruthy();
      // …with them, the forgery shows.
      const error = await refusal(
        requestTimestamp(data, { url: forged.url, trustedRoots: [pki.root.cert] }),
      );
      expect(error.reason).toBe('invalid-token');
      expect(error.detail).toContain('chain');
    } finally {
      await forged.close();
    }
    const noEku = await issueTsaCertificate(pki, 'tsa-no-eku', { eku: 'none' });
    const error = await withServer({ resignWith: noEku }, (url) =>
      refusal(requestTimestamp(data, { url, trustedRoots: [pki.root.cert] })),
    );
    expect(error.reason).toBe('invalid-token');
    expect(error.detail).toContain('tsa-certificate');
  });

  it('refuses a digest of the wrong length', async () => {
    await expect(
      requestTimestamp({ digest: new Uint8Array(20) }, { url: server.url }),
    ).rejects.toThrow(TypeError);
  });
});

describe('signCades with a time-stamp (CAdES-T)', () => {
  it('embeds a signature time-stamp over the signature value; openssl accepts both', async () => {
    const signer = await WebCryptoSigner.fromPkcs8({
      privateKey: pki.rsa.key,
      certificate: pki.rsa.cert,
      chain: [pki.intermediate.cert],
    });
    const p7s = await signCades(data, signer, { timestamp: { url: server.url } });
    const cms = opensslVerify(pki, p7s, data, pki.root.certPath);
    expect(cms.output).toContain('Verification successful');
    expect(opensslPrint(pki, p7s)).toContain('id-smime-aa-timeStampToken');
    expect((await verifyCades(p7s, data, { trustedRoots: [pki.root.cert] })).ok).toBe(true);

    const signedData = new SignedData({
      schema: new ContentInfo({ schema: asn1js.fromBER(p7s.slice().buffer).result }).content,
    });
    const signerInfo = signedData.signerInfos[0];
    if (!signerInfo) throw new Error('no signer');
    const token = readSignatureTimestamp(signerInfo);
    if (!token) throw new Error('no time-stamp token');
    const signatureValue = new Uint8Array(signerInfo.signature.valueBlock.valueHexView);
    const check = await opensslTsVerify(pki, token, signatureValue, pki.root.certPath);
    expect(check.output).toContain('Verification: OK');
  });

  it('fails to sign rather than return a signature without the time-stamp asked for', async () => {
    const signer = await WebCryptoSigner.fromPkcs8({
      privateKey: pki.rsa.key,
      certificate: pki.rsa.cert,
    });
    const error = await withServer({ httpStatus: 503 }, (url) =>
      refusal(signCades(data, signer, { timestamp: { url } })),
    );
    expect(error.reason).toBe('http-status');
  });
});
