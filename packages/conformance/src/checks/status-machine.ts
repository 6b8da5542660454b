import {
  ACTIONS,
  type Dossier,
  type DossierStatus,
  type Payment,
  PaymentProvider,
} from '@egov-kit/schema';
import type { Check } from '../check.js';
import { cites, DESIGN } from '../cite.js';
import type { CheckContext } from '../context.js';
import { act, newKey, PDF, submittedDossier, uploadForm } from '../fixtures.js';

const MACHINE = `${DESIGN.machine}: the transition table is data in schema (ACTIONS)`;
/** Officer actions that need nothing but their name: a refusal of one is about status alone. */
const BARE_ACTIONS = [
  'receive',
  'start_processing',
  'confirm_payment',
  'resume',
  'return_result',
] as const;

/** The dossier a whole journey took to `returned`, with what each step recorded. */
export interface Journey {
  readonly dossier: Dossier;
  readonly verifier: string;
  readonly resultAttachmentId: string;
  /** The actions taken, in order. */
  readonly actions: readonly string[];
}

/** Every bare officer action the machine refuses from `status` answers 409. */
async function refusesOthers(ctx: CheckContext, id: string, status: DossierStatus): Promise<void> {
  for (const action of BARE_ACTIONS) {
    const rule = ACTIONS[action];
    if ((rule.from as readonly string[]).includes(status)) continue;
    const answer = await ctx.call('takeOfficerAction', {
      as: 'officer',
      params: { id },
      json: { action },
      headers: { 'idempotency-key': newKey() },
    });
    const terminal = status === 'returned' || status === 'rejected' || status === 'withdrawn';
    ctx.expectProblem(
      answer,
      409,
      `${MACHINE}: "${action}" is not allowed from ${status}: 409 (takeOfficerAction description)`,
      { code: terminal ? 'terminal' : 'wrong_status' },
    );
  }
}

function expectStatus(
  ctx: CheckContext,
  dossier: Dossier,
  status: DossierStatus,
  code: number | undefined,
  step: string,
) {
  ctx.assert(
    dossier.status === status && (code === undefined || dossier.nationalStatusCode === code),
    `${MACHINE}: ${step} leads to ${status}${code ? `[${code}]` : ''}`,
    `the dossier is ${dossier.status} (national code ${dossier.nationalStatusCode})`,
  );
}

/**
 * Walks one dossier through every officer action to `returned`, through the contract alone,
 * checking each step's status and the refusals at each status. Made once per run: the lookup
 * and survey checks use its dossier.
 */
