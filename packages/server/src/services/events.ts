import { randomUUID } from 'node:crypto';
import type { DossierEvent, DossierStatus, Procedure } from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import type { Principal } from '../http/auth.js';
import {
  eventNotifies,
  notificationsStatement,
  procedureForMessage,
  type RecordedEvent,
} from '../notifications/outbox.js';
import { type DossierRow, type EventRow, eventFromRow } from './dossier-rows.js';

/** What an event records beyond its action and statuses. */
export interface EventDetails {
  readonly note?: string | undefined;
  readonly dueAt?: string | undefined;
  readonly notice?: DossierEvent['notice'] | undefined;
  readonly attachmentIds?: readonly string[] | undefined;
}

/**
 * Appends an event to a dossier's audit trail and — in the same statement, so in the same
 * transaction — writes the notifications it calls for (the outbox): every path that records an
 * event notifies, in one round trip. `known.dossier` is the dossier as this transaction left it
 * (the row an update returned), and `known.procedure` its procedure when the caller has it;
 * without them they are read when a message needs them.
 */
export async function recordEvent(
  tx: Queryable,
  dossierId: string,
  action: string,
  from: DossierStatus | null,
  to: DossierStatus,
  actor: Principal | { id: string; role: 'system' },
  at: string,
  details: EventDetails = {},
  known: { readonly dossier?: DossierRow | undefined; readonly procedure?: Procedure } = {},
): Promise<void> {
  const id = randomUUID();
  const insertEvent = `insert into dossier_events (id, dossier_id, action, from_status, to_status, actor, at, note, due_at, notice, attachment_ids)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;
  const params = [
    id,
    dossierId,
    action,
    from,
    to,
    JSON.stringify(actorOf(actor)),
    at,
    details.note ?? null,
    details.dueAt ?? null,
    details.notice ? JSON.stringify(details.notice) : null,
    JSON.stringify(details.attachmentIds ?? []),
  ];
  const event: RecordedEvent = {
    id,
    dossierId,
    action,
    from,
    to,
    at,
    note: details.note,
    dueAt: details.dueAt,
    notice: details.notice,
    actorAgencyCode: 'agencyCode' in actor ? actor.agencyCode : undefined,
  };
  const dossier = eventNotifies(event)
    ? (known.dossier ??
      (await tx.query<DossierRow>('select * from dossiers where id = $1', [dossierId]))[0])
    : undefined;
  if (!dossier) {
    await tx.query(insertEvent, params);
    return;
  }
  const procedure = await procedureForMessage(tx, event, dossier, known.procedure);
  const outbox = notificationsStatement(event, dossier, procedure, params.length + 1);
  await tx.query(`with event as (${insertEvent}), ${outbox.sql.trimStart()}`, [
    ...params,
    ...outbox.params,
  ]);
}

/** The actor as the audit trail records it (an administrator acts as an officer). */
export function actorOf(actor: Principal | { id: string; role: 'system' }) {
  return {
    role: actor.role === 'admin' ? 'officer' : actor.role,
    id: actor.id,
    ...('name' in actor && actor.name ? { name: actor.name } : {}),
    ...('agencyCode' in actor && actor.agencyCode ? { agencyCode: actor.agencyCode } : {}),
  };
}

/** A dossier's events, oldest first. */
export async function listEvents(db: Queryable, dossierId: string): Promise<DossierEvent[]> {
  const rows = await db.query<EventRow>(
    'select * from dossier_events where dossier_id = $1 order by seq',
    [dossierId],
  );
  return rows.map(eventFromRow);
}
