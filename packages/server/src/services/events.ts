import { randomUUID } from 'node:crypto';
import type { DossierEvent, DossierStatus } from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import type { Principal } from '../http/auth.js';
import { enqueueForEvent } from '../notifications/outbox.js';
import { type EventRow, eventFromRow } from './dossier-rows.js';

/** What an event records beyond its action and statuses. */
export interface EventDetails {
  readonly note?: string | undefined;
  readonly dueAt?: string | undefined;
  readonly notice?: DossierEvent['notice'] | undefined;
  readonly attachmentIds?: readonly string[] | undefined;
}

/**
 * Appends an event to a dossier's audit trail, and — in the same transaction — the
 * notifications it calls for (the outbox): every path that records an event notifies.
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
): Promise<void> {
  const id = randomUUID();
  await tx.query(
    `insert into dossier_events (id, dossier_id, action, from_status, to_status, actor, at, note, due_at, notice, attachment_ids)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      id,
      dossierId,
      action,
      from,
      to,
      JSON.stringify({
        role: actor.role === 'admin' ? 'officer' : actor.role,
        id: actor.id,
        ...('name' in actor && actor.name ? { name: actor.name } : {}),
        ...('agencyCode' in actor && actor.agencyCode ? { agencyCode: actor.agencyCode } : {}),
      }),
      at,
      details.note ?? null,
      details.dueAt ?? null,
      details.notice ? JSON.stringify(details.notice) : null,
      JSON.stringify(details.attachmentIds ?? []),
    ],
  );
  await enqueueForEvent(tx, {
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
  });
}

/** A dossier's events, oldest first. */
export async function listEvents(db: Queryable, dossierId: string): Promise<DossierEvent[]> {
  const rows = await db.query<EventRow>(
    'select * from dossier_events where dossier_id = $1 order by seq',
    [dossierId],
  );
  return rows.map(eventFromRow);
}
