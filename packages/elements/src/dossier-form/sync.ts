import type { Applicant, Dossier, FieldDefinition, FormSection } from '@egov-kit/schema';
import { html, nothing, type TemplateResult } from 'lit';
import { type Translatable, translate } from '../base/localization.js';
import type { ServerFieldError } from './dossier-form.js';
import { formMessages } from './dossier-form.messages.js';
import {
  type DossierFormClient,
  documentsOf,
  failureMessage,
  fieldErrorsOf,
  isConflict,
  isGone,
  isOffline,
  newKey,
  type ServerDraftState,
  SYNC_DELAY,
  type SyncStatus,
} from './server-draft.js';
import { syncMessages } from './sync.messages.js';

/**
 * The half of `<egov-dossier-form>` that works against the server: pushing the answers to the
 * server draft, resolving a conflict, submitting, and the sync status line. A form without a
 * `client` never needs it, so it is a module of its own, loaded with `import()` when a client is
 * set (about a tenth of the form's weight). Its functions are the form's methods, moved: they
 * reach the form's private state through `SyncHost`, as the methods did through `this`.
 */
export interface SyncHost {
  readonly client?: DossierFormClient;
  readonly syncing: boolean;
  readonly procedureCode: string;
  readonly applicant?: Applicant;
  readonly locale: string;
  readonly visibleSections: FormSection[];
  readonly shownSections: FormSection[];
  readonly prefill: Record<string, unknown>;
  readonly saving: Promise<void>;
  readonly updateComplete: Promise<boolean>;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly noticeBox?: HTMLElement | null;
  data: Record<string, unknown>;
  serverDraft: ServerDraftState;
  serverErrors: readonly ServerFieldError[];
  syncStatus: SyncStatus;
  settledStatus: SyncStatus;
  syncProblem: Translatable | null;
  conflictProblem: Translatable | null;
  submitProblem: Translatable | null;
  submitted: Dossier | null;
  busy: boolean;
  notice: string;
  retryDelay: number;
  syncTimer: ReturnType<typeof setTimeout> | undefined;
  own: Record<string, string>;
  server: Record<string, string>;
  revealed: boolean;
  visibleFields(sections: readonly FormSection[]): FieldDefinition[];
  check(sections: readonly FormSection[]): { errors: Record<string, string> };
  showErrors(errors: Record<string, string>, focus: boolean): Promise<void>;
  scheduleSync(delay: number): void;
  saveDraft(): void;
  forgetDraft(): Promise<void>;
  push(): Promise<string>;
  dispatchEvent(event: Event): boolean;
}

/** Longest wait between retries while offline. */
const MAX_RETRY_DELAY = 30_000;

/** The draft's documents: the ids of the upload fields shown, by required document. */
const documents = (form: SyncHost, data: Record<string, unknown>) =>
  documentsOf(form.visibleFields(form.visibleSections), data);

/** Sends the answers once (creating the draft if there is none); resolves to its id. */
export async function pushOnce(form: SyncHost): Promise<string> {
  const client = form.client;
  const state = form.serverDraft;
  if (!client || !form.syncing) throw new Error('egov-dossier-form: no client');
  if (form.syncStatus === 'conflict') throw new Error('egov-dossier-form: unresolved conflict');
  if (state.id && (!state.dirty || form.submitted)) return state.id;
  const snapshot = form.data;
  const applicant = form.applicant ? { applicant: form.applicant } : {};
  form.syncStatus = 'saving';
  try {
    const dossier = state.id
      ? await client.dossiers.update(
          state.id,
          { ...applicant, formData: snapshot, documents: documents(form, snapshot) },
          { ifMatch: state.etag },
        )
      : await client.dossiers.create(
          { procedureCode: form.procedureCode, ...applicant, formData: snapshot },
          { idempotencyKey: state.createKey },
        );
    if (form.serverDraft !== state) return dossier.id; // discarded meanwhile
    form.serverDraft = {
      ...state,
      id: dossier.id,
      etag: client.dossiers.etag(dossier.id) ?? state.etag,
      // Typed while the request was out, or files to name (a create carries no documents).
      dirty:
        form.data !== snapshot ||
        (!state.id && documents(form, snapshot).some((doc) => doc.attachmentIds.length > 0)),
    };
    form.syncStatus = 'saved';
    form.syncProblem = null;
    form.retryDelay = 0;
    form.saveDraft();
    if (form.serverDraft.dirty) form.scheduleSync(SYNC_DELAY);
    return dossier.id;
  } catch (error) {
    if (form.serverDraft !== state) throw error;
    if (state.id && isGone(error)) {
      // The draft is no more (deleted on the server): start a new one with these answers.
      form.serverDraft = { createKey: newKey(), dirty: true };
      return pushOnce(form);
    }
    if (isConflict(error)) {
      form.syncStatus = 'conflict';
      form.conflictProblem = null;
    } else if (isOffline(error)) {
      form.syncStatus = 'offline';
      form.retryDelay = Math.min(Math.max(form.retryDelay * 2, 2000), MAX_RETRY_DELAY);
      form.scheduleSync(form.retryDelay);
    } else {
      form.syncStatus = 'error';
      form.syncProblem = failureMessage(error);
    }
    form.saveDraft();
    throw error;
  }
}

