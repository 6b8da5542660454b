/**
 * The public API's types. `tsc --noEmit -p packages/client` checks this file: an
 * `@ts-expect-error` whose line compiles, or an `expectTypeOf` that does not hold, fails the
 * type check. The calls sit in functions that never run.
 */
import type {
  AdministrativeUnit,
  AgencyList,
  Attachment,
  Dossier,
  DossierPage,
  EventList,
  FormDefinition,
  Health,
  LookupResult,
  OfficerAction,
  OfficerActionRequest,
  OnTimeStatistics,
  Page,
  Payment,
  Procedure,
  ProcedurePage,
  ProcedureSummary,
  SatisfactionResponse,
  SurveyDefinition,
  UnitList,
} from '@egov-kit/schema';
import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import {
  type ApiError,
  type Client,
  type ConflictError,
  createClient,
  isApiError,
  isConflictError,
  isResponseValidationError,
  type OfficerActionInput,
} from '../src/index.js';
import type { OperationId, RouteOf } from '../src/internal/operations.js';

/** What a method's promise gives. */
type Out<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
/** A method's argument. */
type In<F extends (...args: never[]) => unknown, N extends number> = Parameters<F>[N];
/** The inferred body schema of a route. */
type Body<Id extends OperationId> =
  RouteOf<Id> extends { body: { schema: infer S } }
    ? S extends z.ZodMiniType
      ? z.infer<S>
      : never
    : never;
/** The inferred query schema of a route. */
type Query<Id extends OperationId> =
  RouteOf<Id> extends { query: infer S } ? (S extends z.ZodMiniType ? z.infer<S> : never) : never;

// Real values: expectTypeOf reads them at run time (and checks nothing there); calls that
// would send something sit in functions that never run.
const client: Client = createClient({ baseUrl: 'https://api.example.vn/api/v1' });
const id = '3f1c2a9e-8b7d-4c6e-9a1f-0b2c3d4e5f60';
const file = new File([], 'empty.pdf');

