import type { Applicant, Dossier, FieldDefinition } from '@egov-kit/schema';
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { type Translatable, translate } from '../base/localization.js';
import type { Uploader } from '../file-upload/file-upload.js';
import type { ServerFieldError } from './dossier-form.js';
import { formMessages } from './dossier-form.messages.js';
import { freshServerDraft, newKey } from './drafts.js';
import {
  type DossierFormClient,
  documentsOf,
  failureMessage,
  fieldErrorsOf,
  isConflict,
  isGone,
  isOffline,
  type ServerDraftStore,
  SYNC_DELAY,
  type SyncStatus,
} from './server-draft.js';
import { syncMessages } from './sync.messages.js';

/** The form as the `SyncController` reads it: its public properties, and where it renders. */
export type SyncHost = ReactiveControllerHost & {
  /** With a procedure code, the answers go to the server through it. */
  readonly client?: DossierFormClient;
  readonly procedureCode: string;
  /** Who applies, sent with the draft (the server needs it before a submit). */
  readonly applicant?: Applicant;
  /** The answers: a new object after every change. */
  readonly data: Record<string, unknown>;
  /** Field errors from the server: the form shows them on their fields. */
  serverErrors: readonly ServerFieldError[];
  readonly renderRoot: ParentNode;
  dispatchEvent(event: Event): boolean;
};

/** What the `SyncController` needs of the form besides its public properties. */
export interface SyncForm {
  /** The fields shown, whose uploads name the dossier's documents. */
  fields(): readonly FieldDefinition[];
  /** "Use the saved version": the server's answers replace those on this device. */
  replaceAnswers(formData: Record<string, unknown>): void;
  /** Says what happened in the form's notice, and moves the focus there. */
  announce(message: Translatable): Promise<void>;
}

/** How long the controller waits: after typing, and between retries while offline. */
export interface SyncTiming {
  /** After the last change, before the answers go. */
  readonly delay: number;
  /** The first retry after a lost connection; each next one waits twice as long… */
  readonly firstRetry: number;
  /** …up to this. */
  readonly maxRetry: number;
}

export const SYNC_TIMING: SyncTiming = { delay: SYNC_DELAY, firstRetry: 2000, maxRetry: 30_000 };

/**
 * The half of `<egov-dossier-form>` that works against the server: it pushes the answers to
 * the server draft after a pause in typing (and when the tab is hidden), retries with back-off
 * while offline, stops at a conflict until the person chooses a version, submits with an
 * Idempotency-Key, and renders the status line, the conflict panel and the submitted notice.
 * A form without a client never needs it: it is loaded with `import()` (sync.ts).
 *
 * The server draft's ids and keys live in the local draft (`ServerDraftStore`), so that a
 * reload goes on with the same dossier and neither a create nor a submit happens twice.
 */
