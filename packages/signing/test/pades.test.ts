import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isInvalidPdfError,
  isSignatureTooLargeError,
  type PadesVerification,
  signPades,
  verifyPades,
  WebCryptoSigner,
} from '../src/index.js';
import { createTestPki, type Issued, type TestPki } from './helpers/pki.js';
import { createNssDb, opensslPrint, pdfsig, pdfsigSign } from './helpers/tools.js';

let pki: TestPki;
let nss: string;
let classicPdf: Uint8Array; // classic cross-reference table
let compactPdf: Uint8Array; // object streams and a cross-reference stream

beforeAll(async () => {
  pki = createTestPki();
  nss = createNssDb(pki);
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const text of ['Don de nghi cap giay phep', 'Trang 2']) {
    document.addPage([595, 842]).drawText(text, { x: 50, y: 780, size: 14, font });
  }
  classicPdf = await document.save({ useObjectStreams: false });
  compactPdf = await document.save({ useObjectStreams: true });
}, 60_000);
afterAll(() => pki?.cleanup());

const signerFor = (who: Issued) =>
  WebCryptoSigner.fromPkcs8({
    privateKey: who.key,
    certificate: who.cert,
    chain: [pki.intermediate.cert],
  });

const verify = (pdf: Uint8Array) => verifyPades(pdf, { trustedRoots: [pki.root.cert] });

function code(result: PadesVerification): string {
  return result.ok ? 'ok' : result.code;
}

function signatureCms(pdf: Uint8Array, index = 0): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const matches = [...text.matchAll(/\/Contents <([0-9a-f]+)>/g)];
  return Buffer.from(matches[index]?.[1] ?? '', 'hex');
}

describe('signPades → pdfsig', () => {
  it.each([
    ['a classic cross-reference table', () => classicPdf],
    ['object streams and a cross-reference stream', () => compactPdf],
  ])(
    'pdfsig reports a valid, trusted ETSI.CAdES.detached signature on a PDF with %s',
    async (_, pdf) => {
      const signed = await signPades(pdf(), await signerFor(pki.rsa), {
        name: 'Nguyễn Văn Thử',
        reason: 'Nộp hồ sơ trực tuyến',
        location: 'Hà Nội',
        signingTime: new Date(),
      });
      expect(Buffer.from(signed.subarray(0, pdf().length)).equals(Buffer.from(pdf()))).toBe(true);
      const report = pdfsig(pki, nss, signed);
      expect(report.output).toContain('Signature Type: ETSI.CAdES.detached');
      expect(report.output).toContain('Signature Validation: Signature is Valid.');
      expect(report.output).toContain('Certificate Validation: Certificate is Trusted.');
      expect(report.output).toContain('Total document signed');
      expect(report.output).not.toMatch(/Syntax Error/);
      expect(report.ok).toBe(true);

      const result = await verify(signed);
      expect(code(result)).toBe('ok');
      const [signature] = result.signatures;
      expect(signature).toMatchObject({
        fieldName: 'Signature1',
        subFilter: 'ETSI.CAdES.detached',
        name: 'Nguyễn Văn Thử',
        reason: 'Nộp hồ sơ trực tuyến',
        location: 'Hà Nội',
        coversWholeFile: true,
        signedLength: signed.length,
      });
      const [, a, b] = signature?.byteRange ?? [];
      expect(String.fromCharCode(signed[a ?? 0] ?? 0, signed[(b ?? 0) - 1] ?? 0)).toBe('<>');
    },
  );

  it('puts no signing-time in the CMS (PAdES baseline), the claimed time in /M', async () => {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000);
    const signed = await signPades(classicPdf, await signerFor(pki.p256), { signingTime: at });
    const cms = opensslPrint(pki, signatureCms(signed));
    expect(cms).toContain('id-smime-aa-signingCertificateV2');
    expect(cms).not.toContain('signingTime');
    const result = await verify(signed);
    expect(result.signatures[0]?.signingTime).toEqual(at);
    // /M is required by the baseline (ETSI EN 319 142-1 §5.3): now, when not given.
    const before = Math.floor(Date.now() / 1000) * 1000;
    const plain = await signPades(classicPdf, await signerFor(pki.p256));
    expect(Buffer.from(plain).toString('latin1')).toMatch(/\/M \(D:\d{14}Z\)/);
    const claimed = (await verify(plain)).signatures[0]?.signingTime?.getTime() ?? 0;
    expect(claimed).toBeGreaterThanOrEqual(before);
    expect(claimed).toBeLessThanOrEqual(Date.now());
  });

  it('a second signature keeps the first valid (incremental update); both sides agree', async () => {
    const once = await signPades(compactPdf, await signerFor(pki.rsa), { name: 'First' });
    const twice = await signPades(once, await signerFor(pki.p384), { name: 'Second' });
    const report = pdfsig(pki, nss, twice);
    expect(report.output.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(report.output).toContain('Signature Field Name: Signature2');
    expect(report.output).toContain('Not total document signed');

    const result = await verify(twice);
    expect(code(result)).toBe('ok');
    expect(result.signatures.map((s) => [s.fieldName, s.coversWholeFile])).toEqual([
      ['Signature1', false],
      ['Signature2', true],
    ]);
  });

  it('a PDF signed by pdfsig (NSS) verifies in the library', async () => {
    const made = pdfsigSign(pki, nss, classicPdf);
    expect(made.ok, made.output).toBe(true);
    const result = await verify(readFileSync(made.path));
    expect(code(result)).toBe('ok');
    expect(result.signatures[0]).toMatchObject({
      subFilter: 'adbe.pkcs7.detached',
      reason: 'cross-check',
    });
  });
});

