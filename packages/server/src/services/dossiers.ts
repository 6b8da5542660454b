import { randomInt, randomUUID } from 'node:crypto';
import {
  Applicant,
  type CreateDossierRequest,
  type Dossier,
  type FormDefinition,
  type Locale,
  type LocalizedText,
  type Page,
  type Procedure,
  type SupplementRequest,
  transition,
  type UpdateDossierRequest,
  validateFormData,
} from '@egov-kit/schema';
import * as z from 'zod/mini';
import type { Queryable } from '../db/database.js';
import type { Principal } from '../http/auth.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { loadDossier } from './access.js';
import { fileAnswers, foreignAttachments } from './attachment-refs.js';
import { movedDueAt, resumeClock } from './clock.js';
import { DomainError, type DomainFieldError } from './domain-error.js';
import { deleteDossierRows } from './dossier-deletion.js';
import { type DossierRow, dossierFromRow, etagOf, stateOf } from './dossier-rows.js';
import { actorOf, recordEvent } from './events.js';
import { getForm, getProcedureWithForm } from './procedures.js';
import {
  citizenLock,
  DEFAULT_UPLOAD_LIMITS,
  draftQuotaError,
  type UploadLimits,
} from './quotas.js';
import { refuseTransition } from './transition-problem.js';

/** A dossier and its ETag, as handlers answer them. */
export interface DossierResult {
  readonly dossier: Dossier;
  readonly etag: string;
}

const result = (row: DossierRow): DossierResult => ({
  dossier: dossierFromRow(row),
  etag: etagOf(row),
});

