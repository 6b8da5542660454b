/**
 * Files other tools sign must sign here too: cross-reference sections a few bytes off,
 * cross-reference streams, empty signature fields made by a form designer, real-world PDFs
 * from other producers; and the refusals must say what is wrong (encrypted, broken, a remote
 * signer's value that does not match its certificate).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DigestSigner,
  isEncryptedPdfError,
  isInvalidPdfError,
  isSignatureFieldError,
  isSignatureValueError,
  type PadesVerification,
  signPades,
  verifyPades,
  WebCryptoSigner,
} from '../src/index.js';
import { createTestPki, type Issued, type TestPki } from './helpers/pki.js';
import { createNssDb, pdfsig } from './helpers/tools.js';

const SAMPLES = join(import.meta.dirname, '../../../../shared/data/pdf-samples');

let pki: TestPki;
let nss: string;
let classicPdf: Uint8Array;
let compactPdf: Uint8Array;

beforeAll(async () => {
  pki = createTestPki();
  nss = createNssDb(pki);
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([595, 842]).drawText('Giay phep', { x: 50, y: 780, size: 14, font });
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
const code = (result: PadesVerification) => (result.ok ? 'ok' : result.code);

function qpdfCheck(pdf: Uint8Array): { status: number | null; output: string } {
  writeFileSync(pki.path('interop.pdf'), pdf);
  const run = spawnSync('qpdf', ['--check', 'interop.pdf'], { cwd: pki.dir, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Signs, then checks with qpdf, pdfsig and the library. */
async function signAndCheck(pdf: Uint8Array): Promise<Uint8Array> {
  const signed = await signPades(pdf, await signerFor(pki.rsa), { reason: 'Kiểm tra' });
  const qpdf = qpdfCheck(signed);
  // 0: clean; 3: warnings only (the samples come with some of their own).
  expect(qpdf.status === 0 || qpdf.status === 3, qpdf.output).toBe(true);
  const report = pdfsig(pki, nss, signed);
  const ours = report.output.split(/Signature #\d+:/).pop() ?? '';
  expect(ours).toContain('Signature Validation: Signature is Valid.');
  expect(ours).toContain('Certificate Validation: Certificate is Trusted.');
  expect(ours).toContain('Total document signed');
  return signed;
}

/** Rewrites the number after the last `startxref`. */
function moveStartxref(pdf: Uint8Array, delta: number): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const at = text.lastIndexOf('startxref');
  const match = /startxref(\s+)(\d+)/.exec(text.slice(at));
  if (!match) throw new Error('no startxref');
  const moved = `startxref${match[1]}${Number(match[2]) + delta}`;
  return Buffer.from(text.slice(0, at) + moved + text.slice(at + match[0].length), 'latin1');
}

