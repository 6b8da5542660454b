import { ROUTES, type RouteDefinition } from '@egov-kit/schema';
import type { Check } from '../check.js';
import { cites, DESIGN, type OperationId, routeName } from '../cite.js';
import type { Answer, CheckContext, Send } from '../context.js';
import { newDraft, newKey, uploadForm } from '../fixtures.js';

const AUTH = `${DESIGN.contract}: routes other than public ones need a bearer token (RouteDefinition.auth)`;
const UNKNOWN_ID = '00000000-0000-4000-8000-00000000c0de';

/** A request every route can be sent, with the given caller: each path parameter filled in. */
function anyRequest(operationId: OperationId, as: Send['as']): Send {
  const route: RouteDefinition | undefined = ROUTES.find((r) => r.operationId === operationId);
  const params = Object.fromEntries(
    [...(route?.path.matchAll(/\{(\w+)\}/g) ?? [])].map(([, name = '']) => [
      name,
      /id$/i.test(name) ? UNKNOWN_ID : name === 'provider' ? 'vietqr' : 'HS-000000-000000',
    ]),
  );
  const body = route?.body;
  return {
    as,
    params,
    ...(body?.contentType === 'multipart/form-data'
      ? { form: uploadForm('doc-1') }
      : body
        ? { json: {} }
        : {}),
  };
}

function expect401(ctx: CheckContext, answer: Answer, rule: string) {
  ctx.expectProblem(answer, 401, rule);
  const challenge = answer.headers.get('www-authenticate') ?? '';
  ctx.assert(
    /^bearer\b/i.test(challenge),
    `${rule}, with WWW-Authenticate: Bearer (RFC 6750 § 3)`,
    `WWW-Authenticate is "${challenge}"`,
    answer,
  );
}

/** The citizen's token with its signature changed, and with `alg: none`. */
function forged(token: string): { raw: string; label: string }[] {
  const [header, payload, signature = ''] = token.split('.');
  const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
  const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  return [
    { raw: 'not-a-jwt', label: 'a string that is not a JWT' },
    {
      raw: `${header}.${payload}.${flipped}`,
      label: "the citizen's token with its signature changed",
    },
    { raw: `${none}.${payload}.`, label: "the citizen's claims, unsigned (alg: none)" },
  ];
}

