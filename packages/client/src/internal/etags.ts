/** How many dossiers' ETags a client remembers; the oldest seen is forgotten first. */
const LIMIT = 1000;

/**
 * The ETags a client has seen, per dossier, with the version they belong to. Answers can
 * arrive out of order (a slow `get` started before an `update`): an older version never
 * replaces a newer one. A newer version that came without an ETag (a supplement, a withdrawal)
 * makes the remembered one stale, so it is forgotten rather than sent to fail.
 */
export class EtagStore {
  readonly #seen = new Map<string, { readonly etag: string; readonly version: number }>();

  /** The ETag of the newest version of `id` seen, if any. */
  get(id: string): string | undefined {
    return this.#seen.get(id)?.etag;
  }

  /** Forgets `id` (a draft deleted). */
  forget(id: string): void {
    this.#seen.delete(id);
  }

  /** Records what an answer said about `id`: its `version`, and its ETag when it had one. */
  remember(id: string, etag: string | null, version: number): void {
    const known = this.#seen.get(id);
    if (known && known.version > version) return;
    if (!etag) {
      if (known && known.version < version) this.#seen.delete(id);
      return;
    }
    this.#seen.delete(id);
    this.#seen.set(id, { etag, version });
    if (this.#seen.size > LIMIT) {
      const oldest = this.#seen.keys().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
  }
}
