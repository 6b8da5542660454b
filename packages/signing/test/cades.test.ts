import { readFileSync, writeFileSync } from 'node:fs';
import * as asn1js from 'asn1js';
import { ContentInfo, SignedData } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type SignatureVerification,
  type Signer,
  signCades,
  verifyCades,
  WebCryptoSigner,
} from '../src/index.js';
import { createTestPki, type Issued, type TestPki } from './helpers/pki.js';
import { opensslPrint, opensslVerify } from './helpers/tools.js';

let pki: TestPki;
const document = new TextEncoder().encode('Đơn đề nghị cấp giấy phép xây dựng\r\nsố 42/2026\n');

beforeAll(() => {
  pki = createTestPki();
}, 60_000);
afterAll(() => pki?.cleanup());

const signerFor = (who: Issued, options: { rsaPadding?: 'pss' } = {}) =>
  WebCryptoSigner.fromPkcs8({
    privateKey: who.key,
    certificate: who.cert,
    chain: [pki.intermediate.cert],
    ...options,
  });

function failureCode(result: SignatureVerification): string {
  return result.ok ? 'ok' : result.code;
}

describe('signCades → openssl cms -verify', () => {
  it.each([
    ['RSA PKCS#1 v1.5', 'rsa', {}],
    ['RSA-PSS', 'rsa', { rsaPadding: 'pss' }],
    ['ECDSA P-256', 'p256', {}],
    ['ECDSA P-384', 'p384', {}],
  ] as const)('%s: OpenSSL and the library accept it', async (_, who, options) => {
    const signer: Signer = await signerFor(pki[who], options);
    const p7s = await signCades(document, signer);
    const openssl = opensslVerify(pki, p7s, document, pki.root.certPath);
    expect(openssl.output).toContain('Verification successful');
    expect(openssl.ok).toBe(true);

    const result = await verifyCades(p7s, document, { trustedRoots: [pki.root.cert] });
    expect(result.ok).toBe(true);
  });

  it('carries contentType, messageDigest and signingCertificateV2, and signing-time only when asked', async () => {
    const signer = await signerFor(pki.rsa);
    const plain = opensslPrint(pki, await signCades(document, signer));
    expect(plain).toContain('contentType');
    expect(plain).toContain('messageDigest');
    expect(plain).toContain('id-smime-aa-signingCertificateV2');
    expect(plain).not.toContain('signingTime');

    // UTCTime has whole seconds; the certificates were made a moment ago.
    const at = new Date(Math.floor(Date.now() / 1000) * 1000);
    const timed = await signCades(document, signer, { signingTime: at });
    expect(opensslPrint(pki, timed)).toContain('signingTime');
    expect(opensslVerify(pki, timed, document, pki.root.certPath).ok).toBe(true);
    // DER (X.690 §11.6): the SET OF signed attributes is ordered by the attributes' encodings.
    const signedData = new SignedData({
      schema: new ContentInfo({ schema: asn1js.fromBER(timed.slice().buffer).result }).content,
    });
    const encodings = (signedData.signerInfos[0]?.signedAttrs?.attributes ?? []).map((item) =>
      Buffer.from(item.toSchema().toBER(false)),
    );
    expect(encodings).toHaveLength(4);
    expect([...encodings].sort(Buffer.compare)).toEqual(encodings);
    const result = await verifyCades(timed, document, { trustedRoots: [pki.root.cert] });
    expect(result.ok && result.signers[0]?.signingTime).toEqual(at);
    // A claim, reported but never trusted: the certificate is checked now.
    expect(result.ok && result.signers[0]?.checkedAtSource).toBe('now');
  });

  it('writes SHA-2 digest identifiers with absent parameters (RFC 5754 §2)', async () => {
    const printed = opensslPrint(pki, await signCades(document, await signerFor(pki.p256)));
    const digestAlgorithms = printed.slice(
      printed.indexOf('digestAlgorithms:'),
      printed.indexOf('encapContentInfo:'),
    );
    expect(digestAlgorithms).toContain('sha256');
    expect(digestAlgorithms).toMatch(/parameter: <ABSENT>/);
  });

  it('reports the signer certificate as OpenSSL reads it', async () => {
    const p7s = await signCades(document, await signerFor(pki.rsa));
    const result = await verifyCades(p7s, document, { trustedRoots: [pki.root.cert] });
    if (!result.ok) throw new Error(result.reason);
    const [signer] = result.signers;
    const serial = pki
      .openssl(['x509', '-in', pki.rsa.certPath, '-noout', '-serial'])
      .toString()
      .trim()
      .replace('serial=', '')
      .toLowerCase();
    expect(signer?.certificate).toMatchObject({
      commonName: 'Nguyen Van Thu (RSA)',
      // RFC 4514 order: the last RDN of the DER first (OpenSSL prints it as CN = …, O = …, C = VN).
      subject: 'C=VN, O=egov-kit test, CN=Nguyen Van Thu (RSA)',
      issuer: 'C=VN, O=egov-kit test, CN=egov-kit Test Signing CA',
      keyUsage: ['digitalSignature', 'nonRepudiation'],
    });
    expect(signer?.certificate.serialNumber.replace(/^0+/, '')).toBe(serial.replace(/^0+/, ''));
    expect(signer?.chain.map((cert) => cert.commonName)).toEqual([
      'egov-kit Test Signing CA',
      'egov-kit Test Root',
    ]);
    expect(signer).toMatchObject({
      trusted: true,
      digestAlgorithm: 'SHA-256',
      signatureAlgorithm: 'RSASSA-PKCS1-v1_5',
      signingCertificateAttribute: 'v2',
    });
  });

  it('signs a stream and a Blob as it signs bytes', async () => {
    const signer = await signerFor(pki.p256);
    const stream = new Blob([document]).stream();
    for (const input of [stream, new Blob([document])]) {
      const p7s = await signCades(input, signer);
      expect(opensslVerify(pki, p7s, document, pki.root.certPath).ok).toBe(true);
    }
  });
});

