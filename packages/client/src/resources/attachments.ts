import type { Attachment, RequiredDocument } from '@egov-kit/schema';
// The small entry, not the main one: an unbundled page (import map) would load every module
// of the main entry to get two functions.
import { detectMediaType, isAcceptedMediaType } from '@egov-kit/schema/files';
import { FileRejectedError } from '../errors/file-rejected-error.js';
import type { Core } from '../internal/core.js';
import { newIdempotencyKey } from '../internal/idempotency-key.js';
import { lazy } from '../internal/lazy.js';
import { OPERATIONS } from '../internal/operations.js';
import type { KeyedRequestOptions, RequestOptions } from '../options.js';

const schemas = lazy(() => import('../validators/attachments.js'));

/** Bytes sent of an upload. */
export interface UploadProgress {
  readonly loaded: number;
  readonly total: number;
}

/** Options of {@link AttachmentsResource.upload}. */
export interface UploadOptions extends KeyedRequestOptions {
  /**
   * Called as the file goes: the fraction sent (0 to 1), and the bytes. In browsers it comes
   * from XMLHttpRequest (every chunk); in Node and Deno from the streamed request body; where
   * neither is possible (a `fetch` injected in a browser) only at the start and the end. In a
   * browser, a retried upload reports again from 0.
   */
  readonly onProgress?: (fraction: number, progress: UploadProgress) => void;
  /**
   * The required document from the procedure's case: when given, the file is checked against
   * its `maxSizeBytes` and `acceptedTypes` (by content: PDF, JPEG, PNG…) before anything is
   * sent, and refused with a {@link FileRejectedError}, as the server would.
   */
  readonly requirement?: RequiredDocument;
  /** The file's name; a `File`'s own name by default. */
  readonly fileName?: string;
}

/** Options of {@link AttachmentsResource.download}. */
export interface DownloadOptions extends RequestOptions {
  /**
   * The dossier code and verifier printed on the receipt: lets anyone download a result
   * document without signing in. When given, no token is sent.
   */
  readonly receipt?: { readonly code: string; readonly verifier: string };
}

/** Files of a dossier: the citizen's documents and the agency's results. */
export interface AttachmentsResource {
  /**
   * Uploads a file for one required document of a dossier (its `requirementCode`), while it is
   * a draft or the agency asks for a supplement; officers upload results under `result`. The
   * type is checked by content. Put the attachment's id in the dossier's `documents` (or the
   * form's file field) with `dossiers.update` or `dossiers.supplement`.
   *
   * ```ts
   * const attachment = await client.attachments.upload(dossier.id, 'doc-1', file, {
   *   requirement, onProgress: (fraction) => (bar.value = fraction), signal,
   * });
   * ```
   */
  upload(
    dossierId: string,
    requirementCode: string,
    file: Blob,
    options?: UploadOptions,
  ): Promise<Attachment>;
  /** Downloads a file, as a `File` with its name and media type. */
  download(id: string, options?: DownloadOptions): Promise<File>;
}

/** The attachments resource on a client's request core. */
export function attachments(core: Core): AttachmentsResource {
  return {
    async upload(dossierId, requirementCode, file, options = {}) {
      const key = options.idempotencyKey ?? newIdempotencyKey();
      const fileName = options.fileName ?? (file as Partial<File>).name ?? 'file';
      if (options.requirement)
        await check(core, file, fileName, requirementCode, options.requirement);
      const form = new FormData();
      form.set('requirementCode', requirementCode);
      form.set('file', file, fileName);
      const { onProgress } = options;
      const result = await core.send({
        op: OPERATIONS.uploadAttachment,
        params: { id: dossierId },
        form,
        options,
        idempotencyKey: key,
        minTimeout: 120_000,
        schema: async () => (await schemas()).Attachment,
        ...(onProgress
          ? {
              onUploadProgress: (loaded: number, total: number) =>
                onProgress(total > 0 ? Math.min(1, loaded / total) : 0, { loaded, total }),
            }
          : {}),
      });
      return result.data;
    },
    async download(id, options = {}) {
      const { receipt } = options;
      const { body: blob, response } = await core.receive(
        {
          op: OPERATIONS.downloadAttachment,
          params: { id },
          query: receipt ? { code: receipt.code, verifier: receipt.verifier } : undefined,
          options,
          auth: !receipt,
          accept: '*/*',
        },
        (r) => r.blob(),
      );
      return new File([blob], fileNameOf(response.headers.get('content-disposition')) ?? id, {
        type: response.headers.get('content-type') ?? blob.type,
      });
    },
  };
}

/** Refuses a file the server would refuse for `requirement`, before sending it. */
async function check(
  core: Core,
  file: Blob,
  fileName: string,
  requirementCode: string,
  requirement: RequiredDocument,
): Promise<void> {
  if (requirement.code !== requirementCode) {
    throw new TypeError(
      `@egov-kit/client: requirement "${requirement.code}" given for requirementCode "${requirementCode}".`,
    );
  }
  const base = { fileName, size: file.size, requirement, locale: core.locale() };
  if (file.size === 0) throw new FileRejectedError({ ...base, reason: 'empty' });
  if (file.size > requirement.maxSizeBytes)
    throw new FileRejectedError({ ...base, reason: 'size' });
  const detectedType = detectMediaType(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
  if (!isAcceptedMediaType(detectedType, requirement.acceptedTypes)) {
    throw new FileRejectedError({ ...base, reason: 'content', detectedType });
  }
}

/** The file name of a Content-Disposition header: `filename*` (RFC 6266) first, then `filename`. */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // fall through to the plain name
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/.exec(disposition)?.[1]?.trim();
}
