import type { Dossier } from '@egov-kit/schema';
import type { DossierFormClient } from '../src/dossier-form/server-draft.js';

/** One call as the server saw it (or would have: `lost` calls never reached it). */
export interface Call {
  readonly op: 'create' | 'get' | 'update' | 'submit' | 'upload';
  readonly id?: string;
  readonly ifMatch?: string;
  readonly key?: string;
  readonly body?: unknown;
}

type Failure = { readonly op: Call['op']; readonly when: 'before' | 'after' };

/** The error shapes `@egov-kit/client` throws, without loading it. */
const networkError = () =>
  Object.assign(new Error('Không kết nối được máy chủ.'), { name: 'NetworkError' });
const apiError = (
  status: number,
  message: string,
  errors: { path: string; message: string }[] = [],
) =>
  Object.assign(new Error(message), {
    name: status === 412 ? 'ConflictError' : 'ApiError',
    status,
    errors,
  });

/**
 * An in-memory dossier API that behaves as the reference server does where the form relies on
 * it: ETags `"id.version"` checked against If-Match (412 when stale), Idempotency-Keys that
 * replay the first answer of a create or a submit, drafts only editable until submitted — and
 * failures on request: offline, a drop before the server acted, or after (the answer lost).
 */
export class FakeDossierServer {
  readonly dossiers = new Map<string, Dossier>();
  readonly calls: Call[] = [];
  readonly attachments = new Map<string, { dossierId: string; requirementCode: string }>();
  offline = false;
  /** Checked on submit, as validateFormData and the documents check are on the server. */
  submitCheck: (dossier: Dossier) => { path: string; message: string }[] = () => [];
  private readonly failures: Failure[] = [];
  private readonly keys = new Map<string, Dossier>();
  private sequence = 0;

  /** The next `op` fails: `before` the server acts (nothing done), or `after` (answer lost). */
  fail(op: Call['op'], when: 'before' | 'after') {
    this.failures.push({ op, when });
  }

  callsOf(op: Call['op']): Call[] {
    return this.calls.filter((call) => call.op === op);
  }

  /** Someone changes the draft elsewhere (another tab, another device). */
  editElsewhere(id: string, formData: Record<string, unknown>) {
    const dossier = this.dossiers.get(id);
    if (!dossier) throw new Error(`no dossier ${id}`);
    this.store({ ...dossier, formData, version: dossier.version + 1 });
  }

  /** A client of this server, with its own memory of ETags, as each tab's client has. */
  client(): DossierFormClient {
    const etags = new Map<string, string>();
    const seen = (dossier: Dossier) => {
      etags.set(dossier.id, etagOf(dossier));
      return structuredClone(dossier);
    };
    const run = async <T>(call: Call, work: () => T): Promise<T> => {
      // An answer never comes at once from a network.
      await new Promise((resolve) => setTimeout(resolve, 5));
      this.calls.push(call);
      if (this.offline) throw networkError();
      const index = this.failures.findIndex((failure) => failure.op === call.op);
      const failure = index >= 0 ? this.failures.splice(index, 1)[0] : undefined;
      if (failure?.when === 'before') throw networkError();
      const result = work();
      if (failure?.when === 'after') throw networkError();
      return result;
    };
    return {
      dossiers: {
        create: (draft, options) =>
          run({ op: 'create', key: options?.idempotencyKey, body: draft }, () => {
            const replay = options?.idempotencyKey && this.keys.get(`c:${options.idempotencyKey}`);
            if (replay) return seen(this.dossiers.get(replay.id) ?? replay);
            this.sequence += 1;
            const now = new Date().toISOString();
            const dossier = {
              id: `00000000-0000-4000-8000-${String(this.sequence).padStart(12, '0')}`,
              procedureCode: draft.procedureCode,
              caseCode: draft.caseCode ?? 'default',
              formId: 'test',
              formVersion: 1,
              channel: 'online',
              applicant: draft.applicant,
              formData: draft.formData ?? {},
              documents: [],
              status: 'draft',
              nationalStatusCode: null,
              createdAt: now,
              updatedAt: now,
              overdue: false,
              version: 1,
            } as Dossier;
            this.store(dossier);
            if (options?.idempotencyKey) this.keys.set(`c:${options.idempotencyKey}`, dossier);
            return seen(dossier);
          }),
        get: (id) =>
          run({ op: 'get', id }, () => {
            const dossier = this.dossiers.get(id);
            if (!dossier) throw apiError(404, 'Not found');
            return seen(dossier);
          }),
        update: (id, changes, options) => {
          const ifMatch = options?.ifMatch ?? etags.get(id);
          return run({ op: 'update', id, ifMatch, body: changes }, () => {
            const dossier = this.current(id, ifMatch);
            if (dossier.status !== 'draft') throw apiError(409, 'Not a draft');
            return seen(
              this.store({
                ...dossier,
                ...changes,
                formData: changes.formData ?? dossier.formData,
                documents: changes.documents ?? dossier.documents,
                version: dossier.version + 1,
              } as Dossier),
            );
          });
        },
        submit: (id, options) => {
          const ifMatch = options?.ifMatch ?? etags.get(id);
          const key = options?.idempotencyKey;
          return run({ op: 'submit', id, ifMatch, key }, () => {
            const replay = key && this.keys.get(`s:${key}`);
            if (replay) return seen(replay);
            const dossier = this.current(id, ifMatch);
            if (dossier.status !== 'draft') throw apiError(409, 'Not a draft');
            const errors = this.submitCheck(dossier);
            if (errors.length) throw apiError(422, 'Unprocessable', errors);
            const submitted = this.store({
              ...dossier,
              status: 'submitted',
              code: `G01.${String(this.dossiers.size).padStart(3, '0')}`,
              verifier: 'ABCD1234',
              nationalStatusCode: 1,
              version: dossier.version + 1,
            });
            if (key) this.keys.set(`s:${key}`, submitted);
            return seen(submitted);
          });
        },
        etag: (id) => etags.get(id),
      },
      attachments: {
        upload: (dossierId, requirementCode) =>
          run({ op: 'upload', id: dossierId, body: requirementCode }, () => {
            const dossier = this.dossiers.get(dossierId);
            if (dossier?.status !== 'draft') throw apiError(409, 'Not a draft');
            const id = `a0000000-0000-4000-8000-${String(this.attachments.size + 1).padStart(12, '0')}`;
            this.attachments.set(id, { dossierId, requirementCode });
            return { id };
          }),
      },
    };
  }

  /** The dossier, if `ifMatch` names its current version; a 412 otherwise. */
  private current(id: string, ifMatch: string | undefined): Dossier {
    const dossier = this.dossiers.get(id);
    if (!dossier) throw apiError(404, 'Not found');
    if (!ifMatch) throw apiError(428, 'If-Match required');
    if (ifMatch !== etagOf(dossier)) throw apiError(412, 'Changed elsewhere');
    return dossier;
  }

  private store(dossier: Dossier): Dossier {
    this.dossiers.set(dossier.id, structuredClone(dossier));
    return dossier;
  }

  submittedCount(): number {
    return [...this.dossiers.values()].filter((dossier) => dossier.status === 'submitted').length;
  }
}

export const etagOf = (dossier: Pick<Dossier, 'id' | 'version'>) =>
  `"${dossier.id}.${dossier.version}"`;
