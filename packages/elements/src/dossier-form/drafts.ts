import type { ServerDraftState } from './server-draft.js';

/**
 * Drafts of dossier forms in IndexedDB, so that a person on a flaky connection or a phone that
 * reloads the tab does not lose a half-filled application. One record per form and person
 * (`formId` + an optional user key); values are stored as they are — structured clone keeps
 * `File` objects of an upload without an uploader.
 */
export interface Draft {
  readonly data: Record<string, unknown>;
  /** When it was saved, ms since the epoch. */
  readonly savedAt: number;
  /** The version of the FormDefinition it was filled against. */
  readonly version: number;
  /** With a client: the server draft these answers go to, and what it has not got yet. */
  readonly server?: ServerDraftState;
}

const DATABASE = 'egov-kit';
const STORE = 'dossier-drafts';

let database: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  database ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  }).catch((error: unknown) => {
    database = undefined;
    throw error;
  });
  return database;
}

async function run<T>(
  mode: IDBTransactionMode,
  act: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = act(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = transaction.onabort = () => reject(transaction.error);
  });
}

/** The key of a form's draft: its id and, on a shared device, who is filling it in. */
export function draftKey(formId: string, userKey = ''): string {
  return userKey ? `${formId}|${userKey}` : formId;
}

export function loadDraft(key: string): Promise<Draft | undefined> {
  return run('readonly', (store) => store.get(key) as IDBRequest<Draft | undefined>);
}

export async function saveDraft(key: string, draft: Draft): Promise<void> {
  await run('readwrite', (store) => store.put(draft, key));
}

export async function deleteDraft(key: string): Promise<void> {
  await run('readwrite', (store) => store.delete(key));
}

// The two below are here, not in server-draft.ts, because every form loads this module and
// server-draft.ts (with the sync module's words) comes only with a client.

/** A new Idempotency-Key: 128 random bits, hex. Works on plain-HTTP pages, unlike randomUUID. */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A server draft not created yet: the key its create will carry, and nothing to send. */
export function freshServerDraft(): ServerDraftState {
  return { createKey: newKey(), dirty: false };
}
