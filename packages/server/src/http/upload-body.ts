import { Readable } from 'node:stream';
import { Busboy } from '@fastify/busboy';
import type { FileStore, ReceivedFile } from '../storage/file-store.js';
import { isFileTooLargeError } from '../storage/file-too-large-error.js';
import { HttpProblem, problemFromError } from './problem.js';

/** A multipart upload: its text fields and its one file, received into temporary storage. */
export interface UploadBody {
  readonly fields: Readonly<Record<string, string>>;
  /** The file's name as the browser sent it (not yet cleaned). */
  readonly fileName: string;
  /** Undefined when the body had no `file` part. */
  readonly file: ReceivedFile | undefined;
}

/** Room for the multipart framing and the small text fields around the file. */
export const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Reads a `multipart/form-data` upload as a stream: the part named `file` goes straight into
 * `files.receive()` (hashed, counted, and stopped at the limit as it arrives), other parts are
 * short text fields; nothing holds the whole body in memory. A Content-Length that already says
 * the body is too large is refused before a byte is read.
 *
 * `limitFor` may narrow `maxBytes` when the file part starts, from the fields sent before it
 * (the document's own limit, once `requirementCode` is known: clients send it first); it
 * answers `undefined` to keep `maxBytes`, and may throw a problem to refuse the upload early.
 * The caller owns the returned file: keep it or discard it.
 */
export async function readUpload(
  request: Request,
  files: FileStore,
  maxBytes: number,
  limitFor?: (fields: Readonly<Record<string, string>>) => Promise<number | undefined>,
): Promise<UploadBody> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new HttpProblem('unsupported_media_type', {
      vi: 'Tải tệp lên dạng multipart/form-data.',
      en: 'Upload files as multipart/form-data.',
    });
  }
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD)
    throw tooLarge(maxBytes);
  if (!request.body) throw unreadable();
  let parser: ReturnType<typeof Busboy>;
  try {
    parser = Busboy({
      headers: { 'content-type': type },
      defCharset: 'utf8',
      limits: {
        files: 1,
        fields: 8,
        parts: 9,
        fieldSize: 1024,
        fieldNameSize: 100,
        headerPairs: 20,
      },
    });
  } catch {
    throw unreadable();
  }
  const source = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream);

  return new Promise<UploadBody>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let fileName = '';
    let receiving: Promise<ReceivedFile> | undefined;
    let fileStream: Readable | undefined;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      // Stop reading the rest of the body. The file's stream is ended with an error too: left
      // open, a receive in progress would wait for bytes that never come, holding its temporary
      // file and its handle (a client that aborts uploads could exhaust file descriptors).
      source.unpipe(parser);
      source.destroy();
      // Without an error: an 'error' event nobody listens to any more would crash the process;
      // a receive still iterating sees a premature close and cleans up all the same.
      fileStream?.destroy();
      parser.destroy();
      void receiving?.then((file) => file.discard()).catch(() => undefined);
      // A refusal from a service (no such dossier: 404) keeps its meaning; a broken or
      // interrupted body is a 400.
      reject(
        isFileTooLargeError(error) ? tooLarge(maxBytes) : (problemFromError(error) ?? unreadable()),
      );
    };

    parser.on(
      'field',
      (name: string, value: string, _nameTruncated: boolean, truncated: boolean) => {
        if (truncated)
          fail(
            new HttpProblem('validation', {
              vi: `Trường "${name}" quá dài.`,
              en: `The field "${name}" is too long.`,
            }),
          );
        else fields[name] = value;
      },
    );
    parser.on('file', (name: string, stream: Readable, filename: string) => {
      if (name !== 'file' || receiving) {
        stream.resume();
        return;
      }
      fileName = filename;
      fileStream = stream;
      // busboy reports a broken part on the parser too; this only keeps an unheard 'error' of
      // the part's stream from crashing the process.
      stream.on('error', () => undefined);
      receiving = (async () => {
        const narrowed = limitFor ? await limitFor({ ...fields }) : undefined;
        const limit = narrowed === undefined ? maxBytes : Math.min(narrowed, maxBytes);
        try {
          return await files.receive(stream, { maxBytes: limit });
        } catch (error) {
          throw isFileTooLargeError(error) ? tooLarge(limit) : error;
        }
      })();
      receiving.catch(fail);
    });
    for (const limit of ['partsLimit', 'filesLimit', 'fieldsLimit'] as const) {
      parser.on(limit, () =>
        fail(
          new HttpProblem('validation', {
            vi: 'Dữ liệu tải lên có quá nhiều phần.',
            en: 'The upload has too many parts.',
          }),
        ),
      );
    }
    parser.on('error', fail);
    source.on('error', fail);
    parser.on('finish', () => {
      if (!receiving) {
        if (!settled) {
          settled = true;
          resolve({ fields, fileName, file: undefined });
        }
        return;
      }
      receiving.then((file) => {
        if (settled) {
          void file.discard();
          return;
        }
        settled = true;
        resolve({ fields, fileName, file });
      }, fail);
    });
    source.pipe(parser);
  });
}

function tooLarge(maxBytes: number): HttpProblem {
  const mb = (maxBytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
  return new HttpProblem('payload_too_large', {
    vi: `Tệp vượt quá giới hạn ${mb} MB.`,
    en: `The file is larger than the ${mb} MB limit.`,
  });
}

function unreadable(): HttpProblem {
  return new HttpProblem('validation', {
    vi: 'Không đọc được dữ liệu tải lên.',
    en: 'The upload cannot be read.',
  });
}
