import { randomUUID } from 'node:crypto';
import type {
  DossierStatus,
  Fee,
  Notice,
  NotificationChannel,
  NotificationKind,
  Procedure,
} from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import type { DossierRow } from '../services/dossier-rows.js';

/**
 * What a message needs, copied from the dossier when the event happens, so that the message
 * says what was true then (a later change does not rewrite it) and the dispatcher needs no
 * access rules of its own. `verifier` is only ever set on the applicant's own notifications.
 */
export interface NotificationData {
  readonly dossierId: string;
  readonly code?: string | undefined;
  readonly verifier?: string | undefined;
  readonly procedureCode: string;
  readonly procedureName?: string | undefined;
  readonly status: DossierStatus;
  readonly action?: string | undefined;
  readonly agencyCode?: string | undefined;
  readonly agencyName?: string | undefined;
  readonly applicantName?: string | undefined;
  readonly submittedAt?: string | undefined;
  readonly receivedAt?: string | undefined;
  readonly dueAt?: string | undefined;
  readonly at: string;
  readonly note?: string | undefined;
  /** supplement_requested: the documents asked for, by name. */
  readonly documents?: readonly string[] | undefined;
  /** payment_requested: what to pay. */
  readonly fees?: readonly { name: string; amount: number }[] | undefined;
}

/** One row of the outbox to write. */
export interface OutgoingNotification {
  readonly kind: NotificationKind;
  readonly channel: NotificationChannel;
  readonly recipient: string;
  readonly locale: 'vi' | 'en';
  readonly data: NotificationData;
  /** Whose preferences chose this channel: the unsubscribe link turns their e-mails off. */
  readonly principalId?: string | undefined;
  readonly eventId?: string | undefined;
  /** Writing the same key twice writes one row: a sweep that runs twice a day sends once. */
  readonly dedupKey?: string | undefined;
}

/** The event just recorded, as `recordEvent` knows it. */
export interface RecordedEvent {
  readonly id: string;
  readonly dossierId: string;
  readonly action: string;
  readonly from: DossierStatus | null;
  readonly to: DossierStatus;
  readonly at: string;
  readonly note?: string | undefined;
  readonly dueAt?: string | undefined;
  readonly notice?: Notice | undefined;
  /** The agency of the officer who acted, if any. */
  readonly actorAgencyCode?: string | undefined;
}

/** What the applicant hears of an action (`refused` for both kinds of refusal). */
function citizenKinds(event: RecordedEvent, dossier: DossierRow): NotificationKind[] {
  switch (event.action) {
    case 'submit':
      return ['submitted'];
    case 'receive':
      return ['received'];
    case 'request_supplement':
      return ['supplement_requested'];
    case 'request_payment':
      return ['payment_requested'];
    case 'reject':
      return ['refused'];
    case 'resolve':
      return [dossier.outcome?.decision === 'refused' ? 'refused' : 'result_ready'];
    case 'return_result':
      // Returning the result opens the satisfaction survey (DESIGN.md, status machine).
      return ['returned', 'survey_invitation'];
    default:
      return [];
  }
}

/**
 * Writes the notifications an event calls for, in the event's own transaction: if the event is
 * committed so are they, and if it rolls back nobody hears of it — no path that records an event
 * can forget to notify, and no notification can announce what did not happen.
 *
 * - the applicant, for the kinds of `citizenKinds`, on the channels they chose (e-mail to the
 *   address in their preferences or else on the dossier; SMS only when they turned it on);
 * - the officers of the dossier's agency who gave an address, when a dossier arrives there
 *   (submitted, or transferred to another agency);
 * - the agency systems (webhook endpoints) of that agency, of every change of status.
 */
