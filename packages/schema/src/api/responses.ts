import * as z from 'zod/mini';
import { AdministrativeUnit } from '../entities/administrative-unit.js';
import { Agency } from '../entities/agency.js';
import { Id, Timestamp } from '../entities/common.js';
import { Dossier } from '../entities/dossier.js';
import { DossierEvent } from '../entities/dossier-event.js';
import { pageOf } from '../entities/pagination.js';
import { Procedure } from '../entities/procedure.js';
import { described } from '../internal/described.js';

/** What a procedure list shows; the full record is one `GET /procedures/{code}` away. */
export const ProcedureSummary = z
  .pick(Procedure, {
    code: true,
    name: true,
    field: true,
    levels: true,
    onlineLevel: true,
    keywords: true,
  })
  .register(z.globalRegistry, { id: 'ProcedureSummary', description: 'A procedure in a list.' });
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

/** A page of procedures. */
export const ProcedurePage = pageOf(ProcedureSummary, 'ProcedurePage');

/** A page of dossiers. */
export const DossierPage = pageOf(Dossier, 'DossierPage');

/** A list of administrative units. */
export const UnitList = z
  .object({ items: z.array(AdministrativeUnit) })
  .register(z.globalRegistry, { id: 'UnitList', description: 'Administrative units.' });

/** A list of agencies. */
export const AgencyList = z
  .object({ items: z.array(Agency) })
  .register(z.globalRegistry, { id: 'AgencyList', description: 'Agencies.' });

/** A list of a dossier's events, oldest first. */
export const EventList = z.object({ items: z.array(DossierEvent) }).register(z.globalRegistry, {
  id: 'EventList',
  description: "A dossier's events, oldest first.",
});

/**
 * What anyone holding the receipt may see: status and dates, never the applicant's personal
 * data or the answers.
 */
export const PublicDossier = z
  .pick(Dossier, {
    code: true,
    procedureCode: true,
    status: true,
    nationalStatusCode: true,
    submittedAt: true,
    receivedAt: true,
    dueAt: true,
    completedAt: true,
    returnedAt: true,
    overdue: true,
    agencyCode: true,
  })
  .register(z.globalRegistry, {
    id: 'PublicDossier',
    description: 'A dossier as the public lookup shows it: no personal data.',
  });
export type PublicDossier = z.infer<typeof PublicDossier>;

/** The answer of `GET /lookup`. */
export const LookupResult = z
  .object({
    dossier: PublicDossier,
    procedureName: z.string(),
    events: described(
      z.array(
        z.pick(DossierEvent, {
          action: true,
          fromStatus: true,
          toStatus: true,
          at: true,
          dueAt: true,
          notice: true,
        }),
      ),
      'Events without actors or notes.',
    ),
    resultAttachmentIds: described(
      z.array(Id),
      'Result documents the receipt holder may download.',
    ),
  })
  .register(z.globalRegistry, {
    id: 'LookupResult',
    description: 'A dossier found by receipt code and verifier.',
  });
export type LookupResult = z.infer<typeof LookupResult>;

/** The answer of the health check. */
export const Health = z
  .object({
    status: z.enum(['ok']),
    version: z.optional(z.string()),
    time: z.optional(Timestamp),
  })
  .register(z.globalRegistry, { id: 'Health', description: 'The server is up.' });
