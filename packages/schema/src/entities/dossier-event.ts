import * as z from 'zod/mini';
import { DossierStatus } from '../status/status-schema.js';
import { Id, Timestamp } from './common.js';

/** A notice issued to the applicant with an event. */
export const Notice = z
  .object({
    kind: z
      .enum([
        'receipt',
        'supplement_request',
        'refusal',
        'payment_request',
        'stop',
        'apology',
        'result',
      ])
      .check(z.describe('The kind of notice (phiếu tiếp nhận, phiếu yêu cầu bổ sung, …).')),
    number: z.optional(
      z.string().check(z.describe('The notice number, where the agency numbers them.')),
    ),
    requestedDocuments: z.optional(
      z
        .array(z.string())
        .check(z.describe('supplement_request: the RequiredDocument codes asked for.')),
    ),
    attachmentId: z.optional(Id),
  })
  .register(z.globalRegistry, { id: 'Notice', description: 'A notice issued to the applicant.' });
export type Notice = z.infer<typeof Notice>;

/** One entry of a dossier's audit trail. */
export const DossierEvent = z
  .object({
    id: Id,
    dossierId: Id,
    action: z.string().check(z.describe('The action of the status machine, or "create"/"update".')),
    fromStatus: z.nullable(DossierStatus),
    toStatus: DossierStatus,
    actor: z
      .object({
        role: z.enum(['citizen', 'officer', 'system']),
        id: z.optional(z.string()),
        name: z.optional(z.string()),
        agencyCode: z.optional(z.string()),
      })
      .check(z.describe('Who took the action.')),
    at: Timestamp,
    note: z.optional(z.string().check(z.describe('The reason or message for the applicant.'))),
    dueAt: z.optional(
      z.iso
        .datetime({ offset: true })
        .check(z.describe('The new due date this event set (receipt, apology).')),
    ),
    notice: z.optional(Notice),
    attachmentIds: z.array(Id),
  })
  .register(z.globalRegistry, {
    id: 'DossierEvent',
    description: "An entry in a dossier's audit trail.",
  });
export type DossierEvent = z.infer<typeof DossierEvent>;
