import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Draft, deleteDraft, freshServerDraft, loadDraft, saveDraft } from './drafts.js';
import type { ServerDraftState, ServerDraftStore } from './server-draft.js';

/**
 * Wait after the last change before the local draft is written: a burst of keystrokes or an
 * autofill makes one IndexedDB write, not one per character. Short, because a hidden or closed
 * tab writes at once anyway (see `DraftController`).
 */
export const DRAFT_DELAY = 100;

/** What the `DraftController` needs of the form. */
export interface DraftForm {
  /** Where the draft is kept: null when nothing may stay on the device (`no-draft`). */
  key(): string | null;
  /** What to keep now; null when nothing should be kept (the dossier is submitted). */
  answers(): { readonly data: Record<string, unknown>; readonly version: number } | null;
  /** Puts a restored draft's answers back in the form. */
  restore(data: Record<string, unknown>): void;
}

/**
 * The form's local draft (IndexedDB, see drafts.ts), so that a person on a flaky connection, or
 * on a phone that reloads or closes the tab, does not lose a half-filled application: it reads
 * the draft back when the form gets its definition, writes it a moment after each change — at
 * once when the page is hidden, left or the form removed — and deletes it when the answers are
 * sent or discarded.
 *
 * The draft also carries where the answers go on the server (`server`, a `ServerDraftStore` for
 * the `SyncController`): a reload goes on with the same server draft and Idempotency-Keys.
 */
export class DraftController implements ReactiveController, ServerDraftStore {
  /**
   * Whether the lookup is over. The form waits for it (IndexedDB answers in a few ms), so that
   * a restored draft never lands over what the person has begun to type.
   */
  loaded = false;
  /** When the draft the form shows was saved, if one was restored (ms since the epoch). */
  restoredAt: number | null = null;
  server: ServerDraftState = freshServerDraft();

  /** The writes, one after another, so that an older state never lands after a newer one. */
  private writes: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts the lookups: one overtaken by a newer one (a new definition) is dropped. */
  private lookups = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly form: DraftForm,
    private readonly delay = DRAFT_DELAY,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    window.addEventListener('pagehide', this.flush);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    window.removeEventListener('pagehide', this.flush);
    // The form may not come back: what waits is written now, and no timer outlives it.
    this.flush();
  }

  /**
   * Reads the draft (while `alongside` — the fields' elements — arrives too) and puts its
   * answers back. Resolves to false when a newer lookup overtook this one.
   */
  async restore(alongside?: Promise<unknown>): Promise<boolean> {
    const lookup = ++this.lookups;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.loaded = false;
    this.restoredAt = null;
    this.server = freshServerDraft();
    this.host.requestUpdate();
    const key = this.form.key();
    const [draft] = await Promise.all([
      // No IndexedDB (private mode of some browsers): the form works, without drafts.
      key ? loadDraft(key).catch(() => undefined) : undefined,
      alongside,
    ]);
    if (lookup !== this.lookups) return false;
    const answered = draft !== undefined && Object.keys(draft.data).length > 0;
    if (draft && answered) {
      this.form.restore(draft.data);
      this.restoredAt = draft.savedAt;
    }
    // The server draft goes on where it was; answers never sent (offline, or kept from before
    // there was a client) are to be sent.
    this.server = draft?.server ?? { ...this.server, dirty: answered };
    this.loaded = true;
    this.host.requestUpdate();
    return true;
  }

  /** The person changed an answer: the server lacks it, and the draft is written shortly. */
  changed(): void {
    if (!this.server.dirty) this.server = { ...this.server, dirty: true };
    this.save();
  }

  /** Writes the draft after the pause, unless another change comes first. */
  save(): void {
    if (!this.loaded) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.saveNow(), this.delay);
  }

  saveNow(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const key = this.form.key();
    const answers = this.form.answers();
    if (key && answers && this.loaded) {
      const draft: Draft = { ...answers, savedAt: Date.now(), server: this.server };
      this.writes = this.writes.then(() => saveDraft(key, draft)).catch(() => undefined);
    }
    return this.writes;
  }

  /** Deletes the draft: the answers are sent. Waits for the writes under way first. */
  async forget(): Promise<void> {
    const key = this.form.key();
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.restoredAt !== null) {
      this.restoredAt = null;
      this.host.requestUpdate();
    }
    await this.writes;
    if (key) await deleteDraft(key).catch(() => undefined);
  }

  /**
   * Deletes the draft and starts a new server draft with the next change. The old one stays on
   * the server (a draft is harmless, and the person may want it on another device).
   */
  discard(): Promise<void> {
    this.server = freshServerDraft();
    return this.forget();
  }

  /** Writes now what waits for the pause (a submit begins: the answers are kept first). */
  readonly flush = (): void => {
    if (this.timer !== undefined) void this.saveNow();
  };

  private onVisibilityChange = (): void => {
    // A hidden tab may be closed or frozen next, without another event.
    if (document.visibilityState === 'hidden') this.flush();
  };
}