export function journey(ctx: CheckContext): Promise<Journey> {
  return ctx.fixtures.once('journey', async () => {
    ctx.token('officer');
    const submitted = await submittedDossier(ctx);
    const id = submitted.id;
    const actions = ['create', 'submit'];
    const step = async (body: Record<string, unknown>, to: DossierStatus, code?: number) => {
      const dossier = await act(
        ctx,
        id,
        body,
        `${MACHINE}: "${body.action}" is allowed from where the dossier is`,
      );
      expectStatus(ctx, dossier, to, code, String(body.action));
      actions.push(String(body.action));
      await refusesOthers(ctx, id, to);
      return dossier;
    };

    const inbox = await ctx.call('listAgencyDossiers', { as: 'officer', query: { limit: 100 } });
    ctx.expectStatus(inbox, 200, 'listAgencyDossiers answers 200');
    ctx.assert(
      inbox.body.items.some((d: Dossier) => d.id === id),
      "A submitted dossier is in the officer's inbox (listAgencyDossiers)",
      `dossier ${submitted.code} is not in the inbox: is the officer token's agency the one of commune ${ctx.options.communeCode ?? '20242'}?`,
      inbox,
    );
    ctx.assert(
      inbox.body.items.every((d: Dossier) => d.status !== 'draft'),
      "Drafts are the citizen's alone: none in the officer's inbox",
      'a draft is in the inbox',
      inbox,
    );
    await refusesOthers(ctx, id, 'submitted');

    const received = await step({ action: 'receive' }, 'received', 2);
    ctx.assert(
      typeof received.dueAt === 'string' && typeof received.receivedAt === 'string',
      `${MACHINE}: receive sets receivedAt and the due date (setsDueAt)`,
      `receivedAt ${received.receivedAt}, dueAt ${received.dueAt}`,
    );
    await step({ action: 'start_processing' }, 'in_progress', 4);

    const noNote = await ctx.call('takeOfficerAction', {
      as: 'officer',
      params: { id },
      json: { action: 'request_supplement', requestedDocuments: ['doc-1'] },
    });
    ctx.expectProblem(
      noNote,
      [400, 422],
      `${MACHINE}: request_supplement needs a note for the applicant (requiresNote)`,
    );
    await step(
      {
        action: 'request_supplement',
        note: 'Đề nghị bổ sung bản sao căn cước công dân rõ nét.',
        requestedDocuments: ['doc-1'],
      },
      'awaiting_supplement',
      5,
    );
    const file = await ctx.call('uploadAttachment', {
      as: 'citizen',
      params: { id },
      form: uploadForm('doc-1', PDF, 'can-cuoc-bo-sung.pdf'),
      headers: { 'idempotency-key': newKey() },
    });
    ctx.expectStatus(file, 201, 'The citizen uploads what was asked while awaiting_supplement');
    const supplied = await ctx.call('supplementDossier', {
      as: 'citizen',
      params: { id },
      json: {
        note: 'Đã bổ sung theo yêu cầu',
        documents: [{ requirementCode: 'doc-1', attachmentIds: [file.body.id] }],
      },
      headers: { 'idempotency-key': newKey() },
    });
    ctx.expectStatus(supplied, 200, 'supplementDossier answers 200 while awaiting_supplement');
    expectStatus(ctx, supplied.body, 'in_progress', 4, 'supplement (after receipt)');
    actions.push('supplement');

    await step(
      { action: 'request_payment', fees: [{ kind: 'charge', amount: 50000, note: 'Lệ phí' }] },
      'awaiting_payment',
      6,
    );
    // The ways to pay this back end offers come first; then every provider the contract names
    // (an agency that takes none online answers 4xx to each, and the officer confirms a payment
    // at the desk).
    const methods = await ctx.call('listPaymentMethods');
    ctx.expectStatus(methods, 200, 'listPaymentMethods answers 200');
    const offered: string[] = methods.body.items.map((m: { provider: string }) => m.provider);
    let payment: Payment | undefined;
    for (const provider of new Set([...offered, ...PaymentProvider.options])) {
      const answer = await ctx.call('createPayment', {
        as: 'citizen',
        params: { id },
        json: { provider },
        headers: { 'idempotency-key': newKey() },
      });
      if (answer.status !== 201) {
        ctx.expectProblem(
          answer,
          [400, 409, 422],
          'createPayment answers 201, or refuses a provider not offered',
        );
        ctx.assert(
          !offered.includes(provider),
          'createPayment accepts a way to pay that listPaymentMethods offers',
          `"${provider}" is offered by listPaymentMethods but refused`,
          answer,
        );
        continue;
      }
      ctx.assert(
        answer.body.total === 50000 && answer.body.status === 'pending',
        'A payment is for the fees the officer asked, pending until confirmed',
        `total ${answer.body.total} (asked 50000), status ${answer.body.status}`,
        answer,
      );
      payment = answer.body as Payment;
      break;
    }
    if (payment) {
      // A stranger who knows the reference forges the provider's "paid": it must change nothing.
      const forged = await ctx.call('receivePaymentNotification', {
        params: { provider: payment.provider },
        json: {
          notificationId: `forged-${newKey()}`,
          reference: payment.reference ?? payment.id,
          amount: payment.total,
          currency: 'VND',
          status: 'paid',
          occurredAt: new Date().toISOString(),
        },
        headers: { 'x-egov-signature': `sha256=${'0'.repeat(64)}` },
      });
      ctx.expectProblem(
        forged,
        [400, 401, 404],
        'A payment notification without the provider’s signature is refused (receivePaymentNotification: 401 for a bad signature)',
      );
      const still = await ctx.call('getPayment', {
        as: 'citizen',
        params: { id, paymentId: payment.id },
      });
      ctx.expectStatus(still, 200, 'getPayment answers 200 to the payer');
      ctx.assert(
        still.body.status === 'pending',
        'A forged payment notification marks nothing paid',
        `the payment is ${still.body.status} after a notification with a wrong signature`,
        still,
      );
    }
    await step({ action: 'confirm_payment' }, 'in_progress', 4);
    const payments = await ctx.call('listPayments', { as: 'citizen', params: { id } });
    ctx.expectStatus(payments, 200, 'listPayments answers 200');
    if (payment) {
      const paid = await ctx.call('getPayment', {
        as: 'citizen',
        params: { id, paymentId: payment.id },
      });
      ctx.assert(
        paid.body.status === 'paid',
        `${MACHINE}: confirm_payment settles the pending payment`,
        `the payment is ${paid.body.status} after confirm_payment`,
        paid,
      );
      const receipt = await ctx.call('getPaymentReceipt', {
        as: 'citizen',
        params: { id, paymentId: payment.id },
      });
      ctx.expectStatus(receipt, 200, 'getPaymentReceipt serves a paid payment’s receipt');
      ctx.assert(
        new TextDecoder().decode(receipt.bytes.slice(0, 5)) === '%PDF-',
        'getPaymentReceipt answers a PDF (route: application/pdf)',
        `the receipt starts with ${JSON.stringify(new TextDecoder().decode(receipt.bytes.slice(0, 8)))}`,
        receipt,
      );
    }

    await step({ action: 'transfer', step: 'Thẩm định hồ sơ' }, 'in_progress', 4);
    const current = await ctx.call('getDossier', { as: 'officer', params: { id } });
    const earlier = await ctx.call('takeOfficerAction', {
      as: 'officer',
      params: { id },
      json: { action: 'apologise', note: 'Cần xác minh', newDueAt: '2020-01-01T00:00:00+07:00' },
    });
    ctx.expectProblem(
      earlier,
      400,
      `${MACHINE}: apologise sets a later due date, never an earlier one`,
    );
    const later = new Date(Date.parse(current.body.dueAt) + 3 * 86_400_000).toISOString();
    const apologised = await step(
      {
        action: 'apologise',
        note: 'Cần xác minh thêm thông tin với cơ quan liên quan',
        newDueAt: later,
      },
      'in_progress',
    );
    ctx.assert(
      Date.parse(apologised.dueAt ?? '') === Date.parse(later),
      `${MACHINE}: apologise sets the new due date`,
      `dueAt ${apologised.dueAt}, asked ${later}`,
    );

    const result = await ctx.call('uploadAttachment', {
      as: 'officer',
      params: { id },
      form: uploadForm('result', PDF, 'ket-qua.pdf'),
      headers: { 'idempotency-key': newKey() },
    });
    ctx.expectStatus(
      result,
      201,
      'The officer uploads the result document (requirementCode "result")',
    );
    await step(
      {
        action: 'resolve',
        outcome: { decision: 'approved', resultAttachmentIds: [result.body.id] },
      },
      'resolved',
      9,
    );
    await step({ action: 'return_result' }, 'returned', 10);
    return {
      dossier: submitted,
      verifier: submitted.verifier as string,
      resultAttachmentId: result.body.id,
      actions,
    };
  });
}