describe('cross-reference sections other tools accept', { timeout: 30_000 }, () => {
  it.each([
    ['points at the line end before xref', -1],
    ['is two bytes early', -2],
    ['is three bytes late', 3],
  ])('a classic table whose startxref %s', async (_, delta) => {
    const shifted = moveStartxref(classicPdf, delta);
    const signed = await signAndCheck(shifted);
    expect(code(await verify(signed))).toBe('ok');
    // The new revision's /Prev names where the table really is.
    const xrefAt = Buffer.from(classicPdf).toString('latin1').lastIndexOf('\nxref') + 1;
    expect(Buffer.from(signed).toString('latin1')).toContain(`/Prev ${xrefAt}`);
  });

  it('a cross-reference stream whose startxref is a byte off', async () => {
    const signed = await signAndCheck(moveStartxref(compactPdf, 1));
    expect(code(await verify(signed))).toBe('ok');
  });

  it.each([
    ['linearized (qpdf --linearize)', ['--linearize']],
    [
      'object streams and xref streams (qpdf --object-streams=generate)',
      ['--object-streams=generate'],
    ],
  ])('a file qpdf rewrote: %s', async (_, flags) => {
    writeFileSync(pki.path('qpdf-in.pdf'), classicPdf);
    const made = spawnSync('qpdf', [...flags, 'qpdf-in.pdf', 'qpdf-out.pdf'], { cwd: pki.dir });
    expect(made.status).toBe(0);
    const signed = await signAndCheck(readFileSync(pki.path('qpdf-out.pdf')));
    expect(code(await verify(signed))).toBe('ok');
    const twice = await signPades(signed, await signerFor(pki.p256));
    expect(pdfsig(pki, nss, twice).output.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(code(await verify(twice))).toBe('ok');
  });

  it('a startxref that points nowhere: the last xref section in the file is used', async () => {
    const signed = await signAndCheck(moveStartxref(classicPdf, -500));
    expect(code(await verify(signed))).toBe('ok');
  });
});

/**
 * A hybrid-reference file (ISO 32000-1 §7.5.8.4), as Word and Acrobat write for old readers: a
 * classic table for most objects, the font compressed in an object stream that only the
 * cross-reference stream named by the trailer's /XRefStm knows about.
 */
function hybridPdf(): Uint8Array {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]?.length ?? 0;
  const offsets = new Map<number, number>();
  const add = (n: number, ...body: (string | Buffer)[]) => {
    offsets.set(n, length);
    const bytes = Buffer.concat([
      Buffer.from(`${n} 0 obj\n`, 'latin1'),
      ...body.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : part)),
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    chunks.push(bytes);
    length += bytes.length;
  };
  const content = 'BT /F1 18 Tf 50 780 Td (Hybrid xref) Tj ET';
  const objStm = '5 0 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  add(1, '<< /Type /Catalog /Pages 2 0 R >>');
  add(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  add(
    3,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ' +
      '/Resources << /Font << /F1 5 0 R >> >> >>',
  );
  add(4, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  add(
    6,
    `<< /Type /ObjStm /N 1 /First 4 /Length ${objStm.length} >>\nstream\n${objStm}\nendstream`,
  );
  const xrefStreamAt = length;
  const row = (type: number, field: number) =>
    Buffer.from([
      type,
      field >>> 24,
      (field >>> 16) & 0xff,
      (field >>> 8) & 0xff,
      field & 0xff,
      0,
      0,
    ]);
  const rows = Buffer.concat([row(2, 6), row(1, xrefStreamAt)]);
  add(
    7,
    `<< /Type /XRef /W [1 4 2] /Index [5 1 7 1] /Size 8 /Length ${rows.length} >>\nstream\n`,
    rows,
    '\nendstream',
  );
  const entry = (n: number) => `${String(offsets.get(n)).padStart(10, '0')} 00000 n\r\n`;
  const table =
    `xref\n0 5\n0000000000 65535 f\r\n${[1, 2, 3, 4].map(entry).join('')}6 2\n${entry(6)}${entry(7)}` +
    `trailer\n<< /Size 8 /Root 1 0 R /XRefStm ${xrefStreamAt} >>\nstartxref\n${length}\n%%EOF\n`;
  return Buffer.concat([...chunks, Buffer.from(table, 'latin1')]);
}

describe('a hybrid-reference file', { timeout: 30_000 }, () => {
  it('signs: the new revision chains to the table, readers still find the compressed font', async () => {
    const hybrid = hybridPdf();
    expect(qpdfCheck(hybrid).status).toBe(0);
    const signed = await signAndCheck(hybrid);
    expect(qpdfCheck(signed).status).toBe(0);
    writeFileSync(pki.path('hybrid-signed.pdf'), signed);
    const fonts = spawnSync('pdffonts', ['hybrid-signed.pdf'], { cwd: pki.dir, encoding: 'utf8' });
    expect(fonts.stdout).toMatch(/Helvetica\s+Type 1/);
    expect(fonts.stderr).not.toMatch(/Error/);
    expect(code(await verify(signed))).toBe('ok');
    // Signing again over the signed hybrid file keeps both valid.
    const twice = await signPades(signed, await signerFor(pki.p256));
    expect(pdfsig(pki, nss, twice).output.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(code(await verify(twice))).toBe('ok');
  });
});

describe('signatures other tools write', { timeout: 30_000 }, () => {
  it('a /Contents hex string with line breaks in it (white space is allowed there)', async () => {
    const signed = Buffer.from(await signPades(classicPdf, await signerFor(pki.rsa)));
    const text = signed.toString('latin1');
    const end = text.indexOf('>', text.indexOf('/Contents <'));
    // Two digits of the zero padding become a line break: same length, nothing signed moves.
    signed.write('\r\n', end - 2, 'latin1');
    expect(pdfsig(pki, nss, signed).output).toContain('Signature is Valid.');
    expect(code(await verify(signed))).toBe('ok');
  });
});

describe('a large PDF', { timeout: 60_000 }, () => {
  it('over 32 MiB, its two signed parts are hashed as a stream: ok, and a flipped byte is caught', async () => {
    const document = await PDFDocument.create();
    const page = document.addPage([595, 842]);
    const blob = document.context.register(
      document.context.stream(new Uint8Array(34 * 1024 * 1024).fill(0x41)),
    );
    page.node.set(PDFName.of('PieceInfo'), blob);
    const big = await document.save({ useObjectStreams: false });
    const signed = await signPades(big, await signerFor(pki.rsa));
    expect(code(await verify(signed))).toBe('ok');
    for (const at of [1_000_000, signed.length - 10]) {
      const tampered = signed.slice();
      tampered[at] = (tampered[at] ?? 0) ^ 0x01;
      const result = await verify(tampered);
      expect(result.signatures[0]?.result, String(at)).toMatchObject({ ok: false });
    }
  });
});

describe('a Reader-extended form (usage-rights signature)', { timeout: 30_000 }, () => {
  it("Adobe's /UR3 seal is not a signature of the document: ignored, and certifying is allowed", async () => {
    const document = await PDFDocument.load(classicPdf);
    const { context } = document;
    // The seal as Reader extensions write it (its value here is a stand-in: nobody checks it).
    const seal = context.register(
      context.obj({
        Type: 'Sig',
        Filter: 'Adobe.PPKLite',
        SubFilter: 'adbe.pkcs7.detached',
        ByteRange: [0, 10, 20, 30],
        Contents: PDFHexString.of('3000'),
        Reference: [
          {
            Type: 'SigRef',
            TransformMethod: 'UR3',
            TransformParams: { Type: 'TransformParams', V: PDFName.of('2.2') },
          },
        ],
      }),
    );
    document.catalog.set(PDFName.of('Perms'), context.obj({ UR3: seal }));
    const extended = await document.save({ useObjectStreams: false });
    expect(code(await verify(extended))).toBe('no-signature');

    const signed = await signAndCheck(extended);
    const result = await verify(signed);
    expect(code(result)).toBe('ok');
    expect(result.signatures).toHaveLength(1);
    const certified = await signPades(extended, await signerFor(pki.rsa), { certify: 2 });
    expect(code(await verify(certified))).toBe('ok');
  });
});

describe('refusals that say what is wrong', { timeout: 30_000 }, () => {
  it('an encrypted PDF (qpdf AES-256, empty and real user password): EncryptedPdfError', async () => {
    writeFileSync(pki.path('plain.pdf'), classicPdf);
    for (const [user, name] of [
      ['', 'open.pdf'],
      ['secret', 'locked.pdf'],
    ] as const) {
      const made = spawnSync(
        'qpdf',
        ['--encrypt', user, 'owner-pass', '256', '--', 'plain.pdf', name],
        { cwd: pki.dir, encoding: 'utf8' },
      );
      expect(made.status, made.stderr).toBe(0);
      const encrypted = readFileSync(pki.path(name));
      const error = await signPades(encrypted, await signerFor(pki.rsa)).catch((e: unknown) => e);
      expect(isEncryptedPdfError(error)).toBe(true);
      expect(isInvalidPdfError(error)).toBe(false);
      expect((error as Error).message).toContain('mã hoá');
      await expect(verify(encrypted)).rejects.toSatisfy(isEncryptedPdfError);
    }
  });

  it('really broken files: InvalidPdfError', async () => {
    const text = Buffer.from(classicPdf).toString('latin1');
    // No cross-reference section at all.
    const noXref = Buffer.from(text.slice(0, text.indexOf('\nxref')), 'latin1');
    await expect(signPades(noXref, await signerFor(pki.rsa))).rejects.toSatisfy(isInvalidPdfError);
    // Not a PDF.
    const html = new TextEncoder().encode('<html>not a pdf</html>');
    await expect(signPades(html, await signerFor(pki.rsa))).rejects.toSatisfy(isInvalidPdfError);
  });

  it("a remote signer's value that does not verify with its certificate is not embedded", async () => {
    const honest = await signerFor(pki.rsa);
    // A CSC-like digest signer: the certificate of rsa, the signature of another key/digest.
    const lying: DigestSigner = {
      kind: 'digest',
      describe: () => honest.describe(),
      signDigest: async (digest) => {
        const wrong = digest.slice();
        wrong[0] = (wrong[0] ?? 0) ^ 0xff;
        // Signs another digest with the right key: a reply for another request.
        return rawSignDigest(wrong, (await honest.describe()).algorithm.hash);
      },
    };
    const error = await signPades(classicPdf, lying).catch((e: unknown) => e);
    expect(isSignatureValueError(error)).toBe(true);
    expect((error as Error).message).toContain('không khớp');

    const truthful: DigestSigner = {
      kind: 'digest',
      describe: () => honest.describe(),
      signDigest: async (digest) => rawSignDigest(digest, (await honest.describe()).algorithm.hash),
    };
    expect(code(await verify(await signPades(classicPdf, truthful)))).toBe('ok');
  });
});

/** RSA PKCS #1 v1.5 over a given digest, the way a remote service's signHash does it. */
async function rawSignDigest(digest: Uint8Array, hash: string): Promise<Uint8Array> {
  const prefixes: Record<string, string> = {
    'SHA-256': '3031300d060960864801650304020105000420',
    'SHA-384': '3041300d060960864801650304020205000430',
    'SHA-512': '3051300d060960864801650304020305000440',
  };
  const input = Buffer.concat([Buffer.from(prefixes[hash] ?? '', 'hex'), digest]);
  writeFileSync(pki.path('digestinfo.bin'), input);
  return new Uint8Array(
    pki.openssl(['pkeyutl', '-sign', '-inkey', pki.rsa.keyPath, '-in', 'digestinfo.bin']),
  );
}

describe('an empty signature field a form designer placed', { timeout: 30_000 }, () => {
  it('is signed in place, by its name', async () => {
    const document = await PDFDocument.load(classicPdf);
    const page = document.getPages()[0];
    if (!page) throw new Error('no page');
    const { context } = document;
    const widget = context.register(
      context.obj({
        Type: 'Annot',
        Subtype: 'Widget',
        FT: 'Sig',
        T: PDFString.of('NguoiNop'),
        Rect: [300, 100, 500, 160],
        F: 4,
        P: page.ref,
      }),
    );
    page.node.set(PDFName.of('Annots'), context.obj([widget]));
    document.catalog.set(
      PDFName.of('AcroForm'),
      context.register(context.obj({ Fields: [widget], SigFlags: 0 })),
    );
    const withField = await document.save({ useObjectStreams: false });

    const signed = await signPades(withField, await signerFor(pki.rsa), { fieldName: 'NguoiNop' });
    const report = pdfsig(pki, nss, signed);
    expect(report.output.match(/Signature #/g)).toHaveLength(1);
    expect(report.output).toContain('Signature Field Name: NguoiNop');
    expect(report.output).toContain('Signature is Valid.');
    const result = await verify(signed);
    expect(code(result)).toBe('ok');
    expect(result.signatures[0]?.fieldName).toBe('NguoiNop');
    // No second widget: the field's own widget is the signature's.
    expect(
      Buffer.from(signed)
        .toString('latin1')
        .match(/\/Subtype \/Widget/g),
    ).toHaveLength(2);

    const again = await signPades(signed, await signerFor(pki.p256), {
      fieldName: 'NguoiNop',
    }).catch((error: unknown) => error);
    expect(isSignatureFieldError(again) && again.problem).toBe('already-signed');
    expect((again as Error).message).toContain('đã được ký');

    await expect(
      signPades(withField, await signerFor(pki.p256), { fieldName: 'HoSo.NguoiNop' }),
    ).rejects.toSatisfy((error) => isSignatureFieldError(error) && error.problem === 'not-found');

    // Visible: the field keeps its own rectangle, and the box is drawn into it.
    const visible = await signPades(withField, await signerFor(pki.rsa), {
      fieldName: 'NguoiNop',
      appearance: {},
    });
    writeFileSync(pki.path('field-visible.pdf'), visible);
    const boxText = spawnSync(
      'pdftotext',
      [...['-x', '300', '-y', '682', '-W', '200', '-H', '60'], 'field-visible.pdf', '-'],
      { cwd: pki.dir, encoding: 'utf8' },
    ).stdout;
    expect(boxText).toContain('Ky boi: Nguyen Van Thu (RSA)');
    expect(code(await verify(visible))).toBe('ok');
  });
});

describe.skipIf(!existsSync(SAMPLES))(
  'real-world PDFs (../shared/data/pdf-samples)',
  { timeout: 60_000 },
  () => {
    // Skipped without the shared data folder (issue #20): the files are not committed here.
    const files = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.endsWith('.pdf')) : [];
    it.each(files)('%s signs and verifies', async (file) => {
      const original = new Uint8Array(readFileSync(join(SAMPLES, file)));
      const before = await verify(original);
      const signed = await signAndCheck(original);
      const result = await verify(signed);
      const ours = result.signatures[result.signatures.length - 1];
      expect(ours?.result.ok).toBe(true);
      expect(ours?.modification).toBe('none');
      // Signatures the samples came with are by an untrusted test CA (node-signpdf's): they
      // stay intact, and our signature is the only thing added after them.
      for (const theirs of result.signatures.slice(0, -1)) {
        expect(theirs.result).toMatchObject({ ok: false, code: 'untrusted' });
        expect(theirs.modification).toBe('signatures');
        expect(theirs.changesPermitted).toBe(true);
      }
      expect(code(result)).toBe(before.signatures.length === 0 ? 'ok' : 'invalid-signature');
    });
  },
);
