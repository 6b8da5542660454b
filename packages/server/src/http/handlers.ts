import type { Locale, ROUTES } from '@egov-kit/schema';
import {
  getCommune,
  getProvince,
  listCommunes,
  listProvinces,
  searchUnits,
} from '@egov-kit/schema/units';
import type * as z from 'zod/mini';
import type { Database, Queryable } from '../db/database.js';
import { NOTIFICATION_HANDLERS } from '../notifications/handlers.js';
import type { WebhookTargetPolicy } from '../notifications/webhook-target.js';
import type { PaymentProviders } from '../payments/provider.js';
import { downloadAttachment, uploadAttachment } from '../services/attachments.js';
import {
  createDraft,
  deleteDraft,
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
import { paymentReceiptPdf } from '../services/payment-receipt.js';
import { createPayment, getPayment, listPayments, reconcilePayment } from '../services/payments.js';
import { getProcedure, getProcedureForm, listProcedures } from '../services/procedures.js';
import type { UploadLimits } from '../services/quotas.js';
import { serviceStatistics } from '../services/service-statistics.js';
import { onTimeStatistics } from '../services/statistics.js';
import {
  answerSurvey,
  getSurvey,
  getSurveyStatus,
  type SurveyOptions,
} from '../services/surveys.js';
import type { Principal } from './auth.js';
import type { UploadedFile } from './env.js';
import { DOWNLOAD_CSP } from './middleware/security-headers.js';
import { HttpProblem } from './problem.js';

/** What a handler answers; the app turns it into a JSON response. */
export interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly etag?: string | undefined;
}

type Route = (typeof ROUTES)[number];
/** The operation ids of the contract. */
export type OperationId = Route['operationId'];
type RouteOf<Op extends OperationId> = Extract<Route, { operationId: Op }>;
type Parsed<S> = S extends z.ZodMiniType ? z.infer<S> : Record<string, never>;

/**
 * What the handler of operation `Op` gets: the input as its route's schemas parse it (typed
 * from the route table, so a handler cannot read a field the contract does not declare), the
 * caller — present whenever the route is not public — and the services around it.
 */
export interface OperationContext<Op extends OperationId> {
  /** The transaction of a changing request, or the database for a reading one. */
  readonly db: Queryable;
  readonly database: Database;
  readonly files: FileStore;
  /** Limits per dossier and quotas per citizen. */
  readonly limits: UploadLimits;
  /** The satisfaction survey's deadline and the smallest group whose scores officers see. */
  readonly survey: SurveyOptions;
  /** The payment providers on offer. */
  readonly payments: PaymentProviders;
  /** A TrueType font covering Vietnamese for PDF receipts. */
  readonly receiptFont?: Uint8Array | undefined;
  /** Where webhook endpoints may point. */
  readonly webhookPolicy: WebhookTargetPolicy;
  /** This site's origin, e.g. `https://dichvucong.example.gov.vn` (for gateway return URLs). */
  readonly origin: string;
  readonly principal: RouteOf<Op>['auth'] extends 'public' ? Principal | undefined : Principal;
  readonly locale: Locale;
  readonly params: RouteOf<Op> extends { params: infer P } ? Parsed<P> : Record<string, never>;
  readonly query: RouteOf<Op> extends { query: infer Q } ? Parsed<Q> : Record<string, never>;
  readonly body: RouteOf<Op> extends { body: { schema: infer B } } ? Parsed<B> : undefined;
  readonly ifMatch: RouteOf<Op> extends { ifMatch: true } ? string : string | undefined;
  readonly clientAddress: string;
  /** The uploaded file of a multipart request, received into temporary storage. */
  readonly file?: UploadedFile | undefined;
}

/** A JSON reply, or a Response a handler builds itself (a file download). */
export type OperationHandler<Op extends OperationId> = (
  context: OperationContext<Op>,
) => Promise<Reply | Response>;

/** One handler per operation of the contract. */
export type Handlers = { readonly [Op in OperationId]: OperationHandler<Op> };

const ok = (body: unknown, etag?: string): Reply => ({ status: 200, body, etag });
const created = (body: unknown, etag?: string): Reply => ({ status: 201, body, etag });

/**
 * One handler per operation of the route table in `@egov-kit/schema`. The pipeline validates
 * everything the table declares (auth, params, query, body, If-Match, Idempotency-Key, rate
 * limits) before a handler runs; handlers hold only the operation's own logic, in the services.
 */
