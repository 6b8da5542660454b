/**
 * The time-stamp examples of docs/signing/guide.md (§7), run against the built package
 * (`pnpm build` first). The TSA is a stand-in made at test time: `openssl ts -reply` behind a
 * loopback HTTP server, its certificate issued under a throw-away test root.
 */

import {
  isTimestampError,
  requestTimestamp,
  signCades,
  signPades,
  timestampPades,
  verifyPades,
  verifyTimestampToken,
  WebCryptoSigner,
} from '@egov-kit/signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from '../../packages/signing/test/helpers/pki.js';
import {
  issueTsaCertificate,
  startTsaServer,
  type TestTsaServer,
} from '../../packages/signing/test/helpers/tsa.js';

let pki: TestPki;
let server: TestTsaServer;
let rootPem: string;

beforeAll(async () => {
  pki = createTestPki();
  server = await startTsaServer(pki, await issueTsaCertificate(pki, 'tsa'));
  rootPem = pki.root.cert;
}, 60_000);
afterAll(async () => {
  await server?.close();
  pki?.cleanup();
});

/** A minimal one-page PDF, so that this file needs no PDF library of its own. */
function onePagePdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let text = '%PDF-1.7\n';
  const offsets = objects.map((body, index) => {
    const offset = text.length;
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n\r\n`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(text);
}

describe('docs/signing/guide.md §7: time-stamps', () => {
  it('signs with a time-stamp (CAdES-T, PAdES-B-T) and adds a document time-stamp', async () => {
    const signer = await WebCryptoSigner.fromPkcs8({
      privateKey: pki.rsa.key,
      certificate: pki.rsa.cert,
      chain: [pki.intermediate.cert],
    });
    const tsaRootPem = rootPem; // the root of your TSA's certificate
    const tsa = {
      url: server.url, // e.g. https://tsa.example.vn/tsa
      headers: { Authorization: `Basic ${btoa('user:secret')}` },
      trustedRoots: [tsaRootPem],
    };

    const file = new TextEncoder().encode('Đơn đề nghị');
    const p7s = await signCades(file, signer, { timestamp: tsa });
    const signed = await signPades(onePagePdf(), signer, { timestamp: tsa });
    const archived = await timestampPades(signed, tsa);

    expect(p7s.length).toBeGreaterThan(3000);
    expect(server.requests.at(-1)?.authorization).toBe('Basic dXNlcjpzZWNyZXQ=');
    const report = await verifyPades(archived, { trustedRoots: [rootPem] });
    expect(report.signatures.map((item) => item.type)).toEqual(['signature', 'document-timestamp']);
  });

  it('gets a time-stamp on its own and checks it', async () => {
    const tsaRootPem = rootPem;
    const bytes = new TextEncoder().encode('Biên bản họp');

    const { token, genTime } = await requestTimestamp(bytes, { url: server.url });
    const check = await verifyTimestampToken(token, bytes, { trustedRoots: [tsaRootPem] });
    expect(check.ok && check.genTime).toEqual(genTime);

    const other = await verifyTimestampToken(token, new Uint8Array(1), {
      trustedRoots: [tsaRootPem],
    });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.code).toBe('imprint-mismatch');

    // A TSA that refuses the account: a TimestampError, never a signature without its token.
    const refusing: typeof fetch = async () => new Response('', { status: 401 });
    const error = await requestTimestamp(bytes, { url: server.url, fetch: refusing }).catch(
      (e: unknown) => e,
    );
    expect(isTimestampError(error) && error.reason).toBe('http-status');
    if (isTimestampError(error)) {
      expect(error.localizedMessage.vi).toBe('Máy chủ cấp dấu thời gian trả về lỗi.');
    }
  });
});
