/**
 * Visible signatures: the box is drawn where asked, Vietnamese renders with an embedded font
 * subset (poppler renders the page; the test reads the text back with pdftotext), and the
 * signature stays valid for pdfsig and qpdf.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPades, verifyPades, WebCryptoSigner } from '../src/index.js';
import { createTestPki, type TestPki } from './helpers/pki.js';
import { createNssDb, pdfsig } from './helpers/tools.js';

/** A font with Vietnamese letters from Debian's fonts-dejavu-core (not committed here). */
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

let pki: TestPki;
let nss: string;
let pdf: Uint8Array;

beforeAll(async () => {
  pki = createTestPki();
  nss = createNssDb(pki);
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([595, 842]).drawText('Trang 1', { x: 50, y: 780, size: 14, font });
  document.addPage([595, 842]).drawText('Trang 2 - noi ky', { x: 50, y: 780, size: 14, font });
  pdf = await document.save({ useObjectStreams: false });
}, 60_000);
afterAll(() => pki?.cleanup());

const signer = () =>
  WebCryptoSigner.fromPkcs8({
    privateKey: pki.rsa.key,
    certificate: pki.rsa.cert,
    chain: [pki.intermediate.cert],
  });

function tool(command: string, args: string[]): string {
  const run = spawnSync(command, args, { cwd: pki.dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${command}: ${run.stderr}`);
  return run.stdout;
}

/** Checks the signed file and returns the text poppler reads inside the box on page 2. */
async function checkVisible(signed: Uint8Array, name: string): Promise<string> {
  writeFileSync(pki.path(`${name}.pdf`), signed);
  expect(tool('qpdf', ['--check', `${name}.pdf`])).toContain('No syntax or stream encoding errors');
  const report = pdfsig(pki, nss, signed);
  expect(report.output).toContain('Signature is Valid.');
  expect(report.output).toContain('Total document signed');
  expect((await verifyPades(signed, { trustedRoots: [pki.root.cert] })).ok).toBe(true);
  // A PNG of page 2 for a person to look at (kept in the test's temporary folder).
  tool('pdftoppm', ['-png', '-r', '110', '-f', '2', '-l', '2', `${name}.pdf`, name]);
  expect(existsSync(pki.path(`${name}-2.png`))).toBe(true);
  // The box is at x 300–560, y 60–140 of an A4 page (842 high): crop to it in top-left terms.
  return tool('pdftotext', [
    ...['-f', '2', '-l', '2', '-x', '300', '-y', '700', '-W', '260', '-H', '84'],
    `${name}.pdf`,
    '-',
  ]);
}

const appearance = { page: 1, rect: [300, 60, 560, 140] as const };

describe('visible signatures', { timeout: 30_000 }, () => {
  it.skipIf(!existsSync(DEJAVU))(
    'with a font: the Vietnamese text as written, from an embedded subset',
    async () => {
      const signed = await signPades(pdf, await signer(), {
        name: 'Nguyễn Thị Ánh Tuyết',
        reason: 'Đồng ý nội dung hồ sơ',
        signingTime: new Date('2026-03-02T01:30:00Z'),
        appearance: { ...appearance, font: readFileSync(DEJAVU), fontkit },
      });
      const text = await checkVisible(signed, 'font');
      expect(text).toContain('Ký bởi: Nguyễn Thị Ánh Tuyết');
      expect(text).toContain('Thời gian: 02/03/2026 08:30:00 (GMT+7)');
      expect(text).toContain('Lý do: Đồng ý nội dung hồ sơ');
      const fonts = tool('pdffonts', ['-f', '2', '-l', '2', 'font.pdf']);
      // Embedded (emb yes) with a ToUnicode map (uni yes). pdf-lib names its subsets without
      // the six-letter tag, so poppler's "sub" column says no; the size says subset.
      expect(fonts).toMatch(/DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+\w+\s+yes/);
      expect(signed.length - pdf.length).toBeLessThan(60_000);
    },
  );

  it('without a font: Helvetica and ASCII, never broken glyphs', async () => {
    const signed = await signPades(pdf, await signer(), {
      reason: 'Đồng ý',
      signingTime: new Date('2026-03-02T01:30:00Z'),
      appearance,
    });
    const text = await checkVisible(signed, 'ascii');
    // The name comes from the certificate when none is given.
    expect(text).toContain('Ky boi: Nguyen Van Thu (RSA)');
    expect(text).toContain('Thoi gian: 02/03/2026 08:30:00 (GMT+7)');
    expect(text).toContain('Ly do: Dong y');
    // The dictionary keeps the exact text.
    const result = await verifyPades(signed, { trustedRoots: [pki.root.cert] });
    expect(result.signatures[0]?.reason).toBe('Đồng ý');
  });
});