describe('refusals, on both sides', () => {
  it('a tampered byte', async () => {
    const signed = await signPades(classicPdf, await signerFor(pki.rsa));
    const tampered = signed.slice();
    // A byte of the binary comment on the second line: the PDF still parses, the digest differs.
    expect(Buffer.from(signed.subarray(0, 10)).toString('latin1')).toMatch(/^%PDF-1\.\d\n%/);
    tampered[10] = (tampered[10] ?? 0) ^ 0x01;
    expect(pdfsig(pki, nss, tampered).output).toMatch(/Digest Mismatch|Signature is Invalid/);
    const result = await verify(tampered);
    expect(code(result)).toBe('invalid-signature');
    expect(result.signatures[0]?.result).toMatchObject({ ok: false, code: 'tampered' });
  });

  it('a CA nobody here trusts', async () => {
    const stranger = await WebCryptoSigner.fromPkcs8({
      privateKey: pki.stranger.key,
      certificate: pki.stranger.cert,
    });
    const signed = await signPades(classicPdf, stranger);
    const report = pdfsig(pki, nss, signed);
    expect(report.output).toContain('Signature is Valid.');
    expect(report.output).toMatch(/Certificate issuer (isn't Trusted|is unknown)/);
    const result = await verify(signed);
    expect(result.signatures[0]?.result).toMatchObject({ ok: false, code: 'untrusted' });
  });

  it('an expired certificate', async () => {
    const signed = await signPades(classicPdf, await signerFor(pki.expired));
    expect(pdfsig(pki, nss, signed).output).toContain('Certificate has Expired');
    const result = await verify(signed);
    expect(result.signatures[0]?.result).toMatchObject({ ok: false, code: 'expired' });
  });

  it('content appended after the last signature', async () => {
    const signed = await signPades(classicPdf, await signerFor(pki.rsa));
    const appended = Buffer.concat([signed, Buffer.from('\n% added later\n')]);
    expect(pdfsig(pki, nss, appended).output).toContain('Not total document signed');
    const result = await verify(appended);
    expect(code(result)).toBe('modified-after-signing');
    expect(result.signatures[0]?.result.ok).toBe(true);
  });

  it('a /ByteRange that does not leave out exactly the signature', async () => {
    const signed = Buffer.from(await signPades(classicPdf, await signerFor(pki.rsa)));
    const text = signed.toString('latin1');
    const match = /\/ByteRange \[0 (\d+) (\d+) (\d+)\]/.exec(text);
    if (!match) throw new Error('no ByteRange');
    const [, b, c, d] = match.map(Number);
    const shifted = `/ByteRange [0 ${(b ?? 0) + 2} ${c} ${d}]`.padEnd(match[0].length, ' ');
    const broken = Buffer.from(text.replace(match[0], shifted.slice(0, match[0].length)), 'latin1');
    const result = await verify(broken);
    expect(result.signatures[0]?.result).toMatchObject({ ok: false, code: 'malformed' });
  });

  it('an unsigned PDF, a file that is not a PDF, a placeholder too small', async () => {
    expect(code(await verify(classicPdf))).toBe('no-signature');
    const junk = new TextEncoder().encode('not a pdf');
    await expect(verify(junk)).rejects.toSatisfy(isInvalidPdfError);
    await expect(signPades(junk, await signerFor(pki.rsa))).rejects.toSatisfy(isInvalidPdfError);
    await expect(
      signPades(classicPdf, await signerFor(pki.rsa), { placeholderSize: 100 }),
    ).rejects.toSatisfy(isSignatureTooLargeError);
  });
});
