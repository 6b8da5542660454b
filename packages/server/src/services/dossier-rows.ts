import {
  type Dossier,
  type DossierEvent,
  type DossierStatus,
  type Fee,
  nationalStatusCode,
} from '@egov-kit/schema';

/** A `dossiers` row as the drivers return it. */
export interface DossierRow {
  id: string;
  code: string | null;
  verifier: string | null;
  owner_id: string;
  procedure_code: string;
  case_code: string;
  form_id: string;
  form_version: number;
  channel: Dossier['channel'];
  applicant: Dossier['applicant'] | null;
  form_data: Record<string, unknown>;
  documents: Dossier['documents'];
  status: DossierStatus;
  agency_code: string | null;
  step: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  received_at: string | null;
  due_at: string | null;
  completed_at: string | null;
  returned_at: string | null;
  paused_since: string | null;
  outcome: Dossier['outcome'] | null;
  pending_fees: unknown;
  /** The fee request being paid (one paid payment each) and the time to pay it by. */
  payment_request_id?: string | null;
  payment_due_at?: string | null;
  version: number;
}

/** The dossier a row stands for, with the derived fields: national code and overdue. */
export function dossierFromRow(row: DossierRow, now: Date = new Date()): Dossier {
  const optional = <K extends string, V>(key: K, value: V | null | undefined) =>
    value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>);
  return {
    id: row.id,
    ...optional('code', row.code),
    ...optional('verifier', row.verifier),
    procedureCode: row.procedure_code,
    caseCode: row.case_code,
    formId: row.form_id,
    formVersion: row.form_version,
    channel: row.channel,
    ...optional('applicant', row.applicant),
    formData: row.form_data,
    documents: row.documents,
    status: row.status,
    nationalStatusCode: nationalStatusCode(row.status),
    ...optional('agencyCode', row.agency_code),
    ...optional('step', row.step),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...optional('submittedAt', row.submitted_at),
    ...optional('receivedAt', row.received_at),
    ...optional('dueAt', row.due_at),
    ...optional('completedAt', row.completed_at),
    ...optional('returnedAt', row.returned_at),
    ...optional('pausedSince', row.paused_since),
    overdue: isOverdue(row, now),
    ...optional(
      'pendingFees',
      row.status === 'awaiting_payment' ? (row.pending_fees as Fee[] | null) : null,
    ),
    ...optional(
      'paymentDueAt',
      row.status === 'awaiting_payment' && row.payment_due_at
        ? new Date(row.payment_due_at).toISOString()
        : null,
    ),
    ...optional('outcome', row.outcome),
    version: row.version,
  };
}

/**
 * Overdue is derived, never stored (DESIGN.md): past the due date and not completed by then.
 * The clock stops while the dossier waits for the citizen, so a paused dossier is late only if it
 * was late when it paused.
 */
export function isOverdue(
  row: Pick<DossierRow, 'due_at' | 'completed_at' | 'paused_since'>,
  now: Date = new Date(),
): boolean {
  if (!row.due_at) return false;
  const end = row.completed_at ?? row.paused_since ?? now.toISOString();
  return Date.parse(end) > Date.parse(row.due_at);
}

/** The ETag of a dossier version. */
export function etagOf(row: Pick<DossierRow, 'id' | 'version'>): string {
  return `"${row.id}.${row.version}"`;
}

/** A `dossier_events` row. */
export interface EventRow {
  id: string;
  dossier_id: string;
  action: string;
  from_status: DossierStatus | null;
  to_status: DossierStatus;
  actor: DossierEvent['actor'];
  at: string;
  note: string | null;
  due_at: string | null;
  notice: DossierEvent['notice'] | null;
  attachment_ids: string[];
}

/** The event a row stands for. */
export function eventFromRow(row: EventRow): DossierEvent {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    actor: row.actor,
    at: row.at,
    ...(row.note !== null ? { note: row.note } : {}),
    ...(row.due_at !== null ? { dueAt: row.due_at } : {}),
    ...(row.notice !== null ? { notice: row.notice } : {}),
    attachmentIds: row.attachment_ids,
  };
}

/** What the status machine needs to know of a row. */
export function stateOf(row: Pick<DossierRow, 'status' | 'received_at'>) {
  return { status: row.status, receivedAt: row.received_at };
}
