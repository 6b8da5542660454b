/**
 * The examples of docs/signing/guide.md, run as tests against the built package (`pnpm build`
 * first), exactly as an agency developer would import it. If a guide example stops working,
 * this fails. The key, certificates and the remote signing service are test stand-ins made at
 * test time (openssl, a CSC API server on loopback).
 */

import { constants, privateEncrypt } from 'node:crypto';
import {
  CscRemoteSigner,
  certificateDer,
  type DigestSigner,
  digest,
  isRemoteApprovalTimeoutError,
  signCades,
  signPades,
  verifyCades,
  verifyPades,
  WebCryptoSigner,
} from '@egov-kit/signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CscStandIn,
  startCscStandIn,
  TOKEN,
} from '../../packages/signing/test/helpers/csc-server.js';
import { createTestPki, type TestPki } from '../../packages/signing/test/helpers/pki.js';

let pki: TestPki;
let service: CscStandIn;
let keyPem: string;
let certPem: string;
let caPem: string;
let rootPem: string;
// DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2): what PKCS #1 v1.5 signs.
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

beforeAll(async () => {
  pki = createTestPki();
  service = await startCscStandIn(pki.rsa, pki.intermediate);
  keyPem = pki.rsa.key;
  certPem = pki.rsa.cert;
  caPem = pki.intermediate.cert;
  rootPem = pki.root.cert;
}, 60_000);
afterAll(async () => {
  await service?.close();
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

describe('docs/signing/guide.md', () => {
  it('1. digests a document: bytes, a File, a stream', async () => {
    const bytes = new TextEncoder().encode('Tờ khai');
    const file = new File([bytes], 'to-khai.txt');

    const a = await digest(bytes, 'SHA-256');
    const b = await digest(file, 'SHA-256');
    const c = await digest(file.stream(), 'SHA-256');
    expect(a).toHaveLength(32);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('2–3. signs a document (CAdES, .p7s) and verifies it', async () => {
    const signer = await WebCryptoSigner.fromPkcs8({
      privateKey: keyPem, // -----BEGIN PRIVATE KEY-----
      certificate: certPem, // -----BEGIN CERTIFICATE-----
      chain: [caPem], // the issuing CA, so that verifiers can build the chain
    });
    const file = new File([new TextEncoder().encode('Đơn đề nghị')], 'don.txt');

    const p7s = await signCades(file, signer);

    const result = await verifyCades(p7s, file, { trustedRoots: [rootPem] });
    expect(result.ok).toBe(true);
    if (result.ok) {
      const [signerInfo] = result.signers;
      expect(signerInfo?.certificate.commonName).toBe('Nguyen Van Thu (RSA)');
      expect(signerInfo?.chain.at(-1)?.commonName).toBe('egov-kit Test Root');
      expect(signerInfo?.checkedAtSource).toBe('now');
      expect(signerInfo?.indication).toBe('TOTAL-PASSED');
    }

    const other = new File([new TextEncoder().encode('Đơn đề nghị (sửa)')], 'don.txt');
    const refused = await verifyCades(p7s, other, { trustedRoots: [rootPem] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.code).toBe('tampered');
      expect(refused.indication).toBe('TOTAL-FAILED');
      expect(refused.subIndication).toBe('HASH_FAILURE');
      expect(refused.message.vi).toBe('Tài liệu đã bị thay đổi sau khi ký.');
    }
  });

  it('9. trusts a bundle of roots given as one PEM text', async () => {
    const signer = await WebCryptoSigner.fromPkcs8({
      privateKey: keyPem,
      certificate: certPem,
      chain: [caPem],
    });
    const p7s = await signCades(new TextEncoder().encode('Tờ khai'), signer);
    // As read from a trusted-roots.pem holding several roots, one block each.
    const bundle = pki.otherRoot.cert + rootPem;
    const result = await verifyCades(p7s, new TextEncoder().encode('Tờ khai'), {
      trustedRoots: [bundle],
    });
    expect(result.ok).toBe(true);
    const without = await verifyCades(p7s, new TextEncoder().encode('Tờ khai'), {
      trustedRoots: [pki.otherRoot.cert],
    });
    expect(!without.ok && without.code).toBe('untrusted');
  });

  it('4. signs a PDF (PAdES-B-B) and checks it', async () => {
    const signer = await WebCryptoSigner.fromPkcs8({
      privateKey: keyPem,
      certificate: certPem,
      chain: [caPem],
    });
    const pdfBytes = onePagePdf(); // in an application: the bytes of the file to sign

    const signed = await signPades(pdfBytes, signer, {
      name: 'Nguyễn Văn Thử',
      reason: 'Nộp hồ sơ trực tuyến',
      location: 'Hà Nội',
      signingTime: new Date(),
    });

    const report = await verifyPades(signed, { trustedRoots: [rootPem] });
    expect(report.ok).toBe(true);
    expect(report.signatures[0]).toMatchObject({
      subFilter: 'ETSI.CAdES.detached',
      reason: 'Nộp hồ sơ trực tuyến',
      coversWholeFile: true,
    });
  });

  it('5. signs through a remote signing service (CSC API v2), waiting for the phone', async () => {
    service.approval = { kind: 'after', polls: 2 };
    const signer = new CscRemoteSigner({
      baseUrl: service.baseUrl, // e.g. https://rs.example.vn/csc/v2
      accessToken: () => TOKEN, // from your OAuth 2.0 flow
      approval: { intervalMs: 50, timeoutMs: 120_000 },
    });
    const dialog = new AbortController(); // abort() when the person closes the dialog
    const p7s = await signCades(new TextEncoder().encode('Hồ sơ'), signer, {
      signal: dialog.signal,
    });
    expect(p7s.length).toBeGreaterThan(1000);

    service.approval = { kind: 'never' };
    const impatient = new CscRemoteSigner({
      baseUrl: service.baseUrl,
      accessToken: () => TOKEN,
      approval: { intervalMs: 20, timeoutMs: 100 },
    });
    const error = await signCades(new Uint8Array(1), impatient).catch((e: unknown) => e);
    expect(isRemoteApprovalTimeoutError(error)).toBe(true);
  });

  it('6. writes a signer of your own (a digest-only HSM gateway)', async () => {
    // Stand-in for your HSM or signing gateway: it receives a SHA-256 digest and returns an
    // RSA PKCS #1 v1.5 signature of it.
    const hsm = {
      sign: async (digestValue: Uint8Array) =>
        new Uint8Array(
          privateEncrypt(
            { key: keyPem, padding: constants.RSA_PKCS1_PADDING },
            Buffer.concat([SHA256_DIGEST_INFO, digestValue]),
          ),
        ),
    };

    const gateway: DigestSigner = {
      kind: 'digest',
      describe: async () => ({
        certificate: certificateDer(certPem) ?? new Uint8Array(),
        chain: [certificateDer(caPem) ?? new Uint8Array()],
        algorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      }),
      signDigest: (digestValue) => hsm.sign(digestValue),
    };

    const document = new TextEncoder().encode('Quyết định');
    const p7s = await signCades(document, gateway);
    expect((await verifyCades(p7s, document, { trustedRoots: [rootPem] })).ok).toBe(true);
  });
});