describe('types', () => {
  it('every method answers exactly the type of its route’s schema', () => {
    // The route table types its responses as `RouteResponse` (the schema's type is erased), so
    // the schemas are compared at run time (validation.test.ts: each operation is checked
    // against its route's very schema) and their inferred types here.
    expectTypeOf(client.procedures.list).returns.toEqualTypeOf<Promise<Page<ProcedureSummary>>>();
    expectTypeOf<Page<ProcedureSummary>>().toEqualTypeOf<z.infer<typeof ProcedurePage>>();
    expectTypeOf(client.procedures.get).returns.toEqualTypeOf<Promise<Procedure>>();
    expectTypeOf(client.procedures.getForm).returns.toEqualTypeOf<Promise<FormDefinition>>();
    expectTypeOf<Out<Client['units']['list']>>().toEqualTypeOf<z.infer<typeof UnitList>>();
    expectTypeOf<Out<Client['units']['search']>>().toEqualTypeOf<z.infer<typeof UnitList>>();
    expectTypeOf(client.units.get).returns.toEqualTypeOf<Promise<AdministrativeUnit>>();
    expectTypeOf<Out<Client['agencies']['list']>>().toEqualTypeOf<z.infer<typeof AgencyList>>();
    for (const method of [
      client.dossiers.create,
      client.dossiers.get,
      client.dossiers.update,
      client.dossiers.submit,
      client.dossiers.withdraw,
      client.dossiers.supplement,
      client.officer.act,
    ]) {
      expectTypeOf(method).returns.toEqualTypeOf<Promise<Dossier>>();
    }
    expectTypeOf<Out<Client['dossiers']['list']>>().toEqualTypeOf<z.infer<typeof DossierPage>>();
    expectTypeOf<Out<Client['officer']['list']>>().toEqualTypeOf<z.infer<typeof DossierPage>>();
    expectTypeOf<Out<Client['dossiers']['events']>>().toEqualTypeOf<z.infer<typeof EventList>>();
    expectTypeOf(client.dossiers.lookup).returns.toEqualTypeOf<Promise<LookupResult>>();
    expectTypeOf(client.attachments.upload).returns.toEqualTypeOf<Promise<Attachment>>();
    expectTypeOf(client.attachments.download).returns.toEqualTypeOf<Promise<File>>();
    expectTypeOf<Out<Client['payments']['list']>>().toEqualTypeOf<{ items: Payment[] }>();
    expectTypeOf(client.payments.create).returns.toEqualTypeOf<Promise<Payment>>();
    expectTypeOf(client.surveys.get).returns.toEqualTypeOf<Promise<SurveyDefinition>>();
    expectTypeOf(client.surveys.answer).returns.toEqualTypeOf<Promise<SatisfactionResponse>>();
    expectTypeOf(client.statistics.onTime).returns.toEqualTypeOf<Promise<OnTimeStatistics>>();
    expectTypeOf<Out<Client['health']>>().toEqualTypeOf<z.infer<typeof Health>>();
    expectTypeOf(client.procedures.all).returns.toEqualTypeOf<
      AsyncGenerator<ProcedureSummary, void, undefined>
    >();
    expectTypeOf(client.dossiers.all).returns.toEqualTypeOf<
      AsyncGenerator<Dossier, void, undefined>
    >();
    expectTypeOf(client.officer.all).returns.toEqualTypeOf<
      AsyncGenerator<Dossier, void, undefined>
    >();
  });

  it('every body and query is its route’s (the route table keeps those types)', () => {
    expectTypeOf<In<Client['dossiers']['create'], 0>>().toEqualTypeOf<Body<'createDossier'>>();
    expectTypeOf<In<Client['dossiers']['update'], 1>>().toEqualTypeOf<Body<'updateDossier'>>();
    expectTypeOf<In<Client['dossiers']['withdraw'], 1>>().toEqualTypeOf<Body<'withdrawDossier'>>();
    expectTypeOf<In<Client['dossiers']['supplement'], 1>>().toEqualTypeOf<
      Body<'supplementDossier'>
    >();
    expectTypeOf<In<Client['payments']['create'], 1>>().toEqualTypeOf<Body<'createPayment'>>();
    expectTypeOf<In<Client['officer']['act'], 1>>().toExtend<Body<'takeOfficerAction'>>();
    // A survey answer may leave out what the path says: the dossier.
    expectTypeOf<In<Client['surveys']['answer'], 1> & { dossierId: string }>().toExtend<
      Body<'answerSurvey'>
    >();
    expectTypeOf<In<Client['procedures']['list'], 0>>().toEqualTypeOf<
      Query<'listProcedures'> | undefined
    >();
    expectTypeOf<In<Client['dossiers']['lookup'], 0>>().toEqualTypeOf<Query<'lookupDossier'>>();
    expectTypeOf<NonNullable<In<Client['procedures']['getForm'], 1>>>().toExtend<
      Query<'getProcedureForm'>
    >();
    // Narrower than the contract where the contract says only "a string": a status.
    expectTypeOf<NonNullable<In<Client['dossiers']['list'], 0>>>().toExtend<
      Query<'listMyDossiers'>
    >();
    expectTypeOf<NonNullable<In<Client['officer']['list'], 0>>>().toExtend<
      Query<'listAgencyDossiers'>
    >();
    expectTypeOf<NonNullable<In<Client['units']['list'], 0>>>().toExtend<Query<'searchUnits'>>();
    expectTypeOf<NonNullable<In<Client['agencies']['list'], 0>>>().toExtend<
      Query<'listAgencies'>
    >();
    expectTypeOf<In<Client['statistics']['onTime'], 0>>().toEqualTypeOf<
      z.input<RouteOf<'getOnTimeStatistics'>['query']>
    >();
  });

  it('a wrong call does not compile', () => {
    () => {
      // @ts-expect-error -- baseUrl is required
      createClient({});
      // @ts-expect-error -- vi or en
      createClient({ baseUrl: '/api/v1', locale: 'fr' });
      // @ts-expect-error -- a token, not an object
      createClient({ baseUrl: '/api/v1', getToken: () => ({ token: 'x' }) });
      // @ts-expect-error -- procedureCode is required
      client.dossiers.create({ caseCode: 'c1' });
      // @ts-expect-error -- a channel of the contract
      client.dossiers.create({ procedureCode: '1.013133', channel: 'fax' });
      // @ts-expect-error -- status is not a draft change
      client.dossiers.update(id, { status: 'submitted' });
      // @ts-expect-error -- a status of the machine
      client.dossiers.list({ status: 'lost' });
      // @ts-expect-error -- the verifier is required
      client.dossiers.lookup({ code: 'HS-1' });
      // @ts-expect-error -- a reason is required
      client.dossiers.withdraw(id, {});
      // @ts-expect-error -- a file, not its name
      client.attachments.upload(id, 'doc-1', 'to-khai.pdf');
      // @ts-expect-error -- a provider of the contract
      client.payments.create(id, { provider: 'paypal' });
      // @ts-expect-error -- the period is required
      client.statistics.onTime({ groupBy: 'agency' });
      // @ts-expect-error -- scores are numbers
      client.surveys.answer(id, { surveyId: 's', answers: [{ criterion: 'a', score: '5' }] });
      // @ts-expect-error -- search takes the text first
      client.procedures.search({ q: 'khai sinh' });
      // @ts-expect-error -- submit carries a key and an ETag, no body
      client.dossiers.submit(id, { formData: {} });
    };
  });

  it('officer actions are typed per action', () => {
    () => {
      client.officer.act(id, { action: 'receive' });
      client.officer.act(id, { action: 'reject', note: 'Sai thủ tục.' });
      client.officer.act(id, { action: 'transfer', agencyCode: 'UBND-00070' });
      client.officer.act(id, { action: 'transfer', step: 'tham-dinh' });
      client.officer.act(id, {
        action: 'request_supplement',
        requestedDocuments: ['doc-1'],
        note: 'Bản chụp bị mờ.',
      });
      client.officer.act(id, { action: 'request_payment', fees: [{ kind: 'fee', amount: 1 }] });
      client.officer.act(id, {
        action: 'resolve',
        outcome: { decision: 'approved', resultAttachmentIds: [] },
      });
      client.officer.act(id, {
        action: 'apologise',
        newDueAt: '2026-03-02T17:00:00+07:00',
        note: 'Xin lỗi.',
      });
      // @ts-expect-error -- a refusal needs a reason (the machine's requiresNote)
      client.officer.act(id, { action: 'reject' });
      // @ts-expect-error -- which documents?
      client.officer.act(id, { action: 'request_supplement', note: 'Thiếu giấy tờ.' });
      // @ts-expect-error -- which fees?
      client.officer.act(id, { action: 'request_payment' });
      // @ts-expect-error -- the outcome is required
      client.officer.act(id, { action: 'resolve' });
      // @ts-expect-error -- to where?
      client.officer.act(id, { action: 'transfer' });
      // @ts-expect-error -- not an action of the machine
      client.officer.act(id, { action: 'approve' });
      // @ts-expect-error -- fees belong to request_payment
      client.officer.act(id, { action: 'receive', fees: [] });
    };
    expectTypeOf<OfficerActionInput['action']>().toEqualTypeOf<OfficerAction>();
    expectTypeOf<OfficerActionInput>().toExtend<OfficerActionRequest>();
  });

  it('uploads fit the file-upload element’s Uploader', () => {
    type Uploader = (
      file: File,
      options: { readonly onProgress: (fraction: number) => void; readonly signal: AbortSignal },
    ) => Promise<{ readonly id: string }>;
    const uploader: Uploader = (chosen, options) =>
      client.attachments.upload(id, 'doc-1', chosen, options);
    expectTypeOf(uploader).toBeFunction();
    () =>
      client.attachments.upload(id, 'doc-1', file, {
        onProgress: (fraction, { loaded, total }) => {
          expectTypeOf(fraction).toBeNumber();
          expectTypeOf(loaded + total).toBeNumber();
        },
      });
  });

  it('the guards narrow', () => {
    const error: unknown = new Error();
    if (isApiError(error)) {
      expectTypeOf(error).toEqualTypeOf<ApiError>();
      expectTypeOf(error.fieldErrors).toEqualTypeOf<Readonly<Record<string, string>>>();
      expectTypeOf(error.status).toBeNumber();
    }
    if (isConflictError(error)) {
      expectTypeOf(error).toEqualTypeOf<ConflictError>();
      expectTypeOf(error.currentEtag).toEqualTypeOf<string | undefined>();
      expectTypeOf(error).toExtend<ApiError>();
    }
    if (isResponseValidationError(error)) {
      expectTypeOf(error.issues).toEqualTypeOf<readonly z.core.$ZodIssue[]>();
    }
  });
});
