import * as z from 'zod/mini';
import { described } from '../internal/described.js';
import { Id, Timestamp } from './common.js';

/** A file uploaded to a dossier, stored by its SHA-256. */
export const Attachment = z
  .object({
    id: Id,
    dossierId: z.optional(Id),
    requirementCode: z.optional(
      described(z.string(), 'The RequiredDocument of the procedure case this file satisfies.'),
    ),
    fileName: described(z.string().check(z.minLength(1)), 'The name the file was uploaded with.'),
    mediaType: described(z.string(), 'MIME type, detected from the content, not the name.'),
    sizeBytes: z.int().check(z.nonnegative()),
    sha256: described(z.string().check(z.regex(/^[0-9a-f]{64}$/)), 'SHA-256 of the content, hex.'),
    uploadedAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'Attachment', description: 'A file attached to a dossier.' });
export type Attachment = z.infer<typeof Attachment>;