describe('openssl cms -sign → verifyCades', () => {
  it.each([
    ['plain CMS', [], 'absent'],
    ['with -cades (ESS signingCertificateV2)', ['-cades'], 'v2'],
  ] as const)('accepts %s', async (_, extra, attribute) => {
    writeFileSync(pki.path('doc.bin'), document);
    pki.openssl([
      'cms',
      '-sign',
      '-binary',
      ...extra,
      '-in',
      'doc.bin',
      '-signer',
      pki.p256.certPath,
      '-inkey',
      pki.p256.keyPath,
      '-certfile',
      pki.intermediate.certPath,
      '-outform',
      'DER',
      '-out',
      'openssl.p7s',
    ]);
    const p7s = readFileSync(pki.path('openssl.p7s'));
    const result = await verifyCades(p7s, document, { trustedRoots: [pki.root.cert] });
    expect(failureCode(result)).toBe('ok');
    expect(result.ok && result.signers[0]).toMatchObject({
      signatureAlgorithm: 'ECDSA',
      signingCertificateAttribute: attribute,
      // OpenSSL adds signing-time: reported, never used to validate at.
      signingTime: expect.any(Date),
      checkedAtSource: 'now',
    });
  });
});

describe('refusals, on both sides', () => {
  it('a tampered byte', async () => {
    const p7s = await signCades(document, await signerFor(pki.rsa));
    const tampered = document.slice();
    tampered[5] = (tampered[5] ?? 0) ^ 0x01;
    const openssl = opensslVerify(pki, p7s, tampered, pki.root.certPath);
    expect(openssl.ok).toBe(false);
    expect(openssl.output).toMatch(/content verify error/);
    const result = await verifyCades(p7s, tampered, { trustedRoots: [pki.root.cert] });
    expect(failureCode(result)).toBe('tampered');
    expect(!result.ok && result.message.vi).toMatch(/thay đổi/);
  });

  it('a tampered signature value', async () => {
    const p7s = await signCades(document, await signerFor(pki.rsa));
    const broken = p7s.slice();
    broken[broken.length - 10] = (broken[broken.length - 10] ?? 0) ^ 0xff;
    expect(opensslVerify(pki, broken, document, pki.root.certPath).ok).toBe(false);
    const result = await verifyCades(broken, document, { trustedRoots: [pki.root.cert] });
    expect(failureCode(result)).toBe('tampered');
  });

  it('a CA nobody here trusts', async () => {
    const p7s = await signCades(document, await signerFor(pki.rsa));
    const openssl = opensslVerify(pki, p7s, document, pki.otherRoot.certPath);
    expect(openssl.ok).toBe(false);
    expect(openssl.output).toMatch(/unable to get (local )?issuer certificate/);
    const result = await verifyCades(p7s, document, { trustedRoots: [pki.otherRoot.cert] });
    expect(failureCode(result)).toBe('untrusted');

    const stranger = await WebCryptoSigner.fromPkcs8({
      privateKey: pki.stranger.key,
      certificate: pki.stranger.cert,
    });
    const foreign = await signCades(document, stranger);
    expect(opensslVerify(pki, foreign, document, pki.root.certPath).ok).toBe(false);
    expect(
      failureCode(await verifyCades(foreign, document, { trustedRoots: [pki.root.cert] })),
    ).toBe('untrusted');
  });

  it('no trusted roots means untrusted, unless the chain check is switched off', async () => {
    const p7s = await signCades(document, await signerFor(pki.rsa));
    expect(failureCode(await verifyCades(p7s, document))).toBe('untrusted');
    const unchecked = await verifyCades(p7s, document, { checkChain: false });
    expect(unchecked.ok && unchecked.signers[0]?.trusted).toBe(false);
  });

  it('an expired certificate', async () => {
    const p7s = await signCades(document, await signerFor(pki.expired));
    const openssl = opensslVerify(pki, p7s, document, pki.root.certPath);
    expect(openssl.ok).toBe(false);
    expect(openssl.output).toMatch(/certificate has expired/);
    const result = await verifyCades(p7s, document, { trustedRoots: [pki.root.cert] });
    expect(failureCode(result)).toBe('expired');
    expect(!result.ok && result.certificate?.commonName).toBe('Pham Het Han');
    // …but it was valid on a date inside its validity, e.g. a claimed signing time then.
    const then = await verifyCades(p7s, document, {
      trustedRoots: [pki.root.cert],
      at: new Date('2020-06-01T00:00:00Z'),
    });
    expect(failureCode(then)).not.toBe('expired');
  });

  it('a certificate not valid yet', async () => {
    const p7s = await signCades(document, await signerFor(pki.notYetValid));
    expect(opensslVerify(pki, p7s, document, pki.root.certPath).output).toMatch(/not yet valid/);
    const result = await verifyCades(p7s, document, { trustedRoots: [pki.root.cert] });
    expect(failureCode(result)).toBe('not-yet-valid');
  });

  it('a certificate for encryption only (wrong key usage)', async () => {
    const p7s = await signCades(document, await signerFor(pki.encryptionOnly));
    const openssl = opensslVerify(pki, p7s, document, pki.root.certPath);
    expect(openssl.ok).toBe(false);
    expect(openssl.output).toMatch(/unsuitable certificate purpose/);
    const result = await verifyCades(p7s, document, { trustedRoots: [pki.root.cert] });
    expect(failureCode(result)).toBe('key-usage');
  });

  it('something that is not a signature', async () => {
    for (const junk of [new Uint8Array(0), new TextEncoder().encode('not a signature'), document]) {
      const result = await verifyCades(junk, document, { trustedRoots: [pki.root.cert] });
      expect(failureCode(result)).toBe('malformed');
      expect(!result.ok && result.message.en).toMatch(/malformed/);
    }
  });
});