export const authChecks: readonly Check[] = [
  {
    id: 'auth.missing-token',
    title: 'Every route that is not public answers 401 without a token',
    cites: [
      AUTH,
      ...ROUTES.filter((r) => r.auth !== 'public').map((r) => routeName(r.operationId)),
    ],
    async run(ctx) {
      for (const route of ROUTES.filter((r) => r.auth !== 'public')) {
        const answer = await ctx.call(
          route.operationId,
          anyRequest(route.operationId, 'anonymous'),
        );
        expect401(ctx, answer, `${routeName(route.operationId)} needs a token: 401 without one`);
      }
    },
  },
  {
    id: 'auth.invalid-token',
    title: 'A token that is not valid — not a JWT, a changed signature, alg none — answers 401',
    cites: cites([AUTH], ['listMyDossiers', 'createDossier']),
    async run(ctx) {
      const citizen = ctx.token('citizen') as string;
      for (const caller of forged(citizen)) {
        const list = await ctx.call('listMyDossiers', { as: caller });
        expect401(ctx, list, `An invalid token is refused with 401 (${caller.label})`);
        const create = await ctx.call('createDossier', {
          as: caller,
          json: { procedureCode: ctx.options.procedureCode ?? '1.013133' },
        });
        expect401(ctx, create, `An invalid token is refused with 401 (${caller.label})`);
      }
    },
  },
  {
    id: 'auth.expired-token',
    title: 'An expired token answers 401',
    cites: cites([AUTH], ['listMyDossiers']),
    async run(ctx) {
      const answer = await ctx.call('listMyDossiers', { as: 'expired' });
      expect401(ctx, answer, 'An expired token is refused with 401');
    },
  },
  {
    id: 'auth.wrong-role',
    title:
      "A citizen's routes refuse an officer and an officer's routes refuse a citizen, with 403",
    cites: cites(
      [AUTH],
      ['createDossier', 'listMyDossiers', 'listAgencyDossiers', 'takeOfficerAction'],
    ),
    async run(ctx) {
      const officer = await ctx.call('createDossier', {
        as: 'officer',
        json: { procedureCode: ctx.options.procedureCode ?? '1.013133' },
      });
      ctx.expectProblem(officer, 403, 'createDossier is for citizens: 403 for an officer');
      const mine = await ctx.call('listMyDossiers', { as: 'officer' });
      ctx.expectProblem(mine, 403, 'listMyDossiers is for citizens: 403 for an officer');
      const inbox = await ctx.call('listAgencyDossiers', { as: 'citizen' });
      ctx.expectProblem(inbox, 403, 'listAgencyDossiers is for officers: 403 for a citizen');
      const action = await ctx.call('takeOfficerAction', {
        as: 'citizen',
        params: { id: UNKNOWN_ID },
        json: { action: 'receive' },
      });
      ctx.expectProblem(action, 403, 'takeOfficerAction is for officers: 403 for a citizen');
    },
  },
  {
    id: 'auth.other-owner',
    title:
      "Another citizen, and an officer while it is a draft, cannot see or touch a citizen's dossier: 404, as if it did not exist",
    cites: cites(
      [AUTH, "DESIGN.md § Domain model: a dossier is its applicant's"],
      [
        'getDossier',
        'updateDossier',
        'deleteDossier',
        'listDossierEvents',
        'uploadAttachment',
        'downloadAttachment',
        'listMyDossiers',
      ],
    ),
    async run(ctx) {
      ctx.token('otherCitizen');
      const { dossier, etag } = await newDraft(ctx);
      const file = await ctx.call('uploadAttachment', {
        as: 'citizen',
        params: { id: dossier.id },
        form: uploadForm('doc-1'),
      });
      ctx.expectStatus(file, 201, 'The owner uploads a file to their draft');
      const rule = "Another person's dossier answers 404, not 403: its existence is not told";
      const id = { id: dossier.id };
      const get = await ctx.call('getDossier', { as: 'otherCitizen', params: id });
      ctx.expectProblem(get, 404, `${rule} (getDossier)`);
      const patch = await ctx.call('updateDossier', {
        as: 'otherCitizen',
        params: id,
        json: { formData: { hoTen: 'Kẻ gian' } },
        headers: { 'if-match': etag },
      });
      ctx.expectProblem(patch, 404, `${rule} (updateDossier)`);
      const remove = await ctx.call('deleteDossier', {
        as: 'otherCitizen',
        params: id,
        headers: { 'if-match': etag, 'idempotency-key': newKey() },
      });
      ctx.expectProblem(remove, 404, `${rule} (deleteDossier)`);
      const events = await ctx.call('listDossierEvents', { as: 'otherCitizen', params: id });
      ctx.expectProblem(events, 404, `${rule} (listDossierEvents)`);
      const upload = await ctx.call('uploadAttachment', {
        as: 'otherCitizen',
        params: id,
        form: uploadForm('doc-1'),
      });
      ctx.expectProblem(upload, 404, `${rule} (uploadAttachment)`);
      const download = await ctx.call('downloadAttachment', {
        as: 'otherCitizen',
        params: { id: file.body.id },
      });
      ctx.expectProblem(download, 404, `${rule} (downloadAttachment)`);
      const anonymous = await ctx.call('downloadAttachment', { params: { id: file.body.id } });
      ctx.expectProblem(
        anonymous,
        [401, 404],
        `A file is not served to anyone without a right to it`,
      );
      const officer = await ctx.call('getDossier', { as: 'officer', params: id });
      ctx.expectProblem(
        officer,
        404,
        `${rule}: a draft is not the agency's yet (getDossier as officer)`,
      );
      const list = await ctx.call('listMyDossiers', { as: 'otherCitizen', query: { limit: 100 } });
      ctx.expectStatus(list, 200, 'listMyDossiers answers 200');
      ctx.assert(
        !list.body.items.some((d: { id: string }) => d.id === dossier.id),
        "listMyDossiers lists only the caller's own dossiers",
        "another citizen's draft is in the list",
        list,
      );
      const unknown = await ctx.call('getDossier', { as: 'citizen', params: { id: UNKNOWN_ID } });
      ctx.expectProblem(unknown, 404, 'getDossier answers 404 for an unknown id');
      const malformed = await ctx.call('getDossier', {
        as: 'citizen',
        params: { id: 'not-a-uuid' },
      });
      ctx.expectProblem(malformed, [400, 404], 'getDossier refuses an id that is not a UUID');
    },
  },
];
