/**
 * What changed after a signature, DocMDP certification, and long-term validation data: the
 * verifier must tell a PDF made long-term valid (DSS, document time-stamp) from one whose pages
 * were changed after signing, and honour a certification's permissions.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFString,
  StandardFonts,
} from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addValidationData,
  isCertifiedPdfError,
  isInvalidPdfError,
  type PadesVerification,
  signPades,
  timestampPades,
  verifyPades,
  WebCryptoSigner,
} from '../src/index.js';
import { PdfUpdate } from '../src/pades/pdf-update.js';
import { createTestPki, type Issued, type TestPki } from './helpers/pki.js';
import { createNssDb, pdfsig } from './helpers/tools.js';
import {
  issueTsaCertificate,
  opensslTsVerify,
  startTsaServer,
  type TestTsaServer,
  type TsaIdentity,
} from './helpers/tsa.js';

let pki: TestPki;
let nss: string;
let tsa: TestTsaServer;
let tsaIdentity: TsaIdentity;
let formPdf: Uint8Array; // two pages and a text field "applicant"

beforeAll(async () => {
  pki = createTestPki();
  nss = createNssDb(pki);
  tsaIdentity = await issueTsaCertificate(pki, 'tsa');
  tsa = await startTsaServer(pki, tsaIdentity);
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([595, 842]);
  page.drawText('To khai dang ky khai sinh', { x: 50, y: 780, size: 14, font });
  document.addPage([595, 842]).drawText('Trang 2', { x: 50, y: 780, size: 14, font });
  const field = document.getForm().createTextField('applicant');
  field.addToPage(page, { x: 50, y: 700, width: 200, height: 20 });
  formPdf = await document.save({ useObjectStreams: false });
}, 60_000);
afterAll(async () => {
  await tsa?.close();
  pki?.cleanup();
});

const signerFor = (who: Issued, chain = [pki.intermediate.cert]) =>
  WebCryptoSigner.fromPkcs8({ privateKey: who.key, certificate: who.cert, chain });

const verify = (pdf: Uint8Array) => verifyPades(pdf, { trustedRoots: [pki.root.cert] });

function code(result: PadesVerification): string {
  return result.ok ? 'ok' : result.code;
}

function qpdfCheck(pdf: Uint8Array): { ok: boolean; output: string } {
  writeFileSync(pki.path('qpdf.pdf'), pdf);
  const run = spawnSync('qpdf', ['--check', 'qpdf.pdf'], { cwd: pki.dir, encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** An incremental update that replaces page `index`'s content with other text. */
async function changePageContent(pdf: Uint8Array, index = 0): Promise<Uint8Array> {
  const update = await PdfUpdate.open(pdf);
  const page = update.document.getPages()[index];
  if (!page) throw new Error('no page');
  const stream = update.context.flateStream('BT /F1 24 Tf 50 600 Td (DA SUA SAU KHI KY) Tj ET');
  page.node.set(PDFName.of('Contents'), update.context.register(stream));
  update.changed(page.ref);
  return update.write().bytes;
}

/** An incremental update that adds a comment (a /Text annotation) to the first page. */
async function addComment(pdf: Uint8Array): Promise<Uint8Array> {
  const update = await PdfUpdate.open(pdf);
  const page = update.document.getPages()[0];
  if (!page) throw new Error('no page');
  const note = update.context.register(
    update.context.obj({
      Type: 'Annot',
      Subtype: 'Text',
      Rect: [400, 700, 420, 720],
      Contents: PDFString.of('Da xem'),
    }),
  );
  update.array(page.ref, page.node, 'Annots').push(note);
  return update.write().bytes;
}

/** An incremental update that fills the text field `applicant`. */
async function fillField(pdf: Uint8Array, value: string): Promise<Uint8Array> {
  const update = await PdfUpdate.open(pdf);
  for (const [ref, object] of update.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const t = object.get(PDFName.of('T'));
    if ((t instanceof PDFString || t instanceof PDFHexString) && t.decodeText() === 'applicant') {
      object.set(PDFName.of('V'), PDFString.of(value));
      update.changed(ref);
    }
  }
  return update.write().bytes;
}

/** A document time-stamp revision (PAdES-B-LTA) from the test TSA. */
const addDocumentTimestamp = (pdf: Uint8Array) => timestampPades(pdf, { url: tsa.url });

