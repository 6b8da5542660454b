/**
 * Long-term validation across time-stamp authorities: a PDF archived with a document
 * time-stamp, then renewed with another before the first authority's certificate expired, is
 * still valid after it has — each document time-stamp is checked at the time the next one
 * proves (PAdES-B-LTA, ETSI EN 319 102-1 §5.6).
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPades, timestampPades, verifyPades, WebCryptoSigner } from '../src/index.js';
import { createTestPki, type TestPki } from './helpers/pki.js';
import { issueTsaCertificate, startTsaServer, type TestTsaServer } from './helpers/tsa.js';

let pki: TestPki;
let shortLived: TestTsaServer;
let longLived: TestTsaServer;
let pdf: Uint8Array;
const day = 86_400_000;
const stamp = (date: Date) => `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

beforeAll(async () => {
  pki = createTestPki();
  const now = Date.now();
  // The first authority's certificate ends in 100 days; the second's in 700 (the CA's in 825).
  shortLived = await startTsaServer(
    pki,
    await issueTsaCertificate(pki, 'tsa-short', {
      start: stamp(new Date(now - day)),
      end: stamp(new Date(now + 100 * day)),
    }),
  );
  longLived = await startTsaServer(
    pki,
    await issueTsaCertificate(pki, 'tsa-long', {
      start: stamp(new Date(now - day)),
      end: stamp(new Date(now + 700 * day)),
    }),
  );
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([595, 842]).drawText('Trich luc khai sinh', { x: 50, y: 780, size: 14, font });
  pdf = await document.save({ useObjectStreams: false });
}, 60_000);
afterAll(async () => {
  await shortLived?.close();
  await longLived?.close();
  pki?.cleanup();
});

describe('document time-stamps renewed across authorities', () => {
  it('the first time-stamp is checked at the time the second proves, not now', async () => {
    const signer = await WebCryptoSigner.fromPkcs8({
      privateKey: pki.rsa.key,
      certificate: pki.rsa.cert,
      chain: [pki.intermediate.cert],
    });
    const signed = await signPades(pdf, signer, { reason: 'Cấp bản sao' });
    const archived = await timestampPades(signed, { url: shortLived.url });
    const renewed = await timestampPades(archived, { url: longLived.url });

    // 200 days on: the first authority's certificate has expired, the second's has not.
    const later = new Date(Date.now() + 200 * day);
    const options = { trustedRoots: [pki.root.cert], at: later, revocationPolicy: 'off' as const };
    const report = await verifyPades(renewed, options);
    expect(report.ok).toBe(true);
    const [signature, first, second] = report.signatures;
    expect(first?.type).toBe('document-timestamp');
    expect(first?.result.ok).toBe(true);
    expect(second?.result.ok).toBe(true);
    // The signature is checked at the earliest time proven: the first time-stamp's.
    const signer0 = signature?.result.ok ? signature.result.signers[0] : undefined;
    expect(signer0?.checkedAtSource).toBe('timestamp');
    expect(first?.timestamp?.ok && signer0?.checkedAt).toEqual(
      first?.timestamp?.ok ? first.timestamp.genTime : 'no time',
    );

    // Without the renewal, the first time-stamp proves nothing once its authority expired.
    const unrenewed = await verifyPades(archived, options);
    const [, lone] = unrenewed.signatures;
    expect(lone?.result.ok).toBe(false);
    expect(lone?.timestamp?.ok).toBe(false);
  });
});