export const HANDLERS: Handlers = {
  ...NOTIFICATION_HANDLERS,
  getHealth: async () => ok({ status: 'ok', time: new Date().toISOString() }),
  listProcedures: async (c) => ok(await listProcedures(c.db, c.query, c.database)),
  getProcedure: async (c) => ok(await getProcedure(c.db, c.params.code)),
  getProcedureForm: async (c) => ok(await getProcedureForm(c.db, c.params.code, c.query.case)),
  searchUnits: async (c) => {
    const { q, province, level } = c.query;
    if (q) return ok({ items: searchUnits(q, { level, provinceCode: province, limit: 50 }) });
    if (province) return ok({ items: listCommunes(province) });
    return ok({ items: listProvinces() });
  },
  getUnit: async (c) => {
    const code = c.params.code;
    const unit = code.length === 2 ? getProvince(code) : getCommune(code);
    if (!unit)
      throw new HttpProblem('not_found', {
        vi: `Không có đơn vị hành chính mã ${code}.`,
        en: `No administrative unit ${code}.`,
      });
    return ok(unit);
  },
  listAgencies: async (c) => {
    const { unit, level } = c.query;
    const rows = await c.db.query<{
      code: string;
      name: string;
      level: string;
      unit_code: string | null;
      parent_code: string | null;
    }>(
      `select code, name, level, unit_code, parent_code from agencies
       where ($1::text is null or unit_code = $1) and ($2::text is null or level = $2) order by code`,
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
    const { dossier, etag } = await createDraft(c.db, c.principal, c.body, c.limits);
    return created(dossier, etag);
  },
  listMyDossiers: async (c) => ok(await listMyDossiers(c.db, c.principal, c.query)),
  getDossier: async (c) => {
    const { dossier, etag } = await getDossier(c.db, c.principal, c.params.id);
    return ok(dossier, etag);
  },
  updateDossier: async (c) => {
    const result = await updateDraft(c.db, c.principal, c.params.id, c.ifMatch, c.body);
    return ok(result.dossier, result.etag);
  },
  deleteDossier: async (c) => {
    await deleteDraft(c.db, c.principal, c.params.id, c.ifMatch);
    return new Response(null, { status: 204 });
  },
  submitDossier: async (c) => {
    const result = await submitDossier(c.db, c.principal, c.params.id, c.ifMatch, c.locale);
    return ok(result.dossier, result.etag);
  },
  withdrawDossier: async (c) =>
    ok((await withdrawDossier(c.db, c.principal, c.params.id, c.body.reason)).dossier),
  supplementDossier: async (c) =>
    ok((await supplementDossier(c.db, c.principal, c.params.id, c.body, c.locale)).dossier),
  listDossierEvents: async (c) => {
    await getDossier(c.db, c.principal, c.params.id);
    return ok({ items: await listEvents(c.db, c.params.id) });
  },
  uploadAttachment: async (c) => {
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
    const attachment = await uploadAttachment(
      c.db,
      c.principal,
      c.params.id,
      { fileName: c.file.name, file: c.file.received, requirementCode: c.body.requirementCode },
      c.limits,
    );
    return created(attachment);
  },
  // A file, not JSON: the handler answers the Response itself.
  downloadAttachment: async (c) => {
    const { attachment, file } = await downloadAttachment(
      c.db,
      c.files,
      c.principal,
      c.params.id,
      c.query,
    );
    // Streamed from storage: a download holds a chunk in memory, not the file.
    return new Response(file.stream(), {
      headers: {
        'content-type': attachment.mediaType,
        'content-length': String(file.size),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
        'content-security-policy': DOWNLOAD_CSP,
        'cache-control': 'private, no-store',
      },
    });
  },
  listPayments: async (c) => ok({ items: await listPayments(c.db, c.principal, c.params.id) }),
  createPayment: async (c) =>
    created(await createPayment(c.db, c.principal, c.params.id, c.body, c.payments, c.origin)),
  getPayment: async (c) => {
    let payment = await getPayment(c.db, c.principal, c.params.id, c.params.paymentId);
    // A late notification: ask the provider (a gateway can be asked; a bank's transfers not).
    if (await reconcilePayment(c.database, c.payments, payment)) {
      payment = await getPayment(c.database, c.principal, c.params.id, c.params.paymentId);
    }
    return new Response(JSON.stringify(payment), {
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    });
  },
  getPaymentReceipt: async (c) => {
    const { bytes, fileName } = await paymentReceiptPdf(
      c.db,
      c.principal,
      c.params.id,
      c.params.paymentId,
      c.receiptFont,
    );
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': 'application/pdf',
        'content-length': String(bytes.byteLength),
        'content-disposition': `attachment; filename="${fileName}"`,
        'content-security-policy': DOWNLOAD_CSP,
        'cache-control': 'private, no-store',
      },
    });
  },
  listPaymentMethods: async (c) => ok({ items: c.payments.methods() }),
  receivePaymentNotification: async () => {
    // Served by paymentNotificationHandler (a signature over the raw body), never by the pipeline.
    throw new Error('receivePaymentNotification goes through paymentNotificationHandler');
  },
  getSurvey: async (c) => ok(await getSurvey(c.db, c.principal, c.params.id)),
  getSurveyStatus: async (c) => ok(await getSurveyStatus(c.db, c.principal, c.params.id, c.survey)),
  answerSurvey: async (c) => {
    const result = await answerSurvey(c.db, c.principal, c.params.id, c.body, c.survey);
    return result.created ? created(result.response) : ok(result.response);
  },
  lookupDossier: async (c) => ok(await lookupDossier(c.db, c.query.code, c.query.verifier)),
  getOnTimeStatistics: async (c) => ok(await onTimeStatistics(c.db, c.query)),
  getServiceStatistics: async (c) =>
    ok(await serviceStatistics(c.db, c.principal, c.query, c.survey)),
  listAgencyDossiers: async (c) => ok(await listAgencyDossiers(c.db, c.principal, c.query)),
  takeOfficerAction: async (c) => {
    const result = await takeOfficerAction(c.db, c.principal, c.params.id, c.body);
    return ok(result.dossier, result.etag);
  },
};
