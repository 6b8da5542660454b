import type {
  CreateDossierRequest,
  CreatePaymentRequest,
  ListProceduresQuery,
  Locale,
  LookupQuery,
  OfficerActionRequest,
  ROUTES,
  SatisfactionResponse,
  StatisticsQuery,
  SupplementRequest,
  UpdateDossierRequest,
  WithdrawRequest,
} from '@egov-kit/schema';
import {
  getCommune,
  getProvince,
  listCommunes,
  listProvinces,
  searchUnits,
} from '@egov-kit/schema/units';
import type { Database, Queryable } from '../db/database.js';
import { downloadAttachment, uploadAttachment } from '../services/attachments.js';
import {
  createDraft,
  getDossier,
  listMyDossiers,
  submitDossier,
  supplementDossier,
  updateDraft,
  withdrawDossier,
} from '../services/dossiers.js';
import { listEvents } from '../services/events.js';
import type { FileStore } from '../services/file-store.js';
import { lookupDossier } from '../services/lookup.js';
import { listAgencyDossiers, takeOfficerAction } from '../services/officer.js';
import { createPayment, listPayments } from '../services/payments.js';
import { getProcedure, getProcedureForm, listProcedures } from '../services/procedures.js';
import { onTimeStatistics } from '../services/statistics.js';
import { answerSurvey, getSurvey } from '../services/surveys.js';
import type { Principal } from './auth.js';
import { HttpProblem } from './problem.js';
import { rateLimit } from './rate-limit.js';

/** What a handler answers; the app turns it into a JSON response. */
export interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly etag?: string | undefined;
}

/** What a handler gets: the parsed request and the services around it. */
export interface HandlerContext {
  /** The transaction of a changing request, or the database for a reading one. */
  readonly db: Queryable;
  readonly database: Database;
  readonly files: FileStore;
  readonly principal: Principal | undefined;
  readonly locale: Locale;
  readonly params: Record<string, string>;
  readonly query: Record<string, unknown>;
  readonly body: unknown;
  readonly ifMatch: string | undefined;
  readonly clientAddress: string;
  /** The uploaded file of a multipart request. */
  readonly file?: { readonly name: string; readonly bytes: Uint8Array } | undefined;
}

/** A JSON reply, or a Response a handler builds itself (a file download). */
type Handler = (context: HandlerContext) => Promise<Reply | Response>;

const ok = (body: unknown, etag?: string): Reply => ({ status: 200, body, etag });
const created = (body: unknown, etag?: string): Reply => ({ status: 201, body, etag });
const user = (context: HandlerContext): Principal => context.principal as Principal; // the route's auth guarantees it

/** Lookups allowed per client address per minute: enough for a person, too few to guess verifiers. */
const LOOKUPS_PER_MINUTE = 10;

/**
 * One handler per operation of the route table in `@egov-kit/schema`. The app validates
 * everything the table declares (auth, params, query, body, If-Match, Idempotency-Key) before a
 * handler runs; handlers hold only the operation's own logic, in the services.
 */
