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
    ...messageData(dossier, event, procedure),
    procedureName: procedure?.name,
    agencyName: agency?.name,
  };
}

/**
 * What a message says of a dossier and an event, but the procedure's and the agency's names
 * (the statement that writes the messages looks those up). `procedure` is needed only for an
 * event that names requested documents.
 */
function messageData(
  dossier: DossierRow,
  event: Pick<RecordedEvent, 'action' | 'at' | 'dueAt' | 'note' | 'notice'>,
  procedure: Procedure | undefined,
): NotificationData {
  return {
    dossierId: dossier.id,
    code: dossier.code ?? undefined,
    procedureCode: dossier.procedure_code,
    status: dossier.status,
    action: event.action,
    agencyCode: dossier.agency_code ?? undefined,
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

/** Whether an event may notify anyone: a draft's events (its creation, a warning) do not. */
export function eventNotifies(event: Pick<RecordedEvent, 'action' | 'to'>): boolean {
  return event.action !== 'create' && event.to !== 'draft';
}

/** A statement, or the part of one, with its parameters. */
export interface Statement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * The notifications an event calls for, as the common table expressions and `insert … select`
 * of one statement (the caller puts `with` before it, and may put the event's own insert first),
 * its parameters numbered from `$${first}`; to run in the event's own transaction — if the event
 * is committed so are they, and if it rolls back nobody hears of it. `dossier` is the row as the
 * event left it.
 *
 * - the applicant, for the kinds of `citizenKinds`, on the channels they chose (e-mail to the
 *   address in their preferences or else on the dossier; SMS only when they turned it on);
 * - the officers of the dossier's agency who gave an address, when a dossier arrives there
 *   (submitted, or transferred to another agency);
 * - the agency systems (webhook endpoints) of that agency, of every change of status.
 *
 * Preferences, officers, endpoints and the two names a message shows are looked up by the
 * statement itself: one round trip, however many recipients (it was six). Rows are written, and
 * their `seq` drawn, in a fixed order — the applicant's by kind then channel, the officers' by
 * id, the endpoints' by age — so that one recipient's messages of one event keep the order of
 * their kinds (the result before the survey invitation).
 */
export function notificationsStatement(
  event: RecordedEvent,
  dossier: DossierRow,
  procedure: Procedure | undefined,
  first = 1,
): Statement {
  const kinds = citizenKinds(event, dossier);
  const arrived =
    event.action === 'submit' ||
    // A transfer by an officer of another agency (or an admin) hands it to a new agency.
    (event.action === 'transfer' && event.actorAgencyCode !== (dossier.agency_code ?? undefined));
  const webhookKind: NotificationKind = arrived ? 'new_dossier' : (kinds[0] ?? 'status_changed');
  const applicant = dossier.applicant as { email?: string; phone?: string } | null;
  const $ = (n: number) => `$${first + n - 1}`;
  const sql = `
base as (
  select ${$(1)}::jsonb || jsonb_strip_nulls(jsonb_build_object(
    'procedureName', (select name from procedures where code = ${$(2)}::text),
    'agencyName', (select name from agencies where code = ${$(3)}::text))) as data
),
applicant as (
  select p.email, p.phone, p.email_enabled, p.sms_enabled, p.locale
  from (select 1) as one left join notification_preferences p on p.principal_id = ${$(5)}::text
),
outgoing as (
  select 1 as grp, row_number() over (order by k.ord, c.ord) as rank, k.kind, c.channel,
         c.address, case when a.locale = 'en' then 'en' else 'vi' end as locale,
         ${$(5)}::text as principal_id, true as applicant
  from applicant a
  cross join unnest(${$(4)}::text[]) with ordinality as k(kind, ord)
  cross join lateral (values
    (1, 'email', case when coalesce(a.email_enabled, true) then coalesce(a.email, ${$(6)}::text) end),
    (2, 'sms', case when a.sms_enabled then coalesce(a.phone, ${$(7)}::text) end)
  ) as c(ord, channel, address)
  where c.address <> ''
  union all
  select 2, row_number() over (order by o.principal_id, c.ord), 'new_dossier', c.channel,
         c.address, case when o.locale = 'en' then 'en' else 'vi' end, o.principal_id, false
  from notification_preferences o
  cross join lateral (values
    (1, 'email', case when o.email_enabled then o.email end),
    (2, 'sms', case when o.sms_enabled then o.phone end)
  ) as c(ord, channel, address)
  where ${$(9)}::boolean and o.role <> 'citizen' and o.agency_code = ${$(3)}::text
    and c.address <> ''
  union all
  select 3, row_number() over (order by w.created_at, w.id), ${$(10)}::text, 'webhook',
         w.id::text, 'vi', null, false
  from webhook_endpoints w
  where w.enabled and (w.agency_code is null or w.agency_code = ${$(3)}::text)
    and (w.kinds is null or w.kinds = 'null'::jsonb
         or w.kinds @> jsonb_build_array(${$(10)}::text))
)
insert into notifications (id, seq, kind, channel, recipient, locale, dossier_id, event_id,
  agency_code, data, principal_id, status, attempts, next_attempt_at, created_at)
select gen_random_uuid(), nextval('notifications_seq_seq'), kind, channel, address, locale,
  ${$(11)}::uuid, ${$(12)}::uuid, ${$(3)}::text, data, principal_id, 'pending', 0,
  clock_timestamp(), clock_timestamp()
from (
  select o.kind, o.channel, o.address, o.locale, o.principal_id,
         case when o.applicant and ${$(8)}::text is not null
           then b.data || jsonb_build_object('verifier', ${$(8)}::text) else b.data end as data
  from outgoing o cross join base b
  order by o.grp, o.rank
) as ordered`;
  return {
    sql,
    params: [
      JSON.stringify(messageData(dossier, event, procedure)),
      dossier.procedure_code,
      dossier.agency_code,
      kinds,
      dossier.owner_id,
      applicant?.email ?? null,
      applicant?.phone ?? null,
      // The verifier lets the applicant look the dossier up; it goes to them and no one else.
      dossier.verifier,
      arrived && dossier.agency_code !== null,
      webhookKind,
      dossier.id,
      event.id,
    ],
  };
}

/**
 * Writes the notifications an event calls for (see `notificationsStatement`) in one statement,
 * reading the dossier only when the caller does not pass it. Answers how many were written.
 */
export async function enqueueForEvent(
  tx: Queryable,
  event: RecordedEvent,
  known: { readonly dossier?: DossierRow | undefined; readonly procedure?: Procedure } = {},
): Promise<number> {
  if (!eventNotifies(event)) return 0;
  const dossier =
    known.dossier ??
    (await tx.query<DossierRow>('select * from dossiers where id = $1', [event.dossierId]))[0];
  if (!dossier) return 0;
  const procedure = await procedureForMessage(tx, event, dossier, known.procedure);
  const { sql, params } = notificationsStatement(event, dossier, procedure);
  return (await tx.query(`with ${sql.trimStart()} returning id`, params)).length;
}

/** The procedure, when a message names its documents (a supplement request); else undefined. */
export async function procedureForMessage(
  tx: Queryable,
  event: Pick<RecordedEvent, 'notice'>,
  dossier: DossierRow,
  known: Procedure | undefined,
): Promise<Procedure | undefined> {
  if (known || !event.notice?.requestedDocuments) return known;
  return procedureOf(tx, dossier.procedure_code);
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