/** The message data of a dossier as it is now, with what the event adds. */
export async function dossierData(
  tx: Queryable,
  dossier: DossierRow,
  event: Pick<RecordedEvent, 'action' | 'at' | 'dueAt' | 'note' | 'notice'>,
): Promise<NotificationData> {
  const procedure = await procedureOf(tx, dossier.procedure_code);
  const agency = dossier.agency_code
    ? (
        await tx.query<{ name: string }>('select name from agencies where code = $1', [
          dossier.agency_code,
        ])
      )[0]
    : undefined;
  return {
    dossierId: dossier.id,
    code: dossier.code ?? undefined,
    procedureCode: dossier.procedure_code,
    procedureName: procedure?.name,
    status: dossier.status,
    action: event.action,
    agencyCode: dossier.agency_code ?? undefined,
    agencyName: agency?.name,
    applicantName: applicantName(dossier),
    submittedAt: dossier.submitted_at ?? undefined,
    receivedAt: dossier.received_at ?? undefined,
    dueAt: event.dueAt ?? dossier.due_at ?? undefined,
    at: event.at,
    note: event.note ?? dossier.outcome?.note ?? undefined,
    ...(event.notice?.requestedDocuments
      ? { documents: documentNames(procedure, dossier, event.notice.requestedDocuments) }
      : {}),
    ...(event.action === 'request_payment' ? { fees: feesOf(dossier.pending_fees) } : {}),
  };
}

export async function enqueueForEvent(tx: Queryable, event: RecordedEvent): Promise<number> {
  if (event.action === 'create' || event.to === 'draft') return 0;
  const [dossier] = await tx.query<DossierRow>('select * from dossiers where id = $1', [
    event.dossierId,
  ]);
  if (!dossier) return 0;
  const base = await dossierData(tx, dossier, event);
  const rows: OutgoingNotification[] = [];

  const kinds = citizenKinds(event, dossier);
  if (kinds.length) {
    const recipients = await citizenRecipients(tx, dossier);
    for (const kind of kinds) {
      for (const recipient of recipients) {
        rows.push({
          kind,
          channel: recipient.channel,
          recipient: recipient.address,
          locale: recipient.locale,
          principalId: dossier.owner_id,
          eventId: event.id,
          // The verifier lets the applicant look the dossier up; it goes to them and no one else.
          data: { ...base, verifier: dossier.verifier ?? undefined },
        });
      }
    }
  }

  const arrived =
    event.action === 'submit' ||
    // A transfer by an officer of another agency (or an admin) hands it to a new agency.
    (event.action === 'transfer' && event.actorAgencyCode !== (dossier.agency_code ?? undefined));
  if (arrived && dossier.agency_code) {
    rows.push(
      ...(await officerNotifications(tx, dossier.agency_code, 'new_dossier', base, event.id)),
    );
  }

  const webhookKind: NotificationKind = arrived ? 'new_dossier' : (kinds[0] ?? 'status_changed');
  rows.push(...(await webhookNotifications(tx, dossier.agency_code, webhookKind, base, event.id)));

  return writeNotifications(tx, rows);
}

/** Inserts outbox rows; a row whose `dedupKey` exists already is skipped. Answers how many were new. */
export async function writeNotifications(
  tx: Queryable,
  rows: readonly OutgoingNotification[],
): Promise<number> {
  let written = 0;
  for (const row of rows) {
    const inserted = await tx.query(
      `insert into notifications (id, kind, channel, recipient, locale, dossier_id, event_id, agency_code, data,
         dedup_key, principal_id, status, attempts, next_attempt_at, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending', 0, clock_timestamp(), clock_timestamp())
       on conflict (dedup_key) do nothing returning id`,
      [
        randomUUID(),
        row.kind,
        row.channel,
        row.recipient,
        row.locale,
        row.data.dossierId,
        row.eventId ?? null,
        row.data.agencyCode ?? null,
        JSON.stringify(row.data),
        row.dedupKey ?? null,
        row.principalId ?? null,
      ],
    );
    written += inserted.length;
  }
  return written;
}