export const HANDLERS = {
  getHealth: async () => ok({ status: 'ok', time: new Date().toISOString() }),
  listProcedures: async (c) => ok(await listProcedures(c.db, c.query as ListProceduresQuery)),
  getProcedure: async (c) => ok(await getProcedure(c.db, c.params.code as string)),
  getProcedureForm: async (c) =>
    ok(await getProcedureForm(c.db, c.params.code as string, c.query.case as string | undefined)),
  searchUnits: async (c) => {
    const { q, province, level } = c.query as {
      q?: string;
      province?: string;
      level?: 'province' | 'commune';
    };
    if (q) return ok({ items: searchUnits(q, { level, provinceCode: province, limit: 50 }) });
    if (province) return ok({ items: listCommunes(province) });
    return ok({ items: listProvinces() });
  },
  getUnit: async (c) => {
    const code = c.params.code as string;
    const unit = code.length === 2 ? getProvince(code) : getCommune(code);
    if (!unit)
      throw new HttpProblem('not_found', {
        vi: `Không có đơn vị hành chính mã ${code}.`,
        en: `No administrative unit ${code}.`,
      });
    return ok(unit);
  },
  listAgencies: async (c) => {
    const { unit, level } = c.query as { unit?: string; level?: string };
    const rows = await c.db.query<{
      code: string;
      name: string;
      level: string;
      unit_code: string | null;
      parent_code: string | null;
    }>(
      `select * from agencies where ($1::text is null or unit_code = $1) and ($2::text is null or level = $2) order by code`,
      [unit ?? null, level ?? null],
    );
    return ok({
      items: rows.map((row) => ({
        code: row.code,
        name: row.name,
        level: row.level,
        ...(row.unit_code ? { unitCode: row.unit_code } : {}),
        ...(row.parent_code ? { parentCode: row.parent_code } : {}),
      })),
    });
  },
  createDossier: async (c) => {
    const { dossier, etag } = await createDraft(c.db, user(c), c.body as CreateDossierRequest);
    return created(dossier, etag);
  },
  listMyDossiers: async (c) => ok(await listMyDossiers(c.db, user(c), c.query)),
  getDossier: async (c) => {
    const { dossier, etag } = await getDossier(c.db, user(c), c.params.id as string);
    return ok(dossier, etag);
  },
  updateDossier: async (c) => {
    const result = await updateDraft(
      c.db,
      user(c),
      c.params.id as string,
      c.ifMatch as string,
      c.body as UpdateDossierRequest,
    );
    return ok(result.dossier, result.etag);
  },
  submitDossier: async (c) => {
    const result = await submitDossier(
      c.db,
      user(c),
      c.params.id as string,
      c.ifMatch as string,
      c.locale,
    );
    return ok(result.dossier, result.etag);
  },
  withdrawDossier: async (c) =>
    ok(
      (
        await withdrawDossier(
          c.db,
          user(c),
          c.params.id as string,
          (c.body as WithdrawRequest).reason,
        )
      ).dossier,
    ),
  supplementDossier: async (c) =>
    ok(
      (
        await supplementDossier(
          c.db,
          user(c),
          c.params.id as string,
          c.body as SupplementRequest,
          c.locale,
        )
      ).dossier,
    ),
  listDossierEvents: async (c) => {
    await getDossier(c.db, user(c), c.params.id as string);
    return ok({ items: await listEvents(c.db, c.params.id as string) });
  },
  uploadAttachment: async (c) => {
    const { requirementCode } = c.body as { requirementCode: string };
    if (!c.file) {
      throw new HttpProblem(
        'validation',
        { vi: 'Chưa chọn tệp.', en: 'No file was sent.' },
        {
          errors: [
            {
              path: 'file',
              code: 'required',
              message: { vi: 'Chọn một tệp.', en: 'Choose a file.' },
            },
          ],
        },
      );
    }
    const attachment = await uploadAttachment(c.db, c.files, user(c), c.params.id as string, {
      fileName: c.file.name,
      bytes: c.file.bytes,
      requirementCode,
    });
    return created(attachment);
  },
  // A file, not JSON: the handler answers the Response itself.
  downloadAttachment: async (c) => {
    const { attachment, bytes } = await downloadAttachment(
      c.db,
      c.files,
      c.principal,
      c.params.id as string,
      c.query as { code?: string; verifier?: string },
    );
    return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
      headers: {
        'content-type': attachment.mediaType,
        'content-length': String(bytes.byteLength),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, max-age=0',
      },
    });
  },
  listPayments: async (c) =>
    ok({ items: await listPayments(c.db, user(c), c.params.id as string) }),
  createPayment: async (c) =>
    created(
      await createPayment(
        c.db,
        user(c),
        c.params.id as string,
        (c.body as CreatePaymentRequest).provider,
      ),
    ),
  getSurvey: async (c) => ok(await getSurvey(c.db, user(c), c.params.id as string)),
  answerSurvey: async (c) =>
    created(
      await answerSurvey(c.db, user(c), c.params.id as string, c.body as SatisfactionResponse),
    ),
  lookupDossier: async (c) => {
    await rateLimit(c.database, `lookup:${c.clientAddress}`, LOOKUPS_PER_MINUTE, 60);
    const { code, verifier } = c.query as LookupQuery;
    return ok(await lookupDossier(c.db, code, verifier));
  },
  getOnTimeStatistics: async (c) => ok(await onTimeStatistics(c.db, c.query as StatisticsQuery)),
  listAgencyDossiers: async (c) => ok(await listAgencyDossiers(c.db, user(c), c.query)),
  takeOfficerAction: async (c) => {
    const result = await takeOfficerAction(
      c.db,
      user(c),
      c.params.id as string,
      c.body as OfficerActionRequest,
    );
    return ok(result.dossier, result.etag);
  },
} satisfies Record<(typeof ROUTES)[number]['operationId'], Handler>;
