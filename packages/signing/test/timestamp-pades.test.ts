import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { ContentInfo, SignedData } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPades, verifyPades, WebCryptoSigner } from '../src/index.js';
import { addValidationData } from '../src/pades/dss.js';
import { timestampPades } from '../src/timestamp/timestamp-pades.js';
import {
  verifySignatureTimestamp,
  verifyTimestampToken,
} from '../src/timestamp/verify-timestamp-token.js';
import { createTestPki, type TestPki } from './helpers/pki.js';
import { createNssDb, pdfsig } from './helpers/tools.js';
import {
  issueTsaCertificate,
  opensslTsVerify,
  startTsaServer,
  type TestTsaServer,
} from './helpers/tsa.js';

// Files from other producers (see their NOTICE); absent outside the full checkout (issue #20).
const SAMPLES = join(import.meta.dirname, '../../../../shared/data/pdf-samples');

let pki: TestPki;
let nss: string;
let server: TestTsaServer;
let pdf: Uint8Array;

beforeAll(async () => {
  pki = createTestPki();
  nss = createNssDb(pki);
  server = await startTsaServer(pki, await issueTsaCertificate(pki, 'tsa'));
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([595, 842]).drawText('Giay chung nhan', { x: 50, y: 780, size: 14, font });
  pdf = await document.save({ useObjectStreams: false });
}, 60_000);
afterAll(async () => {
  await server?.close();
  pki?.cleanup();
});

const trust = () => ({ trustedRoots: [pki.root.cert] });

/** The n-th signature-like dictionary of a PDF: its /ByteRange, the bytes it covers, its value. */
function signatureAt(file: Uint8Array, index: number) {
  const text = Buffer.from(file).toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]/g)];
  const contents = [...text.matchAll(/\/Contents <([0-9a-fA-F]+)>/g)];
  const range = ranges[index]?.slice(1, 5).map(Number) as [number, number, number, number];
  const hex = (contents[index]?.[1] ?? '').replace(/(00)+$/, '');
  const covered = Buffer.concat([
    file.subarray(range[0], range[0] + range[1]),
    file.subarray(range[2], range[2] + range[3]),
  ]);
  return {
    range,
    covered: new Uint8Array(covered),
    value: new Uint8Array(Buffer.from(hex, 'hex')),
  };
}

/** `qpdf --check`: status 0 clean, 3 warnings only, 2 errors. */
function qpdfCheck(file: Uint8Array): { ok: boolean; status: number | null; output: string } {
  writeFileSync(pki.path('qpdf.pdf'), file);
  const result = spawnSync('qpdf', ['--check', 'qpdf.pdf'], { cwd: pki.dir, encoding: 'utf8' });
  return {
    ok: result.status === 0,
    status: result.status,
    output: `${result.stdout}${result.stderr}`,
  };
}

function signerInfoOf(cms: Uint8Array) {
  const parsed = asn1js.fromBER(cms.slice().buffer);
  const signedData = new SignedData({ schema: new ContentInfo({ schema: parsed.result }).content });
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) throw new Error('no signer');
  return signerInfo;
}