/** Officers of an agency who gave an e-mail address (or a phone, with SMS on). */
export async function officerNotifications(
  tx: Queryable,
  agencyCode: string,
  kind: NotificationKind,
  data: NotificationData,
  eventId?: string,
  dedup?: (recipient: string, channel: NotificationChannel) => string,
): Promise<OutgoingNotification[]> {
  const officers = await tx.query<PreferenceRow>(
    `select * from notification_preferences where role <> 'citizen' and agency_code = $1
     order by principal_id`,
    [agencyCode],
  );
  const rows: OutgoingNotification[] = [];
  for (const officer of officers) {
    for (const [channel, address] of channelsOf(officer, undefined, undefined)) {
      rows.push({
        kind,
        channel,
        recipient: address,
        locale: officer.locale === 'en' ? 'en' : 'vi',
        data,
        principalId: officer.principal_id,
        eventId,
        dedupKey: dedup?.(address, channel),
      });
    }
  }
  return rows;
}

/** The agency's webhook endpoints (and those for every agency) that want this kind. */
export async function webhookNotifications(
  tx: Queryable,
  agencyCode: string | null,
  kind: NotificationKind,
  data: NotificationData,
  eventId?: string,
  dedup?: (endpointId: string) => string,
): Promise<OutgoingNotification[]> {
  const endpoints = await tx.query<{ id: string; kinds: NotificationKind[] | null }>(
    `select id, kinds from webhook_endpoints where enabled and (agency_code is null or agency_code = $1)
     order by created_at, id`,
    [agencyCode],
  );
  return endpoints
    .filter((endpoint) => !endpoint.kinds || endpoint.kinds.includes(kind))
    .map((endpoint) => ({
      kind,
      channel: 'webhook' as const,
      recipient: endpoint.id,
      locale: 'vi' as const,
      data,
      eventId,
      dedupKey: dedup?.(endpoint.id),
    }));
}

interface PreferenceRow {
  principal_id: string;
  role: string;
  agency_code: string | null;
  email: string | null;
  phone: string | null;
  email_enabled: boolean;
  sms_enabled: boolean;
  locale: string;
}

/** The channels and addresses of a person: their preferences first, the dossier's contact else. */
function channelsOf(
  preference: PreferenceRow | undefined,
  contactEmail: string | undefined,
  contactPhone: string | undefined,
): [NotificationChannel, string][] {
  const out: [NotificationChannel, string][] = [];
  const email = preference?.email ?? contactEmail;
  const phone = preference?.phone ?? contactPhone;
  if ((preference?.email_enabled ?? true) && email) out.push(['email', email]);
  if (preference?.sms_enabled && phone) out.push(['sms', phone]);
  return out;
}

async function citizenRecipients(
  tx: Queryable,
  dossier: DossierRow,
): Promise<{ channel: NotificationChannel; address: string; locale: 'vi' | 'en' }[]> {
  const [preference] = await tx.query<PreferenceRow>(
    'select * from notification_preferences where principal_id = $1',
    [dossier.owner_id],
  );
  const applicant = dossier.applicant as { email?: string; phone?: string } | null;
  return channelsOf(preference, applicant?.email, applicant?.phone).map(([channel, address]) => ({
    channel,
    address,
    locale: preference?.locale === 'en' ? 'en' : 'vi',
  }));
}

async function procedureOf(tx: Queryable, code: string): Promise<Procedure | undefined> {
  const [row] = await tx.query<{ body: Procedure }>('select body from procedures where code = $1', [
    code,
  ]);
  return row?.body;
}

function applicantName(dossier: DossierRow): string | undefined {
  const applicant = dossier.applicant as { fullName?: string; name?: string } | null;
  return applicant?.fullName ?? applicant?.name ?? undefined;
}

function documentNames(
  procedure: Procedure | undefined,
  dossier: DossierRow,
  codes: readonly string[],
): string[] {
  const known = procedure?.cases.find((c) => c.code === dossier.case_code)?.documents ?? [];
  return codes.map((code) => known.find((doc) => doc.code === code)?.name ?? code);
}

function feesOf(value: unknown): { name: string; amount: number }[] {
  const fees = Array.isArray(value) ? (value as Fee[]) : [];
  return fees.map((fee) => ({
    name: fee.purpose ?? (fee.kind === 'charge' ? 'Lệ phí' : 'Phí'),
    amount: fee.amount,
  }));
}
