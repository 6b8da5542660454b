/**
 * The examples of docs/signing/guide.md §8 (PDFs that last), run as tests against the built
 * package (`pnpm build` first), exactly as an agency developer would import them. The key,
 * certificates and CRL are test stand-ins made at test time with openssl.
 */

import {
  addValidationData,
  isCertifiedPdfError,
  signPades,
  verifyPades,
  WebCryptoSigner,
} from '@egov-kit/signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from '../../packages/signing/test/helpers/pki.js';

let pki: TestPki;
let rootPem: string;
let caPem: string;
let pdfBytes: Uint8Array;

beforeAll(async () => {
  pki = createTestPki();
  rootPem = pki.root.cert;
  caPem = pki.intermediate.cert;
  pdfBytes = onePagePdf('Giay khai sinh (ban sao)');
}, 60_000);
afterAll(() => pki?.cleanup());

/** A one-page PDF with a line of text, so that this file needs no PDF library of its own. */
function onePagePdf(line: string): Uint8Array {
  const stream = `BT /F1 14 Tf 50 780 Td (${line}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ' +
      '/Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
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

const officialSigner = () =>
  WebCryptoSigner.fromPkcs8({ privateKey: pki.rsa.key, certificate: pki.rsa.cert });

describe('docs/signing/guide.md §8', () => {
  it('8.1 certifies a result, adds validation data, and reads what changed', async () => {
    const signer = await officialSigner();
    // The agency certifies the result it issues: no change allowed afterwards.
    const certified = await signPades(pdfBytes, signer, {
      name: 'UBND xã Mẫu',
      reason: 'Cấp bản sao trích lục khai sinh',
      certify: 1,
      appearance: { page: 0, rect: [320, 60, 560, 130] },
    });
    // Long-term validation data: the CA certificate (and CRLs, OCSP answers) in a DSS.
    const lasting = await addValidationData(certified, { certificates: [caPem] });

    const report = await verifyPades(lasting, { trustedRoots: [rootPem] });
    expect(report.ok).toBe(true);
    expect(report.signatures[0]).toMatchObject({
      certification: 1,
      modification: 'validation-data', // a DSS is not a change of the document
      changesPermitted: true,
    });
    expect(report.validationData.certificates).toHaveLength(1);

    // Nobody can sign over a certification with P = 1.
    await expect(signPades(lasting, signer)).rejects.toSatisfy(isCertifiedPdfError);
  });

  it('8.2 a page changed after signing is reported, with a sentence for a person', async () => {
    const signed = await signPades(pdfBytes, await officialSigner(), { name: 'Nguyễn Văn Thử' });
    // Someone appends a revision that draws over the page (here by hand).
    const text = Buffer.from(signed).toString('latin1');
    // The page as the signature's revision left it (the last definition of the object).
    const page = [...text.matchAll(/(\d+) 0 obj\s*<<\s*\/Type \/Page\b/g)].pop();
    const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
    const root = /\/Root (\d+ 0 R)/.exec(text);
    const size = [...text.matchAll(/\/Size (\d+)/g)].pop();
    if (!page || !prev || !root || !size) throw new Error('unexpected PDF');
    const pageText = text.slice(page.index, text.indexOf('endobj', page.index));
    const stream = 'BT /F1 30 Tf 50 500 Td (SUA) Tj ET';
    const contentObj = `${size[1]} 0 obj\n<< /Length ${stream.length} >>\nstream\n${stream}\nendstream\nendobj\n`;
    const pageObj = `${pageText.replace(/\/Contents \d+ 0 R/, `/Contents ${size[1]} 0 R`)}endobj\n`;
    const base = signed.length;
    const xrefAt = base + contentObj.length + pageObj.length;
    const tail =
      contentObj +
      pageObj +
      `xref\n${page[1]} 1\n${String(base + contentObj.length).padStart(10, '0')} 00000 n\r\n` +
      `${size[1]} 1\n${String(base).padStart(10, '0')} 00000 n\r\n` +
      `trailer\n<< /Size ${Number(size[1]) + 1} /Root ${root[1]} /Prev ${prev[1]} >>\n` +
      `startxref\n${xrefAt}\n%%EOF\n`;
    const changed = Buffer.concat([signed, Buffer.from(tail, 'latin1')]);

    const report = await verifyPades(changed, { trustedRoots: [rootPem], intermediates: [caPem] });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.code).toBe('modified-after-signing');
    expect(report.signatures[0]?.modification).toBe('page-content');
    expect(report.message.vi).toContain('Tài liệu đã bị thay đổi sau chữ ký của');
  });
});