describe('changes after a signature', { timeout: 30_000 }, () => {
  it('page content changed in a later revision: not ok, and the sentence says so', async () => {
    const signed = await signPades(formPdf, await signerFor(pki.rsa), { name: 'Nguyễn Văn Thử' });
    const changed = await changePageContent(signed);
    expect(qpdfCheck(changed).ok).toBe(true);
    // pdfsig only says the signature does not cover the whole file.
    expect(pdfsig(pki, nss, changed).output).toContain('Not total document signed');

    const result = await verify(changed);
    expect(code(result)).toBe('modified-after-signing');
    expect(result.signatures[0]?.result.ok).toBe(true);
    expect(result.signatures[0]).toMatchObject({
      modification: 'page-content',
      changesPermitted: false,
    });
    if (result.ok) throw new Error('unreachable');
    expect(result.message.vi).toMatch(/Tài liệu đã bị thay đổi sau chữ ký của Nguyen Van Thu/);
    expect(result.message.en).toMatch(/The document was changed after the signature of/);
  });

  it('…and stays not ok when a second person signs after the change', async () => {
    const signed = await signPades(formPdf, await signerFor(pki.rsa));
    const changed = await changePageContent(signed, 1);
    const twice = await signPades(changed, await signerFor(pki.p256), { name: 'Second' });
    expect(pdfsig(pki, nss, twice).output.match(/Signature is Valid\./g)).toHaveLength(2);
    const result = await verify(twice);
    expect(code(result)).toBe('modified-after-signing');
    expect(result.signatures.map((s) => s.modification)).toEqual(['page-content', 'none']);
    expect(result.signatures[0]?.changes.details.join('\n')).toMatch(/page 2/);
  });

  it('a hand-written update that redefines a content stream is caught', async () => {
    const signed = Buffer.from(await signPades(formPdf, await signerFor(pki.rsa)));
    const text = signed.toString('latin1');
    const contents = /\/Contents \[ (\d+) 0 R \]/.exec(text);
    const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
    const size = [...text.matchAll(/\/Size (\d+)/g)].pop();
    const root = /\/Root (\d+ 0 R)/.exec(text);
    if (!contents || !startxref || !size || !root) throw new Error('unexpected PDF');
    const body = 'BT /F1 30 Tf 50 500 Td (FORGED) Tj ET';
    const object = `${contents[1]} 0 obj\n<< /Length ${body.length} >>\nstream\n${body}\nendstream\nendobj\n`;
    const xrefAt = signed.length + object.length;
    const tail =
      object +
      `xref\n${contents[1]} 1\n${String(signed.length).padStart(10, '0')} 00000 n\r\n` +
      `trailer\n<< /Size ${size[1]} /Root ${root[1]} /Prev ${startxref[1]} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const forged = Buffer.concat([signed, Buffer.from(tail, 'latin1')]);
    expect(qpdfCheck(forged).ok).toBe(true);
    const result = await verify(forged);
    expect(code(result)).toBe('modified-after-signing');
    expect(result.signatures[0]?.modification).toBe('page-content');
  });

  it('a later xref that points an object at a shadow definition hidden in the signed bytes', async () => {
    // Before signing, a second definition of the page's content stream is slipped in after the
    // end of the file: no cross-reference names it, so viewers (and the signer) see the real one.
    const text = Buffer.from(formPdf).toString('latin1');
    const contents = /\/Contents \[ (\d+) 0 R \]/.exec(text)?.[1];
    if (!contents) throw new Error('unexpected PDF');
    const font = /\/Font <<\s*\/(\S+) /.exec(text)?.[1];
    const body = `BT /${font} 30 Tf 50 500 Td (FORGED) Tj ET`;
    const hiddenAt = formPdf.length;
    const shadow = `${contents} 0 obj\n<< /Length ${body.length} >>\nstream\n${body}\nendstream\nendobj\n`;
    const withShadow = Buffer.concat([formPdf, Buffer.from(shadow, 'latin1')]);
    const signed = Buffer.from(await signPades(withShadow, await signerFor(pki.rsa)));
    expect(pdfsig(pki, nss, signed).output).toContain('Signature is Valid.');

    // After signing, an update of nothing but a cross-reference section re-points the object.
    const signedText = signed.toString('latin1');
    const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(signedText)?.[1];
    const size = [...signedText.matchAll(/\/Size (\d+)/g)].pop()?.[1];
    const root = /\/Root (\d+ 0 R)/.exec(signedText)?.[1];
    const tail =
      `xref\n${contents} 1\n${String(hiddenAt).padStart(10, '0')} 00000 n\r\n` +
      `trailer\n<< /Size ${size} /Root ${root} /Prev ${prev} >>\nstartxref\n${signed.length}\n%%EOF\n`;
    const attacked = Buffer.concat([signed, Buffer.from(tail, 'latin1')]);
    // poppler now shows the forged text.
    writeFileSync(pki.path('shadow.pdf'), attacked);
    const shown = spawnSync('pdftotext', ['-f', '1', '-l', '1', 'shadow.pdf', '-'], {
      cwd: pki.dir,
      encoding: 'utf8',
    }).stdout;
    expect(shown).toContain('FORGED');

    const result = await verify(attacked);
    expect(code(result)).toBe('modified-after-signing');
    expect(result.signatures[0]?.changes.details.join('\n')).toMatch(
      /other bytes of the signed revision/,
    );
  });

  it("a font the page shares with a comment's appearance: changing it is page content", async () => {
    const signed = await signPades(formPdf, await signerFor(pki.rsa));
    // A comment whose appearance uses the page's own font…
    const update = await PdfUpdate.open(signed);
    const page = update.document.getPages()[0];
    if (!page) throw new Error('no page');
    const fonts = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    const [fontName, fontRef] = fonts?.entries()[0] ?? [];
    if (!fontName || !(fontRef instanceof PDFRef)) throw new Error('no page font');
    const { context } = update;
    const appearance = context.register(
      context.stream(`BT ${fontName} 10 Tf 2 4 Td (ok) Tj ET`, {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, 40, 20],
        Resources: { Font: { [fontName.decodeText()]: fontRef } },
      }),
    );
    const note = context.register(
      context.obj({
        Type: 'Annot',
        Subtype: 'FreeText',
        Rect: [400, 700, 440, 720],
        AP: { N: appearance },
      }),
    );
    update.array(page.ref, page.node, 'Annots').push(note);
    const commented = update.write().bytes;
    expect(code(await verify(commented))).toBe('ok');

    // …then that font is swapped: every line of the page changes.
    const swap = await PdfUpdate.open(commented);
    const font = swap.context.lookup(fontRef, PDFDict);
    font.set(PDFName.of('BaseFont'), PDFName.of('Courier'));
    swap.changed(fontRef);
    const result = await verify(swap.write().bytes);
    expect(code(result)).toBe('modified-after-signing');
    expect(result.signatures[0]?.modification).toBe('page-content');
  });

  it('a content stream disguised as a signature or listed in a DSS is still page content', async () => {
    const signed = await signPades(formPdf, await signerFor(pki.rsa));
    const forge = async (disguise: 'sig' | 'dss') => {
      const update = await PdfUpdate.open(signed);
      const page = update.document.getPages()[0];
      const contents = page?.node.lookup(PDFName.of('Contents'), PDFArray).get(0);
      if (!(contents instanceof PDFRef)) throw new Error('unexpected PDF');
      const forged = update.context.stream('BT /F1 30 Tf 50 500 Td (FORGED) Tj ET', {
        ...(disguise === 'sig' ? { Type: 'Sig' } : {}),
      });
      update.context.assign(contents, forged);
      update.changed(contents);
      if (disguise === 'dss') {
        const dss = update.dictionary(update.root, update.catalog, 'DSS');
        dss?.set(PDFName.of('Certs'), update.context.obj([contents]));
      }
      return update.write().bytes;
    };
    for (const disguise of ['sig', 'dss'] as const) {
      const result = await verify(await forge(disguise));
      expect(code(result), disguise).toBe('modified-after-signing');
      expect(result.signatures[0]?.modification).toBe('page-content');
    }
  });

  it("a visible signature's box redrawn after signing is not a new signature", async () => {
    const signed = await signPades(formPdf, await signerFor(pki.rsa), {
      appearance: { rect: [300, 60, 560, 140] },
    });
    const update = await PdfUpdate.open(signed);
    for (const [, object] of update.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict) || object.get(PDFName.of('FT')) !== PDFName.of('Sig'))
        continue;
      const box = object.lookup(PDFName.of('AP'), PDFDict).get(PDFName.of('N'));
      if (!(box instanceof PDFRef)) continue;
      const stream = update.context.stream('BT /F1 10 Tf 4 60 Td (Da duyet: Giam doc) Tj ET', {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, 260, 80],
      });
      update.context.assign(box, stream);
      update.changed(box);
    }
    const result = await verify(update.write().bytes);
    expect(code(result)).toBe('modified-after-signing');
    expect(result.signatures[0]?.modification).toBe('page-content');
  });

  it('a later section that lists an object where it always was is not a change (xref stream with a PNG predictor)', async () => {
    // qpdf writes its cross-reference stream Flate-compressed with /Predictor 12.
    writeFileSync(pki.path('plain-for-qpdf.pdf'), formPdf);
    const made = spawnSync(
      'qpdf',
      ['--object-streams=generate', 'plain-for-qpdf.pdf', 'qpdf.pdf'],
      {
        cwd: pki.dir,
      },
    );
    expect(made.status).toBe(0);
    const compact = readFileSync(pki.path('qpdf.pdf'));
    expect(compact.toString('latin1')).toMatch(/\/Predictor 12/);
    const signed = Buffer.from(await signPades(compact, await signerFor(pki.rsa)));
    // The page's content stream stays an ordinary object: list it again at its own offset.
    const document = await PDFDocument.load(compact);
    const page = document.getPages()[0];
    const listed = page?.node.lookup(PDFName.of('Contents'));
    const contents =
      listed instanceof PDFArray ? listed.get(0) : page?.node.get(PDFName.of('Contents'));
    if (!(contents instanceof PDFRef)) throw new Error('unexpected PDF');
    const number = contents.objectNumber;
    const match = new RegExp(`(^|\\s)${number} 0 obj`).exec(compact.toString('latin1'));
    if (!match) throw new Error('the content stream is compressed');
    const offset = match.index + (match[1]?.length ?? 0);
    const text = signed.toString('latin1');
    const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1];
    const size = [...text.matchAll(/\/Size (\d+)/g)].pop()?.[1];
    const root = /\/Root (\d+ 0 R)/.exec(text)?.[1];
    const tail =
      `xref\n${number} 1\n${String(offset).padStart(10, '0')} 00000 n\r\n` +
      `trailer\n<< /Size ${size} /Root ${root} /Prev ${prev} >>\nstartxref\n${signed.length}\n%%EOF\n`;
    const result = await verify(Buffer.concat([signed, Buffer.from(tail, 'latin1')]));
    expect(result.signatures[0]?.changes.details).toEqual([]);
    expect(code(result)).toBe('ok');
  });

  it('form filling, a comment and another signature are reported, and ok', async () => {
    const signed = await signPades(formPdf, await signerFor(pki.rsa));
    const filled = await fillField(signed, 'Tran Van B');
    const commented = await addComment(filled);
    const twice = await signPades(commented, await signerFor(pki.p384));
    expect(qpdfCheck(twice).ok).toBe(true);
    const result = await verify(twice);
    expect(code(result)).toBe('ok');
    expect(result.signatures[0]?.changes.kinds).toEqual([
      'signatures',
      'form-fields',
      'annotations',
    ]);
    expect(result.signatures[0]?.modification).toBe('annotations');
    expect(result.signatures[1]?.modification).toBe('none');
  });

  it('bytes appended that are not a revision', async () => {
    const signed = await signPades(formPdf, await signerFor(pki.rsa));
    const result = await verify(Buffer.concat([signed, Buffer.from('\n% later\n')]));
    expect(code(result)).toBe('modified-after-signing');
  });
});

describe('hostile bytes', { timeout: 30_000 }, () => {
  it('damaged files give a result or InvalidPdfError, never a crash or an ok', async () => {
    const signed = await addValidationData(await signPades(formPdf, await signerFor(pki.rsa)), {
      certificates: [pki.intermediate.cert],
    });
    let seed = 13;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 40; round += 1) {
      const damaged = signed.slice();
      for (let i = 0; i < 1 + Math.floor(random() * 8); i += 1) {
        damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
      }
      const outcome = await verify(damaged).then(
        (result) => code(result),
        (error: unknown) => (isInvalidPdfError(error) ? 'InvalidPdfError' : String(error)),
      );
      // Bytes that land in /Contents' zero padding change nothing anyone signed.
      const unchanged = /^(ok)$/.test(outcome);
      if (unchanged) {
        const text = Buffer.from(signed).toString('latin1');
        const gapStart = text.indexOf('/Contents <') + 11;
        const gapEnd = text.indexOf('>', gapStart);
        for (let i = 0; i < signed.length; i += 1) {
          if (damaged[i] !== signed[i]) expect(i > gapStart && i < gapEnd).toBe(true);
        }
      } else {
        expect(outcome).toMatch(
          /^(invalid-signature|modified-after-signing|no-signature|InvalidPdfError)$/,
        );
      }
    }
  });
});

describe('long-term validation (DSS, document time-stamp) is not a change', {
  timeout: 30_000,
}, () => {
  it('signature → DSS revision → document time-stamp revision, as Acrobat makes them', async () => {
    // The signer leaves its CA certificate out: only the DSS carries it.
    const signed = await signPades(formPdf, await signerFor(pki.rsa, []), { name: 'LTV' });
    expect((await verify(signed)).signatures[0]?.result).toMatchObject({ ok: false });

    const lt = await addValidationData(signed, { certificates: [pki.intermediate.cert] });
    const lta = await addDocumentTimestamp(lt);
    for (const pdf of [lt, lta]) expect(qpdfCheck(pdf)).toMatchObject({ ok: true });
    const report = pdfsig(pki, nss, lta);
    expect(report.output).toMatch(
      /Signature #1:[\s\S]*Signature is Valid\.[\s\S]*Certificate is Trusted\.[\s\S]*Signature #2:/,
    );
    // poppler 22.12 does not check RFC 3161 document time-stamps ("Signature Type: unknown");
    // OpenSSL checks the token over the bytes its /ByteRange covers.
    const [, b = 0, c = 0] =
      [
        ...Buffer.from(lta)
          .toString('latin1')
          .matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/g),
      ]
        .pop()
        ?.slice(1)
        .map(Number) ?? [];
    const bytes = Buffer.from(lta);
    const padded = bytes.subarray(b + 1, c - 1).toString('latin1');
    // The token is DER (SEQUENCE, long-form length), then zeros to the end of the room.
    const token = Buffer.from(padded, 'hex');
    const lengthBytes = (token[1] ?? 0x80) & 0x7f;
    const length = token.subarray(2, 2 + lengthBytes).reduce((n, byte) => n * 256 + byte, 0);
    const checked = await opensslTsVerify(
      pki,
      token.subarray(0, 2 + lengthBytes + length),
      Buffer.concat([bytes.subarray(0, b), bytes.subarray(c)]),
      pki.root.certPath,
      tsaIdentity.chainPath,
    );
    expect(checked.output).toContain('Verification: OK');

    const result = await verifyPades(lta, { trustedRoots: [pki.root.cert] });
    expect(code(result)).toBe('ok');
    expect(result.validationData.certificates).toHaveLength(1);
    const [signature, stamp] = result.signatures;
    expect(signature).toMatchObject({
      type: 'signature',
      modification: 'validation-data',
      changesPermitted: true,
    });
    expect(signature?.result.ok && signature.result.signers[0]?.checkedAtSource).toBe('timestamp');
    expect(stamp).toMatchObject({ type: 'document-timestamp', modification: 'none' });
    expect(stamp?.timestamp?.ok).toBe(true);

    // A TSA nobody trusts proves no time: the signature is then checked now, still ok.
    const untrustedTsa = await verifyPades(lta, {
      trustedRoots: [pki.root.cert],
      timestampRoots: [pki.otherRoot.cert],
    });
    expect(code(untrustedTsa)).toBe('ok');
    expect(untrustedTsa.signatures[1]?.timestamp).toMatchObject({ ok: false, code: 'chain' });
    const [first] = untrustedTsa.signatures;
    expect(first?.result.ok && first.result.signers[0]?.checkedAtSource).toBe('now');
    // A token that no longer matches the bytes it covers is a broken PDF.
    const forged = Buffer.from(lta);
    const last = forged.lastIndexOf('/ByteRange [');
    const gap = forged.indexOf('<', forged.indexOf('/Contents', last));
    forged[gap + 200] = forged[gap + 200] === 0x30 ? 0x31 : 0x30;
    const broken = await verifyPades(forged, { trustedRoots: [pki.root.cert] });
    expect(code(broken)).toBe('invalid-signature');
  });

  it('an archive renewed: DSS and document time-stamp again, over the first ones', async () => {
    const signed = await signPades(formPdf, await signerFor(pki.rsa));
    let pdf = await addDocumentTimestamp(await addValidationData(signed, { certificates: [] }));
    // Years later: validation data for the first time-stamp's TSA, and a new time-stamp.
    pdf = await addDocumentTimestamp(
      await addValidationData(pdf, { certificates: [tsaIdentity.cert, pki.intermediate.cert] }),
    );
    expect(qpdfCheck(pdf).ok).toBe(true);
    const result = await verify(pdf);
    expect(code(result)).toBe('ok');
    expect(result.signatures.map((s) => [s.type, s.modification, s.changesPermitted])).toEqual([
      ['signature', 'validation-data', true],
      ['document-timestamp', 'validation-data', true],
      ['document-timestamp', 'none', true],
    ]);
  });

  it('keeps an existing DSS and adds each item once', async () => {
    const signed = await signPades(formPdf, await signerFor(pki.rsa));
    const once = await addValidationData(signed, { certificates: [pki.intermediate.cert] });
    const twice = await addValidationData(once, {
      certificates: [pki.intermediate.cert, pki.root.cert],
    });
    const result = await verify(twice);
    expect(code(result)).toBe('ok');
    expect(result.validationData.certificates).toHaveLength(2);
    expect(qpdfCheck(twice).ok).toBe(true);
    // The PAdES extension to PDF 1.7 is declared once (ETSI TS 102 778-4 Annex A).
    const text = Buffer.from(twice).toString('latin1');
    expect(text.slice(signed.length)).toMatch(
      /\/ESIC <<\s*\/BaseVersion \/1\.7\s*\/ExtensionLevel 1\s*>>/,
    );
  });

  it("the DSS's CRLs are used, offline: a certificate revoked there is revoked", async () => {
    const signed = await signPades(formPdf, await signerFor(pki.p384));
    // Revoke p384 at its CA (the intermediate) and publish a CRL, only into the DSS.
    const ca = [
      '-config',
      'ca-p384.cnf',
      '-cert',
      'intermediate.pem',
      '-keyfile',
      'intermediate.key',
    ];
    pki.openssl(['ca', ...ca, '-revoke', 'p384.pem', '-crl_reason', 'keyCompromise']);
    pki.openssl(['ca', ...ca, '-gencrl', '-crldays', '7', '-out', 'p384.crl.pem']);
    const crl = pki.openssl(['crl', '-in', 'p384.crl.pem', '-outform', 'DER']);
    const options = { trustedRoots: [pki.root.cert], fetch: false as const };

    expect(code(await verifyPades(signed, options))).toBe('ok');
    const lt = await addValidationData(signed, { crls: [new Uint8Array(crl)] });
    expect(qpdfCheck(lt).ok).toBe(true);
    const result = await verifyPades(lt, options);
    expect(result.validationData.crls).toHaveLength(1);
    expect(code(result)).toBe('invalid-signature');
    expect(result.signatures[0]?.result).toMatchObject({ ok: false, code: 'revoked' });
    expect(result.signatures[0]?.modification).toBe('validation-data');

    // The same CRL named only by a /VRI entry, as some writers do, counts the same.
    const update = await PdfUpdate.open(signed);
    const stream = update.context.register(update.context.flateStream(new Uint8Array(crl)));
    const dss = update.dictionary(update.root, update.catalog, 'DSS');
    dss?.set(PDFName.of('VRI'), update.context.obj({ ABCDEF: { CRL: [stream] } }));
    const viaVri = await verifyPades(update.write().bytes, options);
    expect(viaVri.validationData.crls).toHaveLength(1);
    expect(viaVri.signatures[0]?.result).toMatchObject({ ok: false, code: 'revoked' });
  });

  it('a page change hidden in a DSS revision is still a page change', async () => {
    const signed = await signPades(formPdf, await signerFor(pki.rsa));
    const lt = await addValidationData(await changePageContent(signed), {
      certificates: [pki.intermediate.cert],
    });
    const result = await verify(lt);
    expect(code(result)).toBe('modified-after-signing');
    expect(result.signatures[0]?.changes.kinds).toEqual(['validation-data', 'page-content']);
  });
});

describe('certifying signatures (DocMDP)', { timeout: 30_000 }, () => {
  it('P=1: signing again is refused; a later change is not ok; validation data is fine', async () => {
    const certified = await signPades(formPdf, await signerFor(pki.rsa), { certify: 1 });
    expect(Buffer.from(certified).toString('latin1')).toMatch(
      /\/TransformMethod \/DocMDP \/TransformParams << \/Type \/TransformParams \/P 1/,
    );
    const report = pdfsig(pki, nss, certified);
    expect(report.output).toContain('Signature is Valid.');
    expect(code(await verify(certified))).toBe('ok');
    expect((await verify(certified)).signatures[0]?.certification).toBe(1);

    await expect(signPades(certified, await signerFor(pki.p256))).rejects.toSatisfy(
      isCertifiedPdfError,
    );
    const filled = await fillField(certified, 'changed');
    const result = await verify(filled);
    expect(code(result)).toBe('modified-after-signing');
    expect(result.signatures[0]).toMatchObject({
      modification: 'form-fields',
      changesPermitted: false,
    });
    if (!result.ok) expect(result.message.en).toContain('certification does not permit');

    const lt = await addValidationData(certified, { certificates: [pki.intermediate.cert] });
    expect(code(await verify(lt))).toBe('ok');
  });

  it('P=2 allows form filling and signatures, not comments; P=3 allows comments', async () => {
    const p2 = await signPades(formPdf, await signerFor(pki.rsa), { certify: 2 });
    const filledAndSigned = await signPades(
      await fillField(p2, 'Le Thi C'),
      await signerFor(pki.p256),
    );
    expect(pdfsig(pki, nss, filledAndSigned).output.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(code(await verify(filledAndSigned))).toBe('ok');
    expect(code(await verify(await addComment(p2)))).toBe('modified-after-signing');

    // Moving a field is not filling it in.
    const moved = await PdfUpdate.open(p2);
    for (const [ref, object] of moved.context.enumerateIndirectObjects()) {
      if (object instanceof PDFDict && object.get(PDFName.of('Subtype')) === PDFName.of('Widget')) {
        if (object.get(PDFName.of('FT')) === PDFName.of('Sig')) continue;
        object.set(PDFName.of('Rect'), moved.context.obj([50, 400, 500, 700]));
        moved.changed(ref);
      }
    }
    const movedResult = await verify(moved.write().bytes);
    expect(code(movedResult)).toBe('modified-after-signing');
    expect(movedResult.signatures[0]?.changes.details.join()).toContain('beyond filling in: /Rect');

    // A comment made before certifying, later changed and dressed up as a signature field.
    const commentedP2 = await signPades(await addComment(formPdf), await signerFor(pki.rsa), {
      certify: 2,
    });
    const dressed = await PdfUpdate.open(commentedP2);
    for (const [ref, object] of dressed.context.enumerateIndirectObjects()) {
      if (object instanceof PDFDict && object.get(PDFName.of('Subtype')) === PDFName.of('Text')) {
        object.set(PDFName.of('Contents'), PDFString.of('Da sua'));
        object.set(PDFName.of('FT'), PDFName.of('Sig'));
        dressed.changed(ref);
      }
    }
    const dressedResult = await verify(dressed.write().bytes);
    expect(code(dressedResult)).toBe('modified-after-signing');
    expect(dressedResult.signatures[0]?.modification).toBe('annotations');

    const p3 = await signPades(formPdf, await signerFor(pki.rsa), { certify: 3 });
    expect(code(await verify(await addComment(p3)))).toBe('ok');
    expect(code(await verify(await changePageContent(p3)))).toBe('modified-after-signing');
  });

  it('only an unsigned document can be certified', async () => {
    const signed = await signPades(formPdf, await signerFor(pki.rsa));
    await expect(signPades(signed, await signerFor(pki.p256), { certify: 2 })).rejects.toSatisfy(
      isCertifiedPdfError,
    );
  });
});
