import * as z from 'zod/mini';
import { Id, Timestamp } from './common.js';

/** A file uploaded to a dossier, stored by its SHA-256. */
export const Attachment = z
  .object({
    id: Id,
    dossierId: z.optional(Id),
    requirementCode: z.optional(
      z
        .string()
        .check(z.describe('The RequiredDocument of the procedure case this file satisfies.')),
    ),
    fileName: z.string().check(z.minLength(1), z.describe('The name the file was uploaded with.')),
    mediaType: z.string().check(z.describe('MIME type, detected from the content, not the name.')),
    sizeBytes: z.int().check(z.nonnegative()),
    sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/), z.describe('SHA-256 of the content, hex.')),
    uploadedAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'Attachment', description: 'A file attached to a dossier.' });
export type Attachment = z.infer<typeof Attachment>;