export const statusMachineChecks: readonly Check[] = [
  {
    id: 'status.journey',
    title:
      'A dossier goes through every officer action to returned; each status refuses the actions the machine does not allow (409)',
    cites: cites(
      [MACHINE],
      [
        'listAgencyDossiers',
        'takeOfficerAction',
        'supplementDossier',
        'createPayment',
        'listPayments',
        'listPaymentMethods',
        'getPayment',
        'getPaymentReceipt',
        'receivePaymentNotification',
      ],
    ),
    async run(ctx) {
      await journey(ctx);
    },
  },
  {
    id: 'status.events',
    title: 'Each action appends one event, oldest first, with its from → to',
    cites: cites(
      [MACHINE, 'DESIGN.md § Domain model: DossierEvent, the audit trail'],
      ['listDossierEvents'],
    ),
    async run(ctx) {
      const { dossier, actions } = await journey(ctx);
      const events = await ctx.call('listDossierEvents', {
        as: 'citizen',
        params: { id: dossier.id },
      });
      ctx.expectStatus(events, 200, 'listDossierEvents answers 200');
      const seen = events.body.items.map((e: { action: string }) => e.action);
      ctx.assert(
        JSON.stringify(seen) === JSON.stringify(actions),
        'The audit trail holds one event per action, oldest first',
        `events ${seen.join(' → ')}; actions taken ${actions.join(' → ')}`,
        events,
      );
      const items: { action: string; fromStatus?: string | null; toStatus: string }[] =
        events.body.items;
      for (let i = 1; i < items.length; i++) {
        const before = items[i - 1];
        const event = items[i];
        if (!before || !event || event.fromStatus == null) continue;
        ctx.assert(
          event.fromStatus === before.toStatus,
          'Each event starts where the one before it ended',
          `"${event.action}" is from ${event.fromStatus}, the one before ended at ${before.toStatus}`,
          events,
        );
      }
      const officer = await ctx.call('listDossierEvents', {
        as: 'officer',
        params: { id: dossier.id },
      });
      ctx.expectStatus(officer, 200, "The agency's officer reads the events of its dossier");
    },
  },
  {
    id: 'surveys.answer',
    title:
      'A returned dossier opens its survey to its owner; the first answer is 201, a second replaces it (200)',
    cites: cites(
      [DESIGN.machine, 'DESIGN.md § Domain model: SatisfactionResponse'],
      ['getSurvey', 'getSurveyStatus', 'answerSurvey'],
    ),
    async run(ctx) {
      const { dossier } = await journey(ctx);
      const id = { id: dossier.id };
      const survey = await ctx.call('getSurvey', { as: 'citizen', params: id });
      ctx.expectStatus(
        survey,
        200,
        'Returning the result opens the satisfaction survey (getSurvey 200)',
      );
      const body = (score: number) => ({
        dossierId: dossier.id,
        surveyId: survey.body.id,
        answers: survey.body.criteria.map((c: { code: string }) => ({ criterion: c.code, score })),
        comment: 'Cán bộ hướng dẫn tận tình, đúng hẹn.',
      });
      const open = await ctx.call('getSurveyStatus', { as: 'citizen', params: id });
      ctx.expectStatus(open, 200, 'getSurveyStatus answers 200 to the owner');
      ctx.assert(
        open.body.state === 'open' && open.body.response === null,
        "A returned dossier's survey is open until answered (getSurveyStatus)",
        `state ${open.body.state}, response ${JSON.stringify(open.body.response)}`,
        open,
      );
      const first = await ctx.call('answerSurvey', { as: 'citizen', params: id, json: body(4) });
      ctx.expectStatus(first, 201, 'answerSurvey answers 201 to the first answer');
      const second = await ctx.call('answerSurvey', { as: 'citizen', params: id, json: body(5) });
      ctx.expectStatus(second, 200, 'answerSurvey: a second answer replaces the first (200)');
      ctx.assert(
        second.body.answers.every((a: { score: number }) => a.score === 5),
        'answerSurvey: a second answer replaces the first',
        'the answer still holds the first scores',
        second,
      );
      const answered = await ctx.call('getSurveyStatus', { as: 'citizen', params: id });
      ctx.assert(
        answered.body.state === 'answered' &&
          answered.body.response?.answers?.every((a: { score: number }) => a.score === 5),
        'getSurveyStatus shows the answered survey with the latest answers',
        `state ${answered.body.state}`,
        answered,
      );
      if (ctx.options.otherCitizenToken) {
        const stranger = await ctx.call('answerSurvey', {
          as: 'otherCitizen',
          params: id,
          json: body(1),
        });
        ctx.expectProblem(
          stranger,
          404,
          "Only the dossier's owner rates it: another citizen gets 404",
        );
      }
    },
  },
];