export class SyncController implements ReactiveController {
  /** How the sync stands. */
  status: SyncStatus = 'idle';
  /** The dossier, once submitted. */
  submitted: Dossier | null = null;
  /** The last status that is not `saving`: what the status line says meanwhile. */
  private settled: SyncStatus = 'idle';
  /** Why the last sync failed, when it is neither a conflict nor a lost connection. */
  private problem: Translatable | null = null;
  /** A problem met while resolving a conflict (offline, say). */
  private conflictProblem: Translatable | null = null;
  private retryDelay = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The pushes, one after another. */
  private pushing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly host: SyncHost,
    private readonly local: ServerDraftStore,
    private readonly form: SyncForm,
    private readonly timing: SyncTiming = SYNC_TIMING,
  ) {
    host.addController(this);
    host.requestUpdate();
  }

  /** The client, while the answers go to the server: a client and a procedure code are set. */
  private get client(): DossierFormClient | undefined {
    return this.host.procedureCode ? this.host.client : undefined;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    window.addEventListener('online', this.onOnline);
    this.resume();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    window.removeEventListener('online', this.onOnline);
    // What is pending stays in the local draft (dirty) and goes up on the next visit.
    clearTimeout(this.timer);
  }

  /** Answers wait to be sent (the form moved in the page, or got its client): send them soon. */
  resume(): void {
    if (this.local.loaded && this.local.server.dirty) this.schedule();
  }

  /** The person changed an answer: it goes after the pause. */
  changed(): void {
    if (!this.submitted) this.schedule();
  }

  /** Sends the answers after `delay`, unless a conflict waits for the person. */
  schedule(delay = this.timing.delay): void {
    clearTimeout(this.timer);
    if (!this.client || this.status === 'conflict') return;
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  /** Sends the answers now; resolves when the server has them or the attempt failed (shown). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    if (!this.client || !this.local.loaded) return;
    await this.push().catch(() => undefined);
  }

  /** Back to no server draft, no status, no problem: a new definition, a discarded draft. */
  reset(): void {
    clearTimeout(this.timer);
    this.status = this.settled = 'idle';
    this.problem = this.conflictProblem = null;
    this.submitted = null;
    this.retryDelay = 0;
    this.host.requestUpdate();
  }

  /** Uploads a file for a required document, to the server draft, creating it first if need be. */
  readonly upload = async (
    requirementCode: string,
    file: Blob,
    options: Parameters<Uploader>[1],
  ): Promise<{ id: string }> => {
    const client = this.client;
    if (!client) throw new Error('egov-dossier-form: no client');
    const id = this.local.server.id ?? (await this.push());
    const attachment = await client.attachments.upload(id, requirementCode, file, options);
    return { id: attachment.id };
  };

  /**
   * Submits the server draft: sends the last answers, then submits with an Idempotency-Key
   * kept in the local draft until it succeeds — so that a retry after a lost answer, even after
   * a reload, submits once. Resolves to why it failed, or null (done, or errors on fields).
   */
  async submit(): Promise<Translatable | null> {
    const client = this.client;
    if (!client) return null;
    if (this.status === 'conflict') {
      void this.host.updateComplete.then(() =>
        this.host.renderRoot.querySelector<HTMLElement>('.conflict')?.focus(),
      );
      return syncMessages.resolveFirst;
    }
    clearTimeout(this.timer);
    try {
      let dossier: Dossier | undefined;
      const pending = this.local.server.submitKey;
      if (pending && this.local.server.id) {
        // The last submit got no answer: it may have gone through. If so, the draft is one no
        // more, and sending the answers first would only meet a conflict.
        const current = await client.dossiers.get(this.local.server.id);
        if (current.status !== 'draft') dossier = current;
      }
      if (!dossier) {
        const id = await this.push();
        const submitKey = pending ?? newKey();
        if (!pending) {
          this.local.server = { ...this.local.server, submitKey };
          await this.local.saveNow();
        }
        dossier = await client.dossiers.submit(id, {
          idempotencyKey: submitKey,
          ifMatch: this.local.server.etag,
        });
      }
      await this.succeeded(dossier);
      return null;
    } catch (error) {
      if (isConflict(error)) {
        this.setStatus('conflict');
        return syncMessages.resolveFirst;
      }
      if (isOffline(error)) return formMessages.submitOffline;
      const errors = fieldErrorsOf(error);
      if (!errors) return syncMessages.submitFailed(failureMessage(error));
      this.host.serverErrors = errors;
      return null;
    }
  }

  /** The server draft's status line, and the conflict panel with its two choices. */
  render(locale: string): TemplateResult {
    const status = this.status === 'saving' ? this.settled : this.status;
    const text =
      status === 'saved'
        ? translate(syncMessages.syncSaved, locale)
        : status === 'offline'
          ? translate(syncMessages.syncOffline, locale)
          : status === 'error' && this.problem
            ? translate(syncMessages.syncFailed(translate(this.problem, locale)), locale)
            : '';
    // The status keeps its words while a save is under way, so that a screen reader is not
    // told "saving" on every pause in typing; the conflict is an alert, with its two choices.
    return html`<p part="sync" class="sync ${status}" role="status">${text}</p>
      <div class="conflict-region" role="alert">
        ${
          status === 'conflict'
            ? html`<div part="conflict" class="conflict" role="group" tabindex="-1" aria-labelledby="conflict-title">
                <p id="conflict-title" class="conflict-title">${translate(syncMessages.conflictTitle, locale)}</p>
                <p>${translate(syncMessages.conflictBody, locale)}</p>
                ${this.conflictProblem ? html`<p class="problem">${translate(this.conflictProblem, locale)}</p>` : nothing}
                <div class="choices">
                  <button part="use-saved" type="button" @click=${this.useSaved}>
                    ${translate(syncMessages.useSaved, locale)}
                  </button>
                  <button part="keep-mine" type="button" @click=${this.keepMine}>
                    ${translate(syncMessages.keepMine, locale)}
                  </button>
                </div>
              </div>`
            : nothing
        }
      </div>`;
  }

  /** The notice that replaces the form once the dossier is submitted. */
  renderSubmitted(locale: string): TemplateResult {
    const dossier = this.submitted as Dossier;
    return html`<div part="notice" class="notice done" role="status" tabindex="-1">
      <p>${translate(syncMessages.submitted(dossier.code ?? dossier.id), locale)}</p>
    </div>`;
  }

  /** Queues one push behind the others; resolves to the server draft's id. */
  private push(): Promise<string> {
    const run = this.pushing.catch(() => undefined).then(() => this.pushOnce());
    this.pushing = run;
    return run;
  }

  /** Sends the answers once (creating the draft if there is none); resolves to its id. */
  private async pushOnce(): Promise<string> {
    const client = this.client;
    const state = this.local.server;
    if (!client) throw new Error('egov-dossier-form: no client');
    if (this.status === 'conflict') throw new Error('egov-dossier-form: unresolved conflict');
    if (state.id && (!state.dirty || this.submitted)) return state.id;
    const snapshot = this.host.data;
    const applicant = this.host.applicant ? { applicant: this.host.applicant } : {};
    const documents = () => documentsOf(this.form.fields(), snapshot);
    this.setStatus('saving');
    try {
      const dossier = state.id
        ? await client.dossiers.update(
            state.id,
            { ...applicant, formData: snapshot, documents: documents() },
            { ifMatch: state.etag },
          )
        : await client.dossiers.create(
            { procedureCode: this.host.procedureCode, ...applicant, formData: snapshot },
            { idempotencyKey: state.createKey },
          );
      // Another server draft was begun meanwhile (the local one discarded): this one is done.
      if (this.local.server.createKey !== state.createKey) return dossier.id;
      this.local.server = {
        ...this.local.server,
        id: dossier.id,
        etag: client.dossiers.etag(dossier.id) ?? state.etag,
        // Typed while the request was out, or files to name (a create carries no documents).
        dirty:
          this.host.data !== snapshot ||
          (!state.id && documents().some((doc) => doc.attachmentIds.length > 0)),
      };
      this.problem = null;
      this.retryDelay = 0;
      this.setStatus('saved');
      void this.local.saveNow();
      if (this.local.server.dirty) this.schedule();
      return dossier.id;
    } catch (error) {
      if (this.local.server.createKey !== state.createKey) throw error;
      if (state.id && isGone(error)) {
        // The draft is no more (deleted on the server): start a new one with these answers.
        this.local.server = { ...freshServerDraft(), dirty: true };
        return this.pushOnce();
      }
      if (isConflict(error)) {
        this.conflictProblem = null;
        this.setStatus('conflict');
      } else if (isOffline(error)) {
        this.retryDelay = Math.min(
          Math.max(this.retryDelay * 2, this.timing.firstRetry),
          this.timing.maxRetry,
        );
        this.setStatus('offline');
        this.schedule(this.retryDelay);
      } else {
        this.problem = failureMessage(error);
        this.setStatus('error');
      }
      void this.local.saveNow();
      throw error;
    }
  }

  /** "Use the saved version": the server's answers replace those on this device. */
  private useSaved = async (): Promise<void> => {
    const client = this.client;
    const id = this.local.server.id;
    if (!client || !id) return;
    try {
      const dossier = await client.dossiers.get(id);
      this.form.replaceAnswers(dossier.formData);
      this.local.server = {
        ...this.local.server,
        etag: client.dossiers.etag(id) ?? this.local.server.etag,
        dirty: false,
      };
    } catch (error) {
      this.resolutionFailed(error);
      return;
    }
    await this.resolved(syncMessages.usedSaved);
  };

  /** "Keep my answers": overwrite the server's version on purpose, against its current ETag. */
  private keepMine = async (): Promise<void> => {
    const client = this.client;
    const id = this.local.server.id;
    if (!client || !id) return;
    try {
      await client.dossiers.get(id);
    } catch (error) {
      this.resolutionFailed(error);
      return;
    }
    this.local.server = {
      ...this.local.server,
      etag: client.dossiers.etag(id) ?? this.local.server.etag,
      dirty: true,
    };
    this.setStatus('saving');
    try {
      await this.push();
    } catch {
      return; // shown: offline, an error, or another conflict
    }
    await this.resolved(syncMessages.keptMine);
  };

  private resolutionFailed(error: unknown): void {
    this.conflictProblem = isOffline(error) ? syncMessages.syncOffline : failureMessage(error);
    this.host.requestUpdate();
  }

  private async resolved(message: Translatable): Promise<void> {
    this.conflictProblem = null;
    this.setStatus('saved');
    void this.local.saveNow();
    await this.form.announce(message);
  }

  private async succeeded(dossier: Dossier): Promise<void> {
    this.submitted = dossier;
    this.local.server = freshServerDraft();
    this.setStatus('idle');
    await this.local.forget();
    this.host.dispatchEvent(
      new CustomEvent('egov-submitted', { bubbles: true, composed: true, detail: { dossier } }),
    );
    // The form is now the notice with the dossier's code (renderSubmitted).
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.notice')?.focus();
  }

  private setStatus(status: SyncStatus): void {
    this.status = status;
    if (status !== 'saving') this.settled = status;
    this.host.requestUpdate();
  }

  private onVisibilityChange = (): void => {
    // The tab may be closed or frozen next: send what waits now.
    if (document.visibilityState === 'hidden' && this.local.server.dirty) void this.flush();
  };

  private onOnline = (): void => {
    if (this.status === 'offline') void this.flush();
  };
}
