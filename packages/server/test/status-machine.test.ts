import { type DossierStatus, type OfficerAction, transition } from '@egov-kit/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KIND } from './support/database.js';
import { type Harness, startHarness, upload } from './support/harness.js';
import { act, completeDraft, key, submitted } from './support/journeys.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h?.close());

const FAR = new Date(Date.now() + 400 * 86_400_000).toISOString();

/** What each officer action needs besides its name. */
const PAYLOAD: Record<OfficerAction, Record<string, unknown>> = {
  receive: {},
  reject: { note: 'Hồ sơ không thuộc thẩm quyền' },
  start_processing: {},
  transfer: { step: 'Thẩm định' },
  request_supplement: { note: 'Bổ sung', requestedDocuments: ['doc-2'] },
  request_payment: { fees: [{ kind: 'charge', amount: 20000 }] },
  confirm_payment: {},
  stop: { note: 'Chờ xác minh' },
  resume: {},
  resolve: { outcome: { decision: 'approved', resultAttachmentIds: [] } },
  return_result: {},
  apologise: { note: 'Xin lỗi vì chậm', newDueAt: FAR },
};

/** The officer actions, in the order they bring a dossier to each status. */
const PATHS: Record<Exclude<DossierStatus, 'draft'>, readonly (OfficerAction | 'withdraw')[]> = {
  submitted: [],
  received: ['receive'],
  in_progress: ['receive', 'start_processing'],
  awaiting_supplement: ['receive', 'start_processing', 'request_supplement'],
  awaiting_payment: ['receive', 'start_processing', 'request_payment'],
  stopped: ['receive', 'start_processing', 'stop'],
  resolved: ['receive', 'start_processing', 'resolve'],
  returned: ['receive', 'start_processing', 'resolve', 'return_result'],
  rejected: ['reject'],
  withdrawn: ['withdraw'],
};

async function dossierAt(status: Exclude<DossierStatus, 'draft'>) {
  const dossier = await submitted(h);
  for (const step of PATHS[status]) {
    if (step === 'withdraw') {
      const response = await h.request('POST', `/api/v1/dossiers/${dossier.id}/withdraw`, {
        token: h.tokens.citizen,
        json: { reason: 'Không cần nữa' },
      });
      expect(response.status).toBe(200);
    } else {
      await act(h, dossier.id, { action: step, ...PAYLOAD[step] });
    }
  }
  return dossier;
}

const STATUS_OF_PROBLEM = { conflict: 409, forbidden: 403, validation: 400 } as const;

describe(`every officer action from every status, over HTTP, agrees with the machine (${DATABASE_KIND})`, () => {
  for (const status of Object.keys(PATHS) as Exclude<DossierStatus, 'draft'>[]) {
    it(`from ${status}`, async () => {
      for (const action of Object.keys(PAYLOAD) as OfficerAction[]) {
        const dossier = await dossierAt(status);
        const before = (
          await h.request('GET', `/api/v1/dossiers/${dossier.id}`, { token: h.tokens.officer })
        ).body;
        const expected = transition(
          { status, receivedAt: before.receivedAt },
          { action, actor: 'officer', note: 'x' },
        );
        const response = await h.request('POST', `/api/v1/officer/dossiers/${dossier.id}/actions`, {
          token: h.tokens.officer,
          json: { action, ...PAYLOAD[action] },
          headers: { 'idempotency-key': key() },
        });
        if (expected.ok) {
          expect(response.status, `${status} --${action}--> ${JSON.stringify(response.body)}`).toBe(
            200,
          );
          expect(response.body.status).toBe(expected.value.to);
          expect(response.body.nationalStatusCode).toBeTypeOf('number');
          const events = await h.request('GET', `/api/v1/dossiers/${dossier.id}/events`, {
            token: h.tokens.officer,
          });
          expect(events.body.items.at(-1)).toMatchObject({
            action,
            fromStatus: status,
            toStatus: expected.value.to,
          });
        } else {
          const problem =
            expected.error.code === 'terminal' || expected.error.code === 'wrong_status'
              ? 'conflict'
              : 'forbidden';
          expect(response.status, `${status} --${action}-->`).toBe(STATUS_OF_PROBLEM[problem]);
          expect(response.body.code).toBe(expected.error.code);
          const after = await h.request('GET', `/api/v1/dossiers/${dossier.id}`, {
            token: h.tokens.officer,
          });
          expect(after.body.status).toBe(status);
          expect(after.body.version).toBe(before.version);
        }
      }
    }, 120_000);
  }

  it('keeps drafts away from officers entirely', async () => {
    const { dossier } = await completeDraft(h);
    const response = await h.request('POST', `/api/v1/officer/dossiers/${dossier.id}/actions`, {
      token: h.tokens.officer,
      json: { action: 'receive' },
    });
    expect(response.status).toBe(404);
  });

  it('lets the citizen supply documents only when asked, and back to where the dossier was', async () => {
    for (const [status, back] of [
      ['submitted', null],
      ['awaiting_supplement', 'in_progress'],
      ['returned', null],
    ] as const) {
      const dossier = await dossierAt(status);
      const file = await h.request('POST', `/api/v1/dossiers/${dossier.id}/attachments`, {
        token: h.tokens.citizen,
        form: upload('doc-2'),
      });
      const response = await h.request('POST', `/api/v1/dossiers/${dossier.id}/supplement`, {
        token: h.tokens.citizen,
        json: {
          documents: [
            { requirementCode: 'doc-2', attachmentIds: file.status === 201 ? [file.body.id] : [] },
          ],
        },
      });
      if (back) {
        expect(response.status).toBe(200);
        expect(response.body.status).toBe(back);
      } else {
        expect([409, 400]).toContain(response.status);
      }
    }
  }, 60_000);

  it('sends a supplement asked before receipt back to submitted', async () => {
    const dossier = await submitted(h);
    await act(h, dossier.id, { action: 'request_supplement', ...PAYLOAD.request_supplement });
    const file = await h.request('POST', `/api/v1/dossiers/${dossier.id}/attachments`, {
      token: h.tokens.citizen,
      form: upload('doc-2'),
    });
    const response = await h.request('POST', `/api/v1/dossiers/${dossier.id}/supplement`, {
      token: h.tokens.citizen,
      json: { documents: [{ requirementCode: 'doc-2', attachmentIds: [file.body.id] }] },
    });
    expect(response.body.status).toBe('submitted');
    expect(response.body.dueAt).toBeUndefined();
  });
});
