import type { Check } from '../check.js';
import { CheckSkipped } from '../check-skipped.js';
import { cites, DESIGN, RFC9457 } from '../cite.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-00000000c0de';

/** The first and last day of the current month, Vietnam time. */
function thisMonth(): { from: string; to: string } {
  const now = new Date(Date.now() + 7 * 3_600_000);
  const from = `${now.toISOString().slice(0, 8)}01`;
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
  return { from, to: last.toISOString().slice(0, 10) };
}

export const accountChecks: readonly Check[] = [
  {
    id: 'notifications.preferences',
    title: 'A person reads and changes how they are notified; an invalid address answers 400',
    cites: cites(
      [DESIGN.contract, RFC9457],
      ['getNotificationPreferences', 'updateNotificationPreferences'],
    ),
    async run(ctx) {
      const before = await ctx.call('getNotificationPreferences', { as: 'citizen' });
      ctx.expectStatus(before, 200, 'getNotificationPreferences answers 200');
      const locale = before.body.locale === 'en' ? 'vi' : 'en';
      const changed = await ctx.call('updateNotificationPreferences', {
        as: 'citizen',
        json: { locale, channels: { sms: false } },
      });
      ctx.expectStatus(changed, 200, 'updateNotificationPreferences answers 200');
      const after = await ctx.call('getNotificationPreferences', { as: 'citizen' });
      ctx.assert(
        after.body.locale === locale,
        'A change of preferences is kept',
        `asked for ${locale}, read back ${after.body.locale}`,
        after,
      );
      const bad = await ctx.call('updateNotificationPreferences', {
        as: 'citizen',
        json: { email: 'không-phải-email' },
      });
      ctx.expectProblem(bad, 400, `An invalid e-mail address answers 400 (${RFC9457})`, {
        paths: ['email'],
      });
      // Leave the account as it was found.
      await ctx.call('updateNotificationPreferences', {
        as: 'citizen',
        json: { locale: before.body.locale },
      });
    },
  },
  {
    id: 'statistics.services',
    title:
      "The operations centre's service statistics answer an officer, refuse a citizen (403) and a missing date (400)",
    cites: cites([DESIGN.contract, RFC9457], ['getServiceStatistics']),
    async run(ctx) {
      const month = thisMonth();
      const ok = await ctx.call('getServiceStatistics', {
        as: 'officer',
        query: { ...month, groupBy: 'agency' },
      });
      ctx.expectStatus(ok, 200, 'getServiceStatistics answers 200 to an officer');
      const citizen = await ctx.call('getServiceStatistics', { as: 'citizen', query: month });
      ctx.expectProblem(citizen, 403, 'getServiceStatistics is for officers: 403 for a citizen');
      const missing = await ctx.call('getServiceStatistics', {
        as: 'officer',
        query: { to: month.to },
      });
      ctx.expectProblem(missing, 400, 'getServiceStatistics: from is required', {
        paths: ['from'],
      });
    },
  },
  {
    id: 'admin.notifications',
    title:
      'The notification outbox, webhooks and templates answer an administrator, and refuse an officer (403)',
    cites: cites(
      [DESIGN.contract],
      [
        'listNotifications',
        'replayNotification',
        'listWebhookEndpoints',
        'listNotificationTemplates',
      ],
    ),
    async run(ctx) {
      if (!ctx.options.adminToken) throw new CheckSkipped('needs --admin-token');
      const outbox = await ctx.call('listNotifications', { as: 'admin', query: { limit: 5 } });
      ctx.expectStatus(outbox, 200, 'listNotifications answers 200 to an administrator');
      const dead = await ctx.call('listNotifications', {
        as: 'admin',
        query: { status: 'dead', limit: 5 },
      });
      ctx.expectStatus(dead, 200, 'listNotifications filters the dead letters');
      const unknown = await ctx.call('replayNotification', {
        as: 'admin',
        params: { id: UNKNOWN_ID },
      });
      ctx.expectProblem(unknown, 404, 'replayNotification answers 404 for an unknown notification');
      const hooks = await ctx.call('listWebhookEndpoints', { as: 'admin' });
      ctx.expectStatus(hooks, 200, 'listWebhookEndpoints answers 200 to an administrator');
      const templates = await ctx.call('listNotificationTemplates', { as: 'admin' });
      ctx.expectStatus(templates, 200, 'listNotificationTemplates answers 200 to an administrator');
      // Invalid writes only: the kit changes nothing in a vendor's webhooks or templates.
      const badHook = await ctx.call('createWebhookEndpoint', {
        as: 'admin',
        json: { url: 'không phải địa chỉ' },
      });
      ctx.expectProblem(
        badHook,
        400,
        `createWebhookEndpoint refuses an invalid endpoint (${RFC9457})`,
      );
      const noHook = await ctx.call('updateWebhookEndpoint', {
        as: 'admin',
        params: { id: UNKNOWN_ID },
        json: {},
      });
      ctx.expectProblem(noHook, [400, 404], 'updateWebhookEndpoint refuses an unknown endpoint');
      const badTemplate = await ctx.call('putNotificationTemplate', { as: 'admin', json: {} });
      ctx.expectProblem(
        badTemplate,
        400,
        `putNotificationTemplate refuses an invalid template (${RFC9457})`,
      );
      const officer = await ctx.call('listNotifications', { as: 'officer' });
      ctx.expectProblem(officer, 403, 'The outbox is for administrators: 403 for an officer');
    },
  },
];
