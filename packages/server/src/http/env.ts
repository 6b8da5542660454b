import type { Locale } from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import type { ReceivedFile } from '../storage/file-store.js';
import type { Principal } from './auth.js';

/** What the pipeline has read from a request before an operation's handler runs. */
export interface RequestInput {
  readonly params: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly body: unknown;
  /** The uploaded file of a multipart request, received into temporary storage. */
  readonly file?: UploadedFile | undefined;
}

/** A file of a multipart request: its name as sent, and its bytes in temporary storage. */
export interface UploadedFile {
  readonly name: string;
  readonly received: ReceivedFile;
}

/**
 * The variables the middleware of the pipeline set on Hono's context, in order: request id and
 * locale (every request), client address, caller (`principal`), validated input, and for a
 * changing request the transaction it runs in (`db`).
 */
export interface AppVariables {
  requestId: string;
  locale: Locale;
  clientAddress: string;
  principal: Principal | undefined;
  input: RequestInput;
  /** The transaction of a changing request, or the database for a reading one. */
  db: Queryable;
}

/** The Hono environment of the reference server's app. */
export interface AppEnv {
  Variables: AppVariables;
}
