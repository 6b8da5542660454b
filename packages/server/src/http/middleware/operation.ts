import type { RouteDefinition } from '@egov-kit/schema';
import type { MiddlewareHandler } from 'hono';
import type { Database } from '../../db/database.js';
import { noteOrphanFile, uploadSizeLimit } from '../../services/attachments.js';
import type { FileStore, ReceivedFile } from '../../storage/file-store.js';
import { requireRole, type TokenVerifier } from '../auth.js';
import { readJsonBody, refuseBadStrings } from '../body.js';
import type { AppEnv, UploadedFile } from '../env.js';
import { HttpProblem, type LocalizedFieldError } from '../problem.js';
import { readUpload } from '../upload-body.js';
import { parseOr400 } from '../validate.js';

/**
 * Who is calling: the bearer token verified (401 when bad, even on a public route — a client
 * that sends a broken token should hear so), then the route's role (401 without a token, 403
 * with the wrong role).
 */
export function authenticate(
  route: RouteDefinition,
  tokens: TokenVerifier,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = await tokens.principal(c.req.header('authorization'));
    c.set('principal', principal);
    if (route.auth !== 'public') {
      requireRole(
        principal,
        route.auth === 'any_user' ? ['citizen', 'officer', 'admin'] : [route.auth, 'admin'],
      );
    }
    await next();
  };
}

/** Where uploads go, and how large one may be before any document's own limit. */
export interface UploadSettings {
  readonly files: FileStore;
  readonly db: Database;
  readonly maxBytes: number;
}

/**
 * Reads and validates what the route declares — path, query, body (JSON or multipart, parsed
 * here and nowhere else) and If-Match — into `c.var.input`, or answers 400/415/428.
 *
 * An upload streams into temporary storage here, before the transaction opens (a slow upload
 * holds no connection or lock), within the document's own size limit when the fields before the
 * file name it; once the request is answered its temporary copy is dropped, and a file kept by
 * a request that then failed is noted for the orphan sweep.
 */
export function validateInput(
  route: RouteDefinition,
  uploads: UploadSettings,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const rawParams = c.req.param() as Record<string, string>;
    const rawQuery = singleValues(c.req.queries());
    refuseBadStrings(rawParams, 'path');
    refuseBadStrings(rawQuery, 'query');
    const params = route.params ? parseOr400(route.params, rawParams, 'path') : {};
    const query = route.query ? parseOr400(route.query, rawQuery, 'query') : {};
    let body: unknown;
    let file: UploadedFile | undefined;
    let kept = false;
    if (route.body?.contentType === 'multipart/form-data') {
      const principal = c.get('principal');
      const dossierId = typeof params.id === 'string' ? params.id : undefined;
      const upload = await readUpload(c.req.raw, uploads.files, uploads.maxBytes, (fields) =>
        principal && dossierId
          ? uploadSizeLimit(uploads.db, principal, dossierId, fields.requirementCode)
          : Promise.resolve(undefined),
      );
      let received: ReceivedFile;
      try {
        ({ body, received } = uploadFields(upload.fields, upload.fileName, upload.file));
      } catch (error) {
        await upload.file?.discard();
        throw error;
      }
      file = {
        name: upload.fileName || 'file',
        received: {
          ...received,
          keep: async () => {
            await received.keep();
            kept = true;
          },
        },
      };
    } else if (route.body) {
      body = parseOr400(route.body.schema, await readJsonBody(c), 'body');
    }
    if (route.ifMatch && !c.req.header('if-match')) {
      throw new HttpProblem('precondition_required', {
        vi: 'Gửi kèm If-Match với ETag của phiên bản đang sửa.',
        en: 'Send If-Match with the ETag of the version you are changing.',
      });
    }
    c.set('input', { params, query, body, file });
    if (!file) return next();
    const received = file.received;
    try {
      await next();
    } finally {
      await received.discard().catch(() => undefined);
      if (kept && (c.error || c.res.status >= 400)) {
        await noteOrphanFile(uploads.db, received.sha256).catch(() => undefined);
      }
    }
  };
}

/** The text fields of an upload: `requirementCode`, and a file must have come with it. */
function uploadFields(
  fields: Readonly<Record<string, string>>,
  fileName: string,
  received: ReceivedFile | undefined,
): { body: { requirementCode: string }; received: ReceivedFile } {
  const requirementCode = fields.requirementCode;
  const errors: LocalizedFieldError[] = [];
  if (typeof requirementCode !== 'string' || requirementCode === '') {
    errors.push({
      path: 'requirementCode',
      code: 'required',
      message: { vi: 'Thiếu mã giấy tờ.', en: 'requirementCode is required.' },
    });
  }
  if (!received) {
    errors.push({
      path: 'file',
      code: 'required',
      message: { vi: 'Chọn một tệp.', en: 'Choose a file.' },
    });
  }
  if (errors.length) {
    throw new HttpProblem(
      'validation',
      { vi: 'Thiếu dữ liệu tải lên.', en: 'The upload is incomplete.' },
      { errors },
    );
  }
  const body = { requirementCode: requirementCode as string };
  refuseBadStrings({ ...body, name: fileName }, 'body');
  return { body, received: received as ReceivedFile };
}

/**
 * A changing request runs in one transaction, committed when it answers and rolled back when
 * it fails — with its idempotency record, so a retry after a failure runs again. A reading
 * request uses the database directly.
 */
export function unitOfWork(route: RouteDefinition, db: Database): MiddlewareHandler<AppEnv> {
  if (route.method === 'get') {
    return async (c, next) => {
      c.set('db', db);
      await next();
    };
  }
  return async (c, next) => {
    await db.transaction(async (tx) => {
      c.set('db', tx);
      await next();
      // Hono turned the handler's error into a problem answer already; roll back all the same.
      if (c.error) throw c.error;
    });
  };
}

function singleValues(queries: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(queries).map(([key, values]) => [key, values[0] ?? '']));
}