/** Creates a draft for the signed-in citizen, within their quota of drafts. */
export async function createDraft(
  tx: Queryable,
  principal: Principal,
  request: CreateDossierRequest,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<DossierResult> {
  // The procedure and the form of the case asked for (its first by default), and the citizen's
  // lock — their drafts are counted under it, by the insert: one statement.
  const { procedure, form } = await getProcedureWithForm(
    tx,
    request.procedureCode,
    { caseCode: request.caseCode },
    { sql: citizenLock, param: principal.id },
  );
  const procedureCase = request.caseCode
    ? procedure.cases.find((c) => c.code === request.caseCode)
    : procedure.cases[0];
  if (!procedureCase) {
    throw new DomainError(
      'invalid',
      { vi: 'Thủ tục không có trường hợp này.', en: 'The procedure has no such case.' },
      {
        errors: [
          {
            path: 'caseCode',
            code: 'unknown',
            message: { vi: 'Trường hợp không tồn tại.', en: 'Unknown case.' },
          },
        ],
      },
    );
  }
  const channels = procedureCase.channels.map((c) => c.channel);
  const channel =
    request.channel ?? (channels.includes('online') ? 'online' : (channels[0] ?? 'online'));
  if (channels.length && !channels.includes(channel)) {
    throw new DomainError(
      'invalid',
      {
        vi: 'Trường hợp này không nhận hồ sơ qua kênh đã chọn.',
        en: 'This case does not accept that channel.',
      },
      {
        errors: [
          {
            path: 'channel',
            code: 'unavailable',
            message: {
              vi: `Chọn một trong: ${channels.join(', ')}.`,
              en: `Choose one of: ${channels.join(', ')}.`,
            },
          },
        ],
      },
    );
  }
  if (!form) {
    throw new DomainError('not_found', {
      vi: `Chưa có biểu mẫu cho thủ tục ${procedure.code}.`,
      en: `No form is set up for procedure ${procedure.code}.`,
    });
  }
  const now = new Date().toISOString();
  const id = randomUUID();
  const formData = request.formData ?? {};
  // One statement: the citizen's drafts counted (under their lock, taken by the statement
  // before), the draft written if they have room, and its event — a creation notifies nobody
  // (`eventNotifies`), so recordEvent would write the event alone. The answers are not read
  // back: the row's are the request's.
  const [row] = await tx.query<DossierRow & { drafts: number; created: boolean }>(
    `with drafts as (
       select count(*)::int as n from dossiers where owner_id = $2 and status = 'draft'),
     created as (
       insert into dossiers (id, owner_id, procedure_code, case_code, form_id, form_version, channel, applicant, form_data,
         documents, status, created_at, updated_at)
       select $1, $2, $3, $4, $5, $6, $7, $8, $9, '[]', 'draft', $10, $10 from drafts where n < $11
       returning ${COLUMNS_BUT_FORM_DATA}),
     event as (
       insert into dossier_events (id, dossier_id, action, from_status, to_status, actor, at, attachment_ids)
       select $12, id, 'create', null, 'draft', $13, $10, '[]' from created)
     select created.*, drafts.n as drafts, created.id is not null as created
     from drafts left join created on true`,
    [
      id,
      principal.id,
      procedure.code,
      procedureCase.code,
      form.id,
      form.version,
      channel,
      request.applicant ? JSON.stringify(request.applicant) : null,
      JSON.stringify(formData),
      now,
      limits.draftsPerCitizen,
      randomUUID(),
      JSON.stringify(actorOf(principal)),
    ],
  );
  if (!row?.created) throw draftQuotaError(row?.drafts ?? 0, limits);
  return result({ ...row, form_data: formData });
}

/**
 * Every column of a dossier but its answers, for a statement that writes them: they are what
 * was just written (the largest value of the row, parsed again for nothing).
 */
const COLUMNS_BUT_FORM_DATA = `id, code, verifier, owner_id, procedure_code, case_code, form_id, form_version, channel,
  applicant, documents, status, agency_code, step, created_at, updated_at, submitted_at, received_at, due_at,
  completed_at, returned_at, paused_since, outcome, pending_fees, payment_request_id, payment_due_at, version`;

/** A dossier the caller may see. */
export async function getDossier(
  db: Queryable,
  principal: Principal,
  id: string,
): Promise<DossierResult> {
  return result(await loadDossier(db, principal, id));
}

/** Changes a draft, if `ifMatch` names its current version. */
export async function updateDraft(
  tx: Queryable,
  principal: Principal,
  id: string,
  ifMatch: string,
  request: UpdateDossierRequest,
): Promise<DossierResult> {
  const row = await ownDraft(tx, principal, id, ifMatch, {
    vi: 'Hồ sơ đã nộp không sửa được; hãy bổ sung khi được yêu cầu.',
    en: 'A submitted dossier cannot be edited; supply documents when asked.',
  });
  if (request.documents) await checkAttachments(tx, row.id, request.documents);
  const [updated] = await tx.query<DossierRow>(
    `update dossiers set applicant = coalesce($2, applicant), form_data = coalesce($3, form_data),
       documents = coalesce($4, documents), updated_at = now(), version = version + 1
     where id = $1 returning *`,
    [
      id,
      request.applicant ? JSON.stringify(request.applicant) : null,
      request.formData ? JSON.stringify(request.formData) : null,
      request.documents ? JSON.stringify(request.documents) : null,
    ],
  );
  return result(updated as DossierRow);
}

/**
 * Deletes a draft at its applicant's request (a draft lives only with the applicant: nobody
 * else has seen it), with its attachments; their files follow once nothing names them. Needs
 * the current ETag, so that a draft changed in another tab is not deleted unseen. A submitted
 * dossier is part of the record and is never deleted: it is withdrawn.
 */
export async function deleteDraft(
  tx: Queryable,
  principal: Principal,
  id: string,
  ifMatch: string,
): Promise<void> {
  const row = await ownDraft(tx, principal, id, ifMatch, {
    vi: 'Hồ sơ đã nộp không xóa được; có thể rút hồ sơ nếu chưa có kết quả.',
    en: 'A submitted dossier cannot be deleted; it can be withdrawn before its result.',
  });
  await deleteDossierRows(tx, [row.id]);
}

/**
 * The caller's own draft, locked, at the version `ifMatch` names; `notDraft` says why a dossier
 * that is no longer a draft cannot be changed this way (409 `not_a_draft`).
 */
async function ownDraft(
  tx: Queryable,
  principal: Principal,
  id: string,
  ifMatch: string,
  notDraft: LocalizedText,
): Promise<DossierRow> {
  const row = await loadDossier(tx, principal, id, { lock: true });
  ownerOnly(principal, row);
  checkIfMatch(row, ifMatch);
  if (row.status !== 'draft') {
    throw new DomainError('conflict', notDraft, { subcode: 'not_a_draft' });
  }
  return row;
}

/**
 * Submits a draft: the machine must allow it, and the applicant, the answers (against the
 * case's FormDefinition, as the browser checked them) and the required documents must be
 * complete — otherwise a 422 lists every problem. Assigns the receipt code and verifier and the
 * receiving agency.
 */
export async function submitDossier(
  tx: Queryable,
  principal: Principal,
  id: string,
  ifMatch: string,
  locale: Locale,
): Promise<DossierResult> {
  const row = await loadDossier(tx, principal, id, { lock: true });
  ownerOnly(principal, row);
  checkIfMatch(row, ifMatch);
  const step = transition(stateOf(row), { action: 'submit', actor: 'citizen' });
  if (!step.ok) throw refuseTransition(step.error);
  const { procedure, form: bound } = await getProcedureWithForm(tx, row.procedure_code, {
    formId: row.form_id,
  });
  if (!bound) throw new Error(`form ${row.form_id} is missing`);
  const form = bound;
  const errors: DomainFieldError[] = [];
  const applicant = z.safeParse(Applicant, row.applicant);
  if (!applicant.success) {
    errors.push({
      path: 'applicant',
      code: row.applicant ? 'invalid' : 'required',
      message: {
        vi: 'Nhập đầy đủ thông tin người nộp hồ sơ.',
        en: 'Complete the applicant’s details.',
      },
    });
  }
  const answers = validateFormData(form, row.form_data, { locale });
  if (!answers.ok)
    errors.push(...answers.errors.map((e) => ({ ...e, path: `formData.${e.path}` })));
  else errors.push(...(await foreignAttachments(tx, row.id, fileAnswers(form, answers.value))));
  errors.push(...missingDocuments(procedure, row));
  if (errors.length) {
    throw new DomainError(
      'incomplete',
      {
        vi: `Hồ sơ còn ${errors.length} chỗ cần sửa trước khi nộp.`,
        en: `${errors.length} thing(s) to fix before submitting.`,
      },
      { errors },
    );
  }
  const now = new Date().toISOString();
  const levels = agencyLevels(procedure, applicant.success ? applicant.data : undefined);
  // One statement: the receipt's number from the sequence (HS-yymmdd-000123, the day in
  // Vietnam) and the receiving agency — of the applicant's commune or province when the
  // procedure is carried out at that level and such an agency is registered, else the first
  // level's default, else any — are worked out where they are written.
  const formData = answers.ok ? answers.value : row.form_data;
  const [written] = await tx.query<DossierRow>(
    `with seq as (select nextval('dossier_code_seq')::text as n)
     update dossiers set status = 'submitted',
       code = 'HS-' || $2 || '-' || case when length(seq.n) >= 6 then seq.n else lpad(seq.n, 6, '0') end,
       verifier = $3,
       agency_code = coalesce(
         (select a.code from agencies a
            join unnest($6::text[], $7::text[]) with ordinality as l(level, unit, rank)
              on a.level = l.level
          order by l.rank, (a.unit_code = l.unit) desc nulls last, a.code limit 1),
         (select code from agencies order by code limit 1)),
       form_data = $4, submitted_at = $5, updated_at = $5, version = version + 1
     from seq where id = $1 returning ${COLUMNS_BUT_FORM_DATA}`,
    [
      id,
      receiptDay(now),
      newVerifier(),
      JSON.stringify(formData),
      now,
      levels.map((l) => l.level),
      levels.map((l) => l.unit),
    ],
  );
  const updated = { ...(written as DossierRow), form_data: formData };
  await recordEvent(
    tx,
    id,
    'submit',
    'draft',
    'submitted',
    principal,
    now,
    {},
    {
      dossier: updated,
      procedure,
    },
  );
  return result(updated);
}

/** The citizen withdraws a dossier they submitted. */
export async function withdrawDossier(
  tx: Queryable,
  principal: Principal,
  id: string,
  reason: string,
): Promise<DossierResult> {
  const row = await loadDossier(tx, principal, id, { lock: true });
  ownerOnly(principal, row);
  const step = transition(stateOf(row), { action: 'withdraw', actor: 'citizen', note: reason });
  if (!step.ok) throw refuseTransition(step.error);
  const now = new Date().toISOString();
  await resumeClock(tx, row, now);
  const [updated] = await tx.query<DossierRow>(
    `update dossiers set status = 'withdrawn', completed_at = $2, paused_since = null, updated_at = $2,
       version = version + 1 where id = $1 returning *`,
    [id, now],
  );
  await recordEvent(
    tx,
    id,
    'withdraw',
    row.status,
    'withdrawn',
    principal,
    now,
    { note: reason },
    { dossier: updated },
  );
  return result(updated as DossierRow);
}

/**
 * The citizen supplies what was asked: the documents are merged in, the clock restarts and the
 * due date moves by the time spent waiting.
 */
export async function supplementDossier(
  tx: Queryable,
  principal: Principal,
  id: string,
  request: SupplementRequest,
  locale: Locale,
): Promise<DossierResult> {
  const row = await loadDossier(tx, principal, id, { lock: true });
  ownerOnly(principal, row);
  const step = transition(stateOf(row), { action: 'supplement', actor: 'citizen' });
  if (!step.ok) throw refuseTransition(step.error);
  await checkAttachments(tx, row.id, request.documents);
  const documents = mergeDocuments(row.documents, request.documents);
  let formData = row.form_data;
  if (request.formData) {
    const form = await formOf(tx, row.form_id);
    const answers = validateFormData(form, { ...row.form_data, ...request.formData }, { locale });
    const errors = answers.ok
      ? await foreignAttachments(tx, row.id, fileAnswers(form, answers.value))
      : answers.errors.map((e) => ({ ...e, path: `formData.${e.path}` }));
    if (errors.length) {
      throw new DomainError(
        'incomplete',
        { vi: 'Thông tin bổ sung chưa hợp lệ.', en: 'The supplied answers are not valid.' },
        { errors },
      );
    }
    formData = answers.value;
  }
  const now = new Date().toISOString();
  await resumeClock(tx, row, now);
  const dueAt = await movedDueAt(tx, row);
  const [updated] = await tx.query<DossierRow>(
    `update dossiers set status = $2, documents = $3, form_data = $4, paused_since = null, due_at = $5,
       updated_at = $6, version = version + 1 where id = $1 returning *`,
    [id, step.value.to, JSON.stringify(documents), JSON.stringify(formData), dueAt, now],
  );
  await recordEvent(
    tx,
    id,
    'supplement',
    row.status,
    step.value.to,
    principal,
    now,
    {
      note: request.note,
      attachmentIds: request.documents.flatMap((d) => d.attachmentIds),
      ...(dueAt && dueAt !== row.due_at ? { dueAt } : {}),
    },
    { dossier: updated },
  );
  return result(updated as DossierRow);
}

/** The signed-in citizen's dossiers, newest first. */
export async function listMyDossiers(
  db: Queryable,
  principal: Principal,
  query: { status?: string | undefined; cursor?: string | undefined; limit?: number | undefined },
): Promise<Page<Dossier>> {
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
  const params: unknown[] = [principal.id];
  let where = 'owner_id = $1';
  if (query.status) {
    params.push(query.status);
    where += ` and status = $${params.length}`;
  }
  if (after) {
    params.push(after[0], after[1]);
    where += ` and (created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
  }
  params.push(limit + 1);
  const rows = await db.query<DossierRow>(
    `select * from dossiers where ${where} order by created_at desc, id desc limit $${params.length}`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => dossierFromRow(row)),
    nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
  };
}

export function ownerOnly(principal: Principal, row: DossierRow): void {
  if (principal.role !== 'citizen' || row.owner_id !== principal.id) {
    throw new DomainError('forbidden', {
      vi: 'Chỉ người nộp hồ sơ mới thực hiện được thao tác này.',
      en: 'Only the applicant can do this.',
    });
  }
}

function checkIfMatch(row: DossierRow, ifMatch: string): void {
  const tags = ifMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (!tags.includes(etagOf(row)) && !tags.includes('*')) {
    throw new DomainError(
      'stale',
      {
        vi: 'Hồ sơ đã được sửa ở nơi khác (ví dụ một thẻ khác). Tải lại để xem bản mới nhất rồi sửa tiếp.',
        en: 'The dossier was changed elsewhere (another tab, perhaps). Reload the latest version and apply your change again.',
      },
      { currentVersion: etagOf(row) },
    );
  }
}

async function formOf(db: Queryable, formId: string): Promise<FormDefinition> {
  const form = await getForm(db, formId);
  if (!form) throw new Error(`form ${formId} is missing`);
  return form;
}

function missingDocuments(procedure: Procedure, row: DossierRow): DomainFieldError[] {
  const procedureCase = procedure.cases.find((c) => c.code === row.case_code);
  const supplied = new Set(
    row.documents.filter((d) => d.attachmentIds.length > 0).map((d) => d.requirementCode),
  );
  return (
    (procedureCase?.documents ?? [])
      // A document the application form stands for online (the declaration) is not uploaded.
      .filter((doc) => doc.required && !doc.onlineForm && !supplied.has(doc.code))
      .map((doc) => ({
        path: `documents.${doc.code}`,
        code: 'required',
        message: { vi: `Đính kèm: ${doc.name}`, en: `Attach: ${doc.name}` },
      }))
  );
}

/** Every attachment named must exist and belong to this dossier. */
async function checkAttachments(
  tx: Queryable,
  dossierId: string,
  documents: readonly Dossier['documents'][number][],
) {
  const ids = [...new Set(documents.flatMap((d) => d.attachmentIds))];
  if (!ids.length) return;
  const found = await tx.query<{ id: string }>(
    'select id from attachments where dossier_id = $1 and id = any($2::uuid[])',
    [dossierId, ids],
  );
  const known = new Set(found.map((r) => r.id));
  const unknown = ids.filter((attachment) => !known.has(attachment));
  if (unknown.length) {
    throw new DomainError(
      'invalid',
      {
        vi: 'Có tệp đính kèm không thuộc hồ sơ này.',
        en: 'Some attachments do not belong to this dossier.',
      },
      {
        errors: unknown.map((attachment) => ({
          path: 'documents',
          code: 'unknown_attachment',
          message: { vi: `Không có tệp ${attachment}.`, en: `No attachment ${attachment}.` },
        })),
      },
    );
  }
}

function mergeDocuments(
  current: Dossier['documents'],
  added: Dossier['documents'],
): Dossier['documents'] {
  const byCode = new Map(current.map((d) => [d.requirementCode, [...d.attachmentIds]]));
  for (const doc of added) {
    const ids = byCode.get(doc.requirementCode) ?? [];
    for (const attachment of doc.attachmentIds) if (!ids.includes(attachment)) ids.push(attachment);
    byCode.set(doc.requirementCode, ids);
  }
  return [...byCode].map(([requirementCode, attachmentIds]) => ({
    requirementCode,
    attachmentIds,
  }));
}

/** The day part of the receipt code `HS-260213-000042`: yymmdd of submission, in Vietnam (UTC+7). */
function receiptDay(at: string): string {
  return new Date(Date.parse(at) + 7 * 3_600_000).toISOString().slice(2, 10).replaceAll('-', '');
}

const VERIFIER_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The verifier printed on the receipt: 8 characters that cannot be misread (no 0/O, 1/I). */
function newVerifier(): string {
  return Array.from(
    { length: 8 },
    () => VERIFIER_ALPHABET[randomInt(VERIFIER_ALPHABET.length)],
  ).join('');
}

/**
 * Where the receiving agency is looked for, in order: the applicant's commune, then province,
 * then the ministry — each only when the procedure is carried out at that level.
 */
function agencyLevels(
  procedure: Procedure,
  applicant: z.infer<typeof Applicant> | undefined,
): { level: string; unit: string | null }[] {
  const units = {
    commune: applicant?.address.communeCode,
    province: applicant?.address.provinceCode,
    ministry: undefined,
  } as const;
  return (['commune', 'province', 'ministry'] as const)
    .filter((level) => procedure.levels.includes(level))
    .map((level) => ({ level, unit: units[level] ?? null }));
}
