import type { Check } from '../check.js';
import { CheckSkipped } from '../check-skipped.js';
import { cites, DESIGN, RFC9457 } from '../cite.js';
import { newDraft, newKey, PDF, procedure, uploadForm } from '../fixtures.js';

const UPLOAD =
  'uploadAttachment: the type is checked by content, not name; the document’s own size limit holds while the file streams in (route description; DESIGN.md § The contract (HTTP): attachments)';
const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
]);

export const uploadChecks: readonly Check[] = [
  {
    id: 'uploads.accept',
    title: 'A PDF and a PNG are accepted by their content and served back to their owner',
    cites: cites([UPLOAD], ['uploadAttachment', 'downloadAttachment']),
    async run(ctx) {
      const { dossier } = await newDraft(ctx);
      const pdf = await ctx.call('uploadAttachment', {
        as: 'citizen',
        params: { id: dossier.id },
        form: uploadForm('doc-1', PDF, 'giấy khai sinh.pdf'),
      });
      ctx.expectStatus(pdf, 201, 'uploadAttachment answers 201 for a PDF');
      ctx.assert(
        pdf.body.mediaType === 'application/pdf' && pdf.body.sizeBytes === PDF.byteLength,
        `${UPLOAD}: the attachment records the detected type and the size`,
        `mediaType ${pdf.body.mediaType}, sizeBytes ${pdf.body.sizeBytes} (sent ${PDF.byteLength})`,
        pdf,
      );
      const png = await ctx.call('uploadAttachment', {
        as: 'citizen',
        params: { id: dossier.id },
        form: uploadForm('doc-1', PNG, 'anh-chan-dung.png'),
      });
      ctx.expectStatus(png, 201, 'uploadAttachment answers 201 for a PNG');
      const download = await ctx.call('downloadAttachment', {
        as: 'citizen',
        params: { id: pdf.body.id },
      });
      ctx.expectStatus(download, 200, 'downloadAttachment serves the owner their file');
      ctx.assert(
        Buffer.from(download.bytes).equals(Buffer.from(PDF)),
        'downloadAttachment serves the bytes that were uploaded',
        `${download.bytes.length} bytes back, ${PDF.byteLength} sent`,
        download,
      );
      ctx.assert(
        (download.headers.get('content-type') ?? '').startsWith('application/pdf'),
        'downloadAttachment answers with the media type detected from its content',
        `content-type ${download.headers.get('content-type')}`,
        download,
      );
    },
  },
  {
    id: 'uploads.content-type',
    title: 'A file whose content is not what its name says answers 415',
    cites: cites([UPLOAD, RFC9457], ['uploadAttachment']),
    async run(ctx) {
      const { dossier } = await newDraft(ctx);
      const fake = await ctx.call('uploadAttachment', {
        as: 'citizen',
        params: { id: dossier.id },
        form: uploadForm(
          'doc-1',
          new TextEncoder().encode('<script>alert(1)</script>'),
          'hop-le.pdf',
        ),
      });
      ctx.expectProblem(fake, 415, `${UPLOAD}: an HTML file named .pdf`);
    },
  },
  {
    id: 'uploads.size',
    title:
      "A file over its document's limit answers 413; an empty file, no file or an unknown requirement 400",
    cites: cites(
      [UPLOAD, 'DESIGN.md § Domain model: required documents {max size}'],
      ['uploadAttachment'],
    ),
    async run(ctx) {
      const { procedure: p } = await procedure(ctx);
      const { dossier } = await newDraft(ctx);
      const document =
        p.cases
          .find((c) => c.code === dossier.caseCode)
          ?.documents.find((d) => d.code === 'doc-1') ?? p.cases[0]?.documents[0];
      if (!document) throw new CheckSkipped(`procedure ${p.code} asks for no document`);
      const big = new Uint8Array(document.maxSizeBytes + 1);
      big.set(PDF);
      const over = await ctx.call('uploadAttachment', {
        as: 'citizen',
        params: { id: dossier.id },
        form: uploadForm(document.code, big, 'qua-lon.pdf'),
      });
      ctx.expectProblem(
        over,
        413,
        `${UPLOAD}: one byte over maxSizeBytes (${document.maxSizeBytes})`,
      );
      const empty = await ctx.call('uploadAttachment', {
        as: 'citizen',
        params: { id: dossier.id },
        form: uploadForm(document.code, new Uint8Array(), 'rong.pdf'),
      });
      ctx.expectProblem(empty, 400, `${UPLOAD}: an empty file is refused`);
      const unknown = await ctx.call('uploadAttachment', {
        as: 'citizen',
        params: { id: dossier.id },
        form: uploadForm('doc-khong-co'),
      });
      ctx.expectProblem(
        unknown,
        400,
        `${UPLOAD}: requirementCode names a RequiredDocument of the case`,
        {
          paths: ['requirementCode'],
        },
      );
      const noFile = new FormData();
      noFile.set('requirementCode', document.code);
      const missing = await ctx.call('uploadAttachment', {
        as: 'citizen',
        params: { id: dossier.id },
        form: noFile,
      });
      ctx.expectProblem(missing, 400, `${UPLOAD}: a request without a file is refused`);
    },
  },
  {
    id: 'uploads.count',
    title: 'A dossier holds as many files as allowed; one more answers 409 dossier_file_limit',
    cites: cites([UPLOAD], ['uploadAttachment']),
    async run(ctx) {
      const limit = ctx.options.filesPerDossier;
      if (!limit) {
        throw new CheckSkipped('needs --files-per-dossier (the back end’s dossier_file_limit)');
      }
      const { dossier } = await newDraft(ctx);
      for (let i = 0; i < limit; i++) {
        const answer = await ctx.call('uploadAttachment', {
          as: 'citizen',
          params: { id: dossier.id },
          form: uploadForm('doc-1', PDF, `trang-${i + 1}.pdf`),
        });
        ctx.expectStatus(
          answer,
          201,
          `Up to ${limit} files a dossier are accepted (file ${i + 1})`,
        );
      }
      const over = await ctx.call('uploadAttachment', {
        as: 'citizen',
        params: { id: dossier.id },
        form: uploadForm('doc-1', PDF, 'mot-tep-nua.pdf'),
      });
      ctx.expectProblem(
        over,
        409,
        `uploadAttachment: 409 when the dossier holds as many files as allowed`,
        {
          code: 'dossier_file_limit',
        },
      );
    },
  },
  {
    id: 'uploads.idempotent',
    title: 'An upload repeated under its Idempotency-Key replays only for the same bytes',
    cites: cites([UPLOAD, `${DESIGN.contract}: Idempotency-Key`], ['uploadAttachment']),
    async run(ctx) {
      const { dossier } = await newDraft(ctx);
      const key = newKey();
      const send = (bytes: Uint8Array) =>
        ctx.call('uploadAttachment', {
          as: 'citizen',
          params: { id: dossier.id },
          form: uploadForm('doc-1', bytes),
          headers: { 'idempotency-key': key },
        });
      const first = await send(PDF);
      ctx.expectStatus(first, 201, 'uploadAttachment answers 201');
      const again = await send(PDF);
      ctx.expectStatus(
        again,
        201,
        'A repeated upload with the same key and bytes answers as the first',
      );
      ctx.assert(
        again.body.id === first.body.id,
        'A repeated upload with the same key and bytes returns the first attachment',
        `first ${first.body.id}, repeat ${again.body.id}`,
        again,
      );
      const other = new Uint8Array([...PDF, 0x0a]);
      const changed = await send(other);
      ctx.expectProblem(
        changed,
        422,
        'Under an Idempotency-Key, a repeat replays only for the same bytes',
        {
          code: 'idempotency_key_reused',
        },
      );
    },
  },
];