describe('PAdES-B-T and document time-stamps', () => {
  it('signPades with a TSA makes a B-T signature: pdfsig and qpdf accept it, the token validates', async () => {
    const signer = await WebCryptoSigner.fromPkcs8({
      privateKey: pki.rsa.key,
      certificate: pki.rsa.cert,
      chain: [pki.intermediate.cert],
    });
    const signed = await signPades(pdf, signer, { timestamp: { url: server.url } });
    expect(qpdfCheck(signed).ok).toBe(true);
    const report = pdfsig(pki, nss, signed);
    expect(report.output).toContain('Signature is Valid');
    expect(report.output).toContain('Certificate is Trusted');

    const { value } = signatureAt(signed, 0);
    const result = await verifySignatureTimestamp(signerInfoOf(value), trust());
    if (!result?.ok) throw new Error(`time-stamp: ${result ? result.reason : 'missing'}`);
    expect(Math.abs(result.genTime.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('timestampPades appends a /DocTimeStamp over the whole file; pdfsig, qpdf and openssl ts agree', async () => {
    const signer = await WebCryptoSigner.fromPkcs8({
      privateKey: pki.rsa.key,
      certificate: pki.rsa.cert,
      chain: [pki.intermediate.cert],
    });
    const signed = await signPades(pdf, signer);
    const stamped = await timestampPades(signed, { url: server.url });
    expect(Buffer.from(stamped.subarray(0, signed.length)).equals(Buffer.from(signed))).toBe(true);
    const text = Buffer.from(stamped.subarray(signed.length)).toString('latin1');
    expect(text).toContain('/Type /DocTimeStamp');
    expect(text).toContain('/SubFilter /ETSI.RFC3161');
    expect(qpdfCheck(stamped).ok).toBe(true);

    const report = pdfsig(pki, nss, stamped);
    // poppler 22.12 reads the time-stamp's signer and range but cannot validate the type
    // ("Signature Type: unknown"); openssl ts -verify below does.
    const second = report.output.split('Signature #2')[1] ?? '';
    expect(second).toContain('Common Name: egov-kit Test TSA');
    expect(second).toContain('Total document signed');
    // The first signature still holds: the time-stamp is an incremental update.
    expect(report.output.split('Signature #2')[0]).toContain('Signature is Valid');

    const stamp = signatureAt(stamped, 1);
    expect(stamp.range[2] + stamp.range[3]).toBe(stamped.length);
    const result = await verifyTimestampToken(stamp.value, stamp.covered, trust());
    if (!result.ok) throw new Error(result.reason);
    const openssl = await opensslTsVerify(pki, stamp.value, stamp.covered, pki.root.certPath);
    expect(openssl.output).toContain('Verification: OK');

    // A byte changed anywhere in the covered range breaks it.
    const changed = stamped.slice();
    const at = 10; // in the header's binary comment, inside the covered range
    changed[at] = (changed[at] as number) ^ 0x20;
    const broken = await verifyTimestampToken(
      stamp.value,
      signatureAt(changed, 1).covered,
      trust(),
    );
    expect(broken.ok ? 'ok' : broken.code).toBe('imprint-mismatch');
  });

  it('B-T, then a DSS, then a document time-stamp (B-LTA): verifyPades, qpdf and pdfsig accept it', async () => {
    const signer = await WebCryptoSigner.fromPkcs8({
      privateKey: pki.rsa.key,
      certificate: pki.rsa.cert,
      chain: [pki.intermediate.cert],
    });
    const tsa = { url: server.url, trustedRoots: [pki.root.cert] };
    const bt = await signPades(pdf, signer, { timestamp: tsa });
    const lt = await addValidationData(bt, {
      certificates: [pki.rsa.cert, pki.intermediate.cert, pki.root.cert],
    });
    const lta = await timestampPades(lt, tsa);
    expect(qpdfCheck(lta).ok).toBe(true);
    expect(pdfsig(pki, nss, lta).output.split('Signature #2')[0]).toContain('Signature is Valid');

    const report = await verifyPades(lta, { trustedRoots: [pki.root.cert] });
    expect(report.ok).toBe(true);
    expect(report.signatures.map((item) => item.type)).toEqual(['signature', 'document-timestamp']);
    const [signature, stamp] = report.signatures;
    expect(signature?.result.ok).toBe(true);
    expect(stamp?.timestamp?.ok).toBe(true);
    expect(stamp?.coversWholeFile).toBe(true);

    // Bytes appended after the document time-stamp are outside it, and reported.
    const appended = new Uint8Array(lta.length + 2);
    appended.set(lta);
    appended.set([0x25, 0x0a], lta.length);
    const after = await verifyPades(appended, { trustedRoots: [pki.root.cert] });
    expect(after.signatures[1]?.coversWholeFile).toBe(false);
  });

  it('time-stamps an unsigned PDF too, and refuses a token that does not fit', async () => {
    const stamped = await timestampPades(pdf, { url: server.url, fieldName: 'Archive' });
    expect(qpdfCheck(stamped).ok).toBe(true);
    const stamp = signatureAt(stamped, 0);
    const verified = await verifyTimestampToken(stamp.value, stamp.covered, trust());
    // It failed once in CI and never since: if it fails again, the reason is in the message.
    expect(verified.ok, JSON.stringify(verified, null, 1).slice(0, 2000)).toBe(true);
    await expect(timestampPades(pdf, { url: server.url, placeholderSize: 500 })).rejects.toThrow(
      /reserved/,
    );
  });
});

describe.skipIf(!existsSync(SAMPLES))(
  'document time-stamps on real-world PDFs (../shared/data/pdf-samples)',
  () => {
    it.each(['signed-twice.pdf', 'incrementally_signed.pdf', 'formexample.pdf', 'w3dummy.pdf'])(
      '%s: the earlier signatures stay as pdfsig saw them; the token validates',
      async (name) => {
        const original = new Uint8Array(readFileSync(join(SAMPLES, name)));
        const stamped = await timestampPades(original, { url: server.url });
        // No worse than the original (some samples already give qpdf warnings).
        expect([0, qpdfCheck(original).status]).toContain(qpdfCheck(stamped).status);
        const before = pdfsig(pki, nss, original).output;
        const after = pdfsig(pki, nss, stamped).output;
        const validations = (text: string) =>
          [...text.matchAll(/Signature Validation: (.*)/g)].map((match) => match[1]);
        const earlier = validations(before);
        expect(validations(after).slice(0, earlier.length)).toEqual(earlier);
        const stamp = signatureAt(stamped, earlier.length);
        expect(stamp.range[2] + stamp.range[3]).toBe(stamped.length);
        const result = await verifyTimestampToken(stamp.value, stamp.covered, trust());
        expect(result.ok ? 'ok' : result.reason).toBe('ok');
      },
    );
  },
);