/** "Use the saved version": the server's answers replace those on this device. */
async function useSaved(form: SyncHost) {
  const client = form.client;
  const id = form.serverDraft.id;
  if (!client || !id) return;
  try {
    const dossier = await client.dossiers.get(id);
    form.data = { ...form.prefill, ...dossier.formData };
    form.serverDraft = {
      ...form.serverDraft,
      etag: client.dossiers.etag(id) ?? form.serverDraft.etag,
      dirty: false,
    };
  } catch (error) {
    form.conflictProblem = resolutionProblem(error);
    return;
  }
  form.own = {};
  form.server = {};
  resolved(form, syncMessages.usedSaved);
  if (form.revealed) await form.showErrors(form.check(form.shownSections).errors, false);
}

/** "Keep my answers": overwrite the server's version on purpose, against its current ETag. */
async function keepMine(form: SyncHost) {
  const client = form.client;
  const id = form.serverDraft.id;
  if (!client || !id) return;
  try {
    await client.dossiers.get(id);
  } catch (error) {
    form.conflictProblem = resolutionProblem(error);
    return;
  }
  form.serverDraft = {
    ...form.serverDraft,
    etag: client.dossiers.etag(id) ?? form.serverDraft.etag,
    dirty: true,
  };
  form.syncStatus = 'saving';
  try {
    await form.push();
  } catch {
    return; // shown: offline, an error, or another conflict
  }
  resolved(form, syncMessages.keptMine);
}

function resolutionProblem(error: unknown): Translatable {
  return isOffline(error) ? syncMessages.syncOffline : failureMessage(error);
}

async function resolved(form: SyncHost, message: Translatable) {
  form.syncStatus = 'saved';
  form.conflictProblem = form.submitProblem = null;
  form.saveDraft();
  form.notice = translate(message, form.locale);
  await form.updateComplete;
  form.noticeBox?.focus();
}

/**
 * Submits the server draft: sends the last answers, then submits with an Idempotency-Key
 * kept in the local draft until it succeeds — so that a retry after a lost answer, even after
 * a reload, submits once.
 */
export async function submitToServer(form: SyncHost): Promise<void> {
  const client = form.client;
  if (!client) return;
  if (form.syncStatus === 'conflict') {
    form.submitProblem = syncMessages.resolveFirst;
    await form.updateComplete;
    form.renderRoot.querySelector<HTMLElement>('.conflict')?.focus();
    return;
  }
  clearTimeout(form.syncTimer);
  form.busy = true;
  try {
    let dossier: Dossier | undefined;
    const pending = form.serverDraft.submitKey;
    if (pending && form.serverDraft.id) {
      // The last submit got no answer: it may have gone through. If so, the draft is one no
      // more, and sending the answers first would only meet a conflict.
      const current = await client.dossiers.get(form.serverDraft.id);
      if (current.status !== 'draft') dossier = current;
    }
    if (!dossier) {
      const id = await form.push();
      const submitKey = pending ?? newKey();
      if (!pending) {
        form.serverDraft = { ...form.serverDraft, submitKey };
        form.saveDraft();
        await form.saving;
      }
      dossier = await client.dossiers.submit(id, {
        idempotencyKey: submitKey,
        ifMatch: form.serverDraft.etag,
      });
    }
    await succeeded(form, dossier);
  } catch (error) {
    if (isConflict(error)) {
      form.syncStatus = 'conflict';
      form.submitProblem = syncMessages.resolveFirst;
    } else if (isOffline(error)) {
      form.submitProblem = formMessages.submitOffline;
    } else {
      const errors = fieldErrorsOf(error);
      if (errors) form.serverErrors = errors;
      else form.submitProblem = syncMessages.submitFailed(failureMessage(error));
    }
  } finally {
    form.busy = false;
  }
}

async function succeeded(form: SyncHost, dossier: Dossier) {
  form.submitted = dossier;
  form.serverDraft = { createKey: newKey(), dirty: false };
  form.syncStatus = 'idle';
  form.submitProblem = null;
  await form.forgetDraft();
  form.dispatchEvent(
    new CustomEvent('egov-submitted', { bubbles: true, composed: true, detail: { dossier } }),
  );
  await form.updateComplete;
  form.noticeBox?.focus();
}

/** The notice that replaces the form once the dossier is submitted. */
export function renderSubmitted(dossier: Dossier, locale: string): TemplateResult {
  return html`<div part="notice" class="notice done" role="status" tabindex="-1">
    <p>${translate(syncMessages.submitted(dossier.code ?? dossier.id), locale)}</p>
  </div>`;
}

/** The server draft's status line, and the conflict panel with its two choices. */
export function renderSync(form: SyncHost, locale: string): TemplateResult {
  const status = form.syncStatus === 'saving' ? form.settledStatus : form.syncStatus;
  const text =
    status === 'saved'
      ? translate(syncMessages.syncSaved, locale)
      : status === 'offline'
        ? translate(syncMessages.syncOffline, locale)
        : status === 'error' && form.syncProblem
          ? translate(syncMessages.syncFailed(translate(form.syncProblem, locale)), locale)
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
              ${form.conflictProblem ? html`<p class="problem">${translate(form.conflictProblem, locale)}</p>` : nothing}
              <div class="choices">
                <button part="use-saved" type="button" @click=${() => useSaved(form)}>
                  ${translate(syncMessages.useSaved, locale)}
                </button>
                <button part="keep-mine" type="button" @click=${() => keepMine(form)}>
                  ${translate(syncMessages.keepMine, locale)}
                </button>
              </div>
            </div>`
          : nothing
      }
    </div>`;
}
