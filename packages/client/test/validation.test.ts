/** Answers are checked against the contract's schemas; a mismatch is not an HTTP error. */
import { ROUTES } from '@egov-kit/schema';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  createClient,
  isApiError,
  isResponseValidationError,
  ResponseValidationError,
} from '../src/index.js';
import { OPERATIONS, type OperationId } from '../src/internal/operations.js';
import { dossier, fakeFetch, ID, json, procedure, procedurePage } from './support/fake-fetch.js';

const baseUrl = 'https://api.example.vn/api/v1';

describe('response validation', () => {
  it('returns the parsed answer: unknown fields are dropped', async () => {
    const { fetch } = fakeFetch(() => json({ ...procedure(), internalScore: 0.93 }));
    const got = await createClient({ baseUrl, fetch }).procedures.get('1.013133');
    expect(got.code).toBe('1.013133');
    expect(got).not.toHaveProperty('internalScore');
  });

  it('a mismatch throws ResponseValidationError with zod’s issues, not an ApiError', async () => {
    const broken = { ...dossier(), status: 'lost', version: '7' };
    const { fetch } = fakeFetch(() => json(broken));
    const client = createClient({ baseUrl, fetch, getToken: () => 't', locale: 'en' });
    const error = await client.dossiers.get(ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(isApiError(error)).toBe(false);
    if (!isResponseValidationError(error)) throw error;
    expect(error.operation).toBe('getDossier');
    expect(error.status).toBe(200);
    expect(error.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['status', 'version']);
    expect(error.message).toMatch(/unexpected form/);
    expect(error.localizedMessage.vi).toMatch(/không đúng định dạng/);
  });

  it('checks every item of a page', async () => {
    const page = procedurePage(['1.013133', '1.013138']);
    (page.items[1] as { code: string }).code = 'not-a-code';
    const { fetch } = fakeFetch(() => json(page));
    const error = await createClient({ baseUrl, fetch })
      .procedures.list()
      .catch((e: unknown) => e);
    expect(isResponseValidationError(error) && error.issues[0]?.path).toEqual(['items', 1, 'code']);
  });

  it('`validate: false` takes answers as they come', async () => {
    const broken = { ...dossier(), status: 'lost', extra: true };
    const { fetch } = fakeFetch(() => json(broken));
    const got = await createClient({
      baseUrl,
      fetch,
      getToken: () => 't',
      validate: false,
    }).dossiers.get(ID);
    expect(got).toEqual(broken);
  });

  it('an answer that is not JSON is a ResponseValidationError, validated or not', async () => {
    for (const validate of [true, false]) {
      const { fetch } = fakeFetch(
        () =>
          new Response('<html>captive portal</html>', { headers: { 'content-type': 'text/html' } }),
      );
      const error = await createClient({ baseUrl, fetch, validate })
        .procedures.get('1.013133')
        .catch((e: unknown) => e);
      expect(isResponseValidationError(error)).toBe(true);
    }
  });

  it('each operation is checked against its route’s own schema', async () => {
    // The lazily loaded validators hold the very schemas of ROUTES (or, for the unnamed
    // payments list, an equal one).
    const modules = {
      procedures: await import('../src/validators/procedures.js'),
      units: await import('../src/validators/units.js'),
      agencies: await import('../src/validators/agencies.js'),
      dossiers: await import('../src/validators/dossiers.js'),
      attachments: await import('../src/validators/attachments.js'),
      payments: await import('../src/validators/payments.js'),
      surveys: await import('../src/validators/surveys.js'),
      statistics: await import('../src/validators/statistics.js'),
      system: await import('../src/validators/system.js'),
      notifications: await import('../src/validators/notifications.js'),
    };
    const used: Record<OperationId, z.ZodMiniType | undefined> = {
      getHealth: modules.system.Health,
      listProcedures: modules.procedures.ProcedurePage,
      getProcedure: modules.procedures.Procedure,
      getProcedureForm: modules.procedures.FormDefinition,
      searchUnits: modules.units.UnitList,
      getUnit: modules.units.AdministrativeUnit,
      listAgencies: modules.agencies.AgencyList,
      createDossier: modules.dossiers.Dossier,
      listMyDossiers: modules.dossiers.DossierPage,
      getDossier: modules.dossiers.Dossier,
      updateDossier: modules.dossiers.Dossier,
      deleteDossier: undefined,
      submitDossier: modules.dossiers.Dossier,
      withdrawDossier: modules.dossiers.Dossier,
      supplementDossier: modules.dossiers.Dossier,
      listDossierEvents: modules.dossiers.EventList,
      uploadAttachment: modules.attachments.Attachment,
      downloadAttachment: undefined,
      listPayments: modules.payments.PaymentList,
      createPayment: modules.payments.Payment,
      getPayment: modules.payments.Payment,
      getPaymentReceipt: undefined,
      listPaymentMethods: modules.payments.PaymentMethodList,
      receivePaymentNotification: undefined,
      getSurvey: modules.surveys.SurveyDefinition,
      answerSurvey: modules.surveys.SatisfactionResponse,
      getSurveyStatus: modules.surveys.SurveyStatus,
      lookupDossier: modules.dossiers.LookupResult,
      getOnTimeStatistics: modules.statistics.OnTimeStatistics,
      getServiceStatistics: modules.statistics.ServiceStatistics,
      listAgencyDossiers: modules.dossiers.DossierPage,
      takeOfficerAction: modules.dossiers.Dossier,
      getNotificationPreferences: modules.notifications.NotificationPreferences,
      updateNotificationPreferences: modules.notifications.NotificationPreferences,
      listNotifications: modules.notifications.NotificationPage,
      replayNotification: modules.notifications.Notification,
      listWebhookEndpoints: modules.notifications.WebhookEndpointList,
      createWebhookEndpoint: modules.notifications.WebhookEndpoint,
      updateWebhookEndpoint: modules.notifications.WebhookEndpoint,
      listNotificationTemplates: modules.notifications.NotificationTemplateList,
      putNotificationTemplate: modules.notifications.NotificationTemplate,
    };
    for (const route of ROUTES) {
      const responses = route.responses as Record<number, { schema?: z.ZodMiniType }>;
      const expected = (responses[200] ?? responses[201])?.schema;
      const actual = used[route.operationId];
      if (expected === actual || ('signedBody' in route && route.signedBody)) continue;
      expect(['listPayments', 'listPaymentMethods']).toContain(route.operationId);
      expect(z.toJSONSchema(actual as z.ZodMiniType)).toEqual(
        z.toJSONSchema(expected as z.ZodMiniType),
      );
    }
    expect(Object.keys(used).sort()).toEqual(Object.keys(OPERATIONS).sort());
  });
});
