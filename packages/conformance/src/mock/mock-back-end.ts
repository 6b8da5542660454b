import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  type Attachment,
  addWorkingDays,
  DEFAULT_SURVEY,
  type Dossier,
  type DossierEvent,
  type DossierStatus,
  detectMediaType,
  type Fee,
  foldVietnamese,
  formDataSchema,
  isAcceptedMediaType,
  type Locale,
  nationalStatusCode,
  type Payment,
  PaymentMethod,
  ProcedureSummary,
  ROUTES,
  type RouteDefinition,
  resolveLocale,
  type SatisfactionResponse,
  transition,
} from '@egov-kit/schema';
import { exampleAnswers, formDefinitions, formForProcedure } from '@egov-kit/schema/forms';
import { buildOpenApiDocument } from '@egov-kit/schema/openapi';
import {
  getCommune,
  getProvince,
  listCommunes,
  listProvinces,
  searchUnits,
} from '@egov-kit/schema/units';
import * as z from 'zod/mini';
import {
  SAMPLE_AGENCIES,
  SAMPLE_APPLICANT,
  SAMPLE_PROCEDURES,
  SAMPLE_USERS,
} from './sample-data.js';

type Text = { readonly vi: string; readonly en: string };
type Principal = { id: string; role: 'citizen' | 'officer'; name: string; agencyCode?: string };

interface StoredDossier {
  dossier: Dossier;
  owner: string;
  events: DossierEvent[];
  payments: Payment[];
  pendingFees: Fee[];
  survey?: SatisfactionResponse | undefined;
}

interface StoredFile {
  meta: Attachment;
  bytes: Uint8Array;
  dossierId: string;
  result: boolean;
}

interface Call {
  readonly route: RouteDefinition;
  readonly params: Record<string, string>;
  readonly query: Record<string, unknown>;
  readonly body: unknown;
  readonly form: FormData | undefined;
  readonly principal: Principal | undefined;
  readonly locale: Locale;
  readonly headers: Headers;
}

/** A refusal, rendered as application/problem+json in the request's language. */
class MockProblem extends Error {
  override name = 'MockProblem';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: Text,
    readonly detail?: Text,
    readonly errors?: { path: string; code: string; message: string }[],
    readonly headers: Record<string, string> = {},
  ) {
    super(title.en);
  }
}

const T = (vi: string, en: string): Text => ({ vi, en });
const notFound = () => new MockProblem(404, 'not_found', T('Không tìm thấy', 'Not found'));
const conflict = (code: string, detail: Text) =>
  new MockProblem(
    409,
    code,
    T('Không thực hiện được ở trạng thái hiện tại', 'Not possible in the current state'),
    detail,
  );
const invalid = (errors: { path: string; code: string; message: string }[]) =>
  new MockProblem(
    400,
    'validation',
    T('Yêu cầu không hợp lệ', 'Invalid request'),
    undefined,
    errors,
  );

const FILES_PER_DOSSIER = 30;
const VERIFIER_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Route paths as patterns, most specific first. */
const MATCHERS = ROUTES.map((route) => ({
  route: route as RouteDefinition,
  names: [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
  pattern: new RegExp(`^${route.path.replace(/\{\w+\}/g, '([^/]+)')}$`),
}));

/**
 * An in-memory back end that serves the contract — every route of the schema's `ROUTES`, with
 * the schema's validation, status machine, working-day calendar and forms — from sample data:
 * real national procedures and administrative units, made-up people. Enough state for a
 * front-end to create, upload, submit and track a dossier, and for an officer desk to move it.
 * Not a reference implementation: nothing is persisted, nothing is secured.
 */
export class MockBackEnd {
  readonly #dossiers = new Map<string, StoredDossier>();
  readonly #files = new Map<string, StoredFile>();
  readonly #replays = new Map<
    string,
    { hash: string; status: number; body: unknown; etag?: string }
  >();
  readonly #clock: () => number;
  #sequence = 0;
  #document: unknown;
  readonly #preferencesOf = new Map<
    string,
    { channels: { email: boolean; sms: boolean }; locale: 'vi' | 'en' }
  >();

  constructor(options: { clock?: () => number; sampleDossiers?: boolean } = {}) {
    this.#clock = options.clock ?? Date.now;
    if (options.sampleDossiers ?? true) this.#seed();
  }

  /** The tokens the mock accepts, by who they stand for. */
  get tokens(): { citizen: string; otherCitizen: string; officer: string } {
    return {
      citizen: SAMPLE_USERS.citizen.token,
      otherCitizen: SAMPLE_USERS.otherCitizen.token,
      officer: SAMPLE_USERS.officer.token,
    };
  }

  /** Answers one request below any origin; the API is under `/api/v1`. */
  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const locale = resolveLocale(request.headers.get('accept-language') ?? undefined);
    try {
      if (!url.pathname.startsWith('/api/v1/')) throw notFound();
      const path = url.pathname.slice('/api/v1'.length);
      if (path === '/openapi.json' && request.method === 'GET') {
        this.#document ??= buildOpenApiDocument();
        return json(200, this.#document);
      }
      const matches = MATCHERS.filter((m) => m.pattern.test(path));
      const matcher = matches.find((m) => m.route.method === request.method.toLowerCase());
      if (!matcher) {
        if (matches.length) {
          throw new MockProblem(
            405,
            'method_not_allowed',
            T('Phương thức không được hỗ trợ', 'Method not allowed'),
            undefined,
            undefined,
            {
              allow: matches.map((m) => m.route.method.toUpperCase()).join(', '),
            },
          );
        }
        throw notFound();
      }
      const values = matcher.pattern.exec(path)?.slice(1) ?? [];
      const rawParams = Object.fromEntries(
        matcher.names.map((n, i) => [n, decodeURIComponent(values[i] ?? '')]),
      );
      const call = await this.#parse(matcher.route, rawParams, url, request, locale);
      return await this.#dispatch(call);
    } catch (error) {
      if (error instanceof MockProblem) return problemResponse(error, locale);
      return problemResponse(
        new MockProblem(
          500,
          'internal',
          T('Lỗi máy chủ', 'Server error'),
          T(String(error), String(error)),
        ),
        locale,
      );
    }
  }

  async #parse(
    route: RouteDefinition,
    rawParams: Record<string, string>,
    url: URL,
    request: Request,
    locale: Locale,
  ): Promise<Call> {
    const principal = this.#principal(request.headers.get('authorization'));
    if (route.auth !== 'public') {
      if (!principal) {
        throw new MockProblem(
          401,
          'unauthorized',
          T('Chưa đăng nhập', 'Not signed in'),
          undefined,
          undefined,
          {
            'www-authenticate': 'Bearer',
          },
        );
      }
      if ((route.auth === 'citizen' || route.auth === 'officer') && principal.role !== route.auth) {
        throw new MockProblem(403, 'forbidden', T('Không có quyền', 'Not allowed'));
      }
      if (route.auth === 'admin')
        throw new MockProblem(403, 'forbidden', T('Không có quyền', 'Not allowed'));
    }
    const errors: { path: string; code: string; message: string }[] = [];
    const check = (schema: z.ZodMiniType | undefined, value: unknown, prefix = '') => {
      if (!schema) return value;
      const parsed = z.safeParse(schema, value);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) {
        const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
        errors.push({
          path,
          code: issue.code,
          message:
            locale === 'vi'
              ? issue.code === 'invalid_type' && issue.input === undefined
                ? `Thiếu ${path}.`
                : `Giá trị không hợp lệ: ${path}.`
              : issue.code === 'invalid_type' && issue.input === undefined
                ? `${path} is required.`
                : `${path}: ${issue.message}`,
        });
      }
      return undefined;
    };
    const params = (check(route.params, rawParams) ?? rawParams) as Record<string, string>;
    const query = (check(route.query, Object.fromEntries(url.searchParams)) ?? {}) as Record<
      string,
      unknown
    >;
    let body: unknown;
    let form: FormData | undefined;
    if (route.body && route.body.contentType !== 'multipart/form-data') {
      const type = request.headers.get('content-type') ?? '';
      const text = await request.text();
      // A route with a JSON body takes JSON only: another type is 415, no body at all 400.
      if (!/^application\/json\b/i.test(type)) {
        throw new MockProblem(
          415,
          'unsupported_media_type',
          T('Định dạng không được hỗ trợ', 'Unsupported format'),
        );
      }
      try {
        body = JSON.parse(text);
      } catch {
        throw invalid([
          {
            path: '',
            code: 'json',
            message: locale === 'vi' ? 'JSON không hợp lệ.' : 'The body is not valid JSON.',
          },
        ]);
      }
      body = check(route.body.schema, body);
    } else if (route.body) {
      try {
        form = await request.formData();
      } catch {
        throw invalid([
          { path: 'file', code: 'required', message: locale === 'vi' ? 'Thiếu tệp.' : 'No file.' },
        ]);
      }
    }
    const key = request.headers.get('idempotency-key');
    if (key !== null && (key.length < 8 || key.length > 255)) {
      errors.push({
        path: 'Idempotency-Key',
        code: 'format',
        message:
          locale === 'vi'
            ? 'Khóa chống gửi trùng dài 8–255 ký tự.'
            : 'An Idempotency-Key has 8–255 characters.',
      });
    }
    if (errors.length) throw invalid(errors);
    return { route, params, query, body, form, principal, locale, headers: request.headers };
  }

  #principal(authorization: string | null): Principal | undefined {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return undefined;
    const user = Object.values(SAMPLE_USERS).find((u) => u.token === token);
    if (!user) {
      throw new MockProblem(
        401,
        'unauthorized',
        T('Chưa đăng nhập', 'Not signed in'),
        T('Token không hợp lệ.', 'The token is not valid.'),
        undefined,
        {
          'www-authenticate': 'Bearer error="invalid_token"',
        },
      );
    }
    return {
      id: user.id,
      role: user.role,
      name: user.name,
      ...('agencyCode' in user ? { agencyCode: user.agencyCode } : {}),
    };
  }

  async #dispatch(call: Call): Promise<Response> {
    const key = call.route.idempotent ? call.headers.get('idempotency-key') : null;
    let replayKey: string | undefined;
    let hash: string | undefined;
    if (key) {
      replayKey = `${call.principal?.id}:${call.route.operationId}:${JSON.stringify(call.params)}:${key}`;
      hash = await requestHash(call);
      const earlier = this.#replays.get(replayKey);
      if (earlier) {
        if (earlier.hash !== hash) {
          throw new MockProblem(
            422,
            'idempotency_key_reused',
            T(
              'Khóa chống gửi trùng đã dùng cho yêu cầu khác',
              'Idempotency key reused for another request',
            ),
          );
        }
        return json(earlier.status, earlier.body, {
          'idempotent-replayed': 'true',
          ...(earlier.etag ? { etag: earlier.etag } : {}),
        });
      }
    }
    const [status, body, etag] = await this.#operate(call);
    if (replayKey && hash && status < 300)
      this.#replays.set(replayKey, { hash, status, body, ...(etag ? { etag } : {}) });
    if (body instanceof Response) return body;
    return json(status, body, etag ? { etag } : {});
  }

  async #operate(call: Call): Promise<[number, unknown, string?]> {
    const { params, query, principal } = call;
    const q = query as Record<string, string | number | undefined>;
    switch (call.route.operationId) {
      case 'getHealth':
        return [200, { status: 'ok', version: 'mock', time: this.#now() }];
      case 'listProcedures': {
        const text = q.q ? foldVietnamese(String(q.q)).toLowerCase() : undefined;
        const items = SAMPLE_PROCEDURES.filter(
          (p) =>
            (!text ||
              foldVietnamese(`${p.name} ${p.keywords?.join(' ') ?? ''}`)
                .toLowerCase()
                .includes(text)) &&
            (!q.level || p.levels.includes(q.level as never)) &&
            (!q.field || p.field === q.field) &&
            (!q.onlineLevel || p.onlineLevel === q.onlineLevel),
        ).map((p) => z.parse(ProcedureSummary, p));
        return [200, page(items, q)];
      }
      case 'getProcedure':
        return [200, this.#procedure(params.code as string)];
      case 'getProcedureForm': {
        const procedure = this.#procedure(params.code as string);
        if (q.case && !procedure.cases.some((c) => c.code === q.case)) throw notFound();
        return [200, formForProcedure(procedure.code)];
      }
      case 'searchUnits': {
        const level = q.level as 'province' | 'commune' | undefined;
        if (q.q)
          return [
            200,
            { items: searchUnits(String(q.q), { ...(level ? { level } : {}), limit: 20 }) },
          ];
        if (q.province) return [200, { items: listCommunes(String(q.province)) }];
        return [200, { items: level === 'commune' ? [] : listProvinces() }];
      }
      case 'getUnit': {
        const unit = getProvince(params.code as string) ?? getCommune(params.code as string);
        if (!unit) throw notFound();
        return [200, unit];
      }
      case 'listAgencies':
        return [
          200,
          {
            items: SAMPLE_AGENCIES.filter(
              (a) => (!q.level || a.level === q.level) && (!q.unit || a.unitCode === q.unit),
            ),
          },
        ];
      case 'createDossier':
        return this.#create(call);
      case 'listMyDossiers': {
        const mine = [...this.#dossiers.values()]
          .filter((s) => s.owner === principal?.id && (!q.status || s.dossier.status === q.status))
          .map((s) => this.#view(s))
          .reverse();
        return [200, page(mine, q)];
      }
      case 'getDossier': {
        const stored = this.#visible(params.id as string, principal);
        return [200, this.#view(stored), etagOf(stored.dossier)];
      }
      case 'updateDossier':
        return this.#update(call);
      case 'deleteDossier': {
        const stored = this.#owned(params.id as string, principal);
        this.#ifMatch(call, stored);
        if (stored.dossier.status !== 'draft') {
          throw conflict(
            'not_a_draft',
            T(
              'Hồ sơ đã nộp không xóa được; có thể rút hồ sơ.',
              'A submitted dossier cannot be deleted; it can be withdrawn.',
            ),
          );
        }
        this.#dossiers.delete(stored.dossier.id);
        return [204, undefined];
      }
      case 'submitDossier':
        return this.#submit(call);
      case 'withdrawDossier': {
        const stored = this.#owned(params.id as string, principal);
        const note = (call.body as { reason: string }).reason;
        this.#transition(stored, 'withdraw', 'citizen', principal, note);
        return [200, this.#view(stored), etagOf(stored.dossier)];
      }
      case 'supplementDossier': {
        const stored = this.#owned(params.id as string, principal);
        const body = call.body as {
          documents: { requirementCode: string; attachmentIds: string[] }[];
          note?: string;
        };
        this.#checkAttachments(stored, body.documents);
        this.#transition(stored, 'supplement', 'citizen', principal, body.note);
        stored.dossier.documents = mergeDocuments(stored.dossier.documents, body.documents);
        return [200, this.#view(stored), etagOf(stored.dossier)];
      }
      case 'listDossierEvents':
        return [200, { items: this.#visible(params.id as string, principal).events }];
      case 'uploadAttachment':
        return this.#upload(call);
      case 'downloadAttachment':
        return [200, this.#download(call)];
      case 'listPayments':
        return [200, { items: this.#visible(params.id as string, principal).payments }];
      case 'createPayment':
        return this.#pay(call);
      case 'listPaymentMethods':
        return [
          200,
          {
            items: [
              { provider: 'vietqr', kind: 'qr' },
              { provider: 'cash', kind: 'desk' },
            ].filter((m) => z.safeParse(PaymentMethod, m).success),
          },
        ];
      case 'getPayment':
        return [200, this.#payment(call)];
      case 'getPaymentReceipt': {
        const payment = this.#payment(call);
        if (payment.status !== 'paid') {
          throw conflict(
            'not_paid',
            T('Chưa nộp phí: chưa có biên lai.', 'Not paid: no receipt yet.'),
          );
        }
        return [
          200,
          new Response(receiptPdf(payment) as Uint8Array<ArrayBuffer>, {
            headers: { 'content-type': 'application/pdf' },
          }),
        ];
      }
      case 'receivePaymentNotification':
        // The mock holds no provider's secret: no notification can be verified, none is taken.
        throw new MockProblem(401, 'bad_signature', T('Chữ ký không hợp lệ', 'Bad signature'));
      case 'getSurveyStatus': {
        const stored = this.#owned(params.id as string, principal);
        const state =
          stored.dossier.status !== 'returned' ? 'not_yet' : stored.survey ? 'answered' : 'open';
        return [
          200,
          {
            state,
            closesAt: stored.dossier.returnedAt
              ? new Date(Date.parse(stored.dossier.returnedAt) + 30 * 86_400_000).toISOString()
              : null,
            response: stored.survey ?? null,
          },
        ];
      }
      case 'getServiceStatistics':
        return [200, this.#serviceStatistics(q)];
      case 'getNotificationPreferences':
        return [200, this.#preferences(principal)];
      case 'updateNotificationPreferences': {
        const current = this.#preferences(principal);
        const change = call.body as {
          email?: string | null;
          phone?: string | null;
          channels?: { email?: boolean; sms?: boolean };
          locale?: 'vi' | 'en';
        };
        const next = {
          ...current,
          ...(change.locale ? { locale: change.locale } : {}),
          channels: { ...current.channels, ...change.channels },
        } as Record<string, unknown>;
        for (const field of ['email', 'phone'] as const) {
          if (change[field] === null) delete next[field];
          else if (change[field] !== undefined) next[field] = change[field];
        }
        this.#preferencesOf.set(principal?.id as string, next as never);
        return [200, next];
      }
      case 'getSurvey': {
        const stored = this.#owned(params.id as string, principal);
        if (stored.dossier.status !== 'returned') {
          throw conflict(
            'survey_not_open',
            T('Khảo sát mở khi đã trả kết quả.', 'The survey opens once the result is returned.'),
          );
        }
        return [200, DEFAULT_SURVEY];
      }
      case 'answerSurvey': {
        const stored = this.#owned(params.id as string, principal);
        if (stored.dossier.status !== 'returned') {
          throw conflict(
            'survey_not_open',
            T('Khảo sát mở khi đã trả kết quả.', 'The survey opens once the result is returned.'),
          );
        }
        const now = this.#now();
        const first = stored.survey === undefined;
        stored.survey = {
          ...(call.body as SatisfactionResponse),
          dossierId: stored.dossier.id,
          submittedAt: stored.survey?.submittedAt ?? now,
          updatedAt: now,
        };
        return [first ? 201 : 200, stored.survey];
      }
      case 'lookupDossier':
        return [200, this.#lookup(String(q.code), String(q.verifier))];
      case 'getOnTimeStatistics':
        return [200, this.#statistics(q)];
      case 'listAgencyDossiers': {
        const inbox = [...this.#dossiers.values()]
          .filter(
            (s) =>
              s.dossier.status !== 'draft' &&
              s.dossier.agencyCode === principal?.agencyCode &&
              (!q.status || s.dossier.status === q.status),
          )
          .map((s) => this.#view(s))
          .sort(
            (a, b) =>
              Number(b.overdue) - Number(a.overdue) || (a.dueAt ?? '').localeCompare(b.dueAt ?? ''),
          );
        return [200, page(inbox, q)];
      }
      case 'takeOfficerAction':
        return this.#act(call);
      default:
        throw new MockProblem(
          501,
          'not_implemented',
          T('Chưa có trong bản giả lập', 'Not in the mock'),
          T(
            `Bản giả lập chưa phục vụ ${call.route.operationId}.`,
            `The mock does not serve ${call.route.operationId}.`,
          ),
        );
    }
  }

  // ── dossiers ───────────────────────────────────────────────────────────────────────────

  #create(call: Call): [number, unknown, string] {
    const body = call.body as {
      procedureCode: string;
      caseCode?: string;
      channel?: Dossier['channel'];
      applicant?: Dossier['applicant'];
      formData?: Record<string, unknown>;
    };
    const procedure = SAMPLE_PROCEDURES.find((p) => p.code === body.procedureCode);
    if (!procedure) {
      throw invalid([
        {
          path: 'procedureCode',
          code: 'unknown',
          message: call.locale === 'vi' ? 'Không có thủ tục này.' : 'No such procedure.',
        },
      ]);
    }
    const kase = body.caseCode
      ? procedure.cases.find((c) => c.code === body.caseCode)
      : procedure.cases[0];
    if (!kase)
      throw invalid([
        {
          path: 'caseCode',
          code: 'unknown',
          message: call.locale === 'vi' ? 'Không có trường hợp này.' : 'No such case.',
        },
      ]);
    const form = formForProcedure(procedure.code);
    const now = this.#now();
    const dossier: Dossier = {
      id: randomUUID(),
      procedureCode: procedure.code,
      caseCode: kase.code,
      formId: form.id,
      formVersion: form.version,
      channel: body.channel ?? 'online',
      ...(body.applicant ? { applicant: body.applicant } : {}),
      formData: body.formData ?? {},
      documents: [],
      status: 'draft',
      nationalStatusCode: null,
      createdAt: now,
      updatedAt: now,
      overdue: false,
      version: 1,
    } as Dossier;
    const stored: StoredDossier = {
      dossier,
      owner: call.principal?.id as string,
      events: [],
      payments: [],
      pendingFees: [],
    };
    stored.events.push(this.#event(dossier, 'create', null, 'draft', call.principal));
    this.#dossiers.set(dossier.id, stored);
    return [201, this.#view(stored), etagOf(dossier)];
  }

  #update(call: Call): [number, unknown, string] {
    const stored = this.#owned(call.params.id as string, call.principal);
    this.#ifMatch(call, stored);
    if (stored.dossier.status !== 'draft') {
      throw conflict('wrong_status', T('Chỉ sửa được hồ sơ nháp.', 'Only a draft can be changed.'));
    }
    const body = call.body as Partial<Pick<Dossier, 'applicant' | 'formData' | 'documents'>>;
    if (body.documents) this.#checkAttachments(stored, body.documents);
    Object.assign(stored.dossier, {
      ...(body.applicant ? { applicant: body.applicant } : {}),
      ...(body.formData ? { formData: { ...stored.dossier.formData, ...body.formData } } : {}),
      ...(body.documents ? { documents: body.documents } : {}),
    });
    this.#touch(stored);
    return [200, this.#view(stored), etagOf(stored.dossier)];
  }

  #submit(call: Call): [number, unknown, string] {
    const stored = this.#owned(call.params.id as string, call.principal);
    this.#ifMatch(call, stored);
    const { dossier } = stored;
    if (dossier.status !== 'draft') {
      throw conflict('wrong_status', T('Hồ sơ đã nộp.', 'The dossier was submitted already.'));
    }
    const procedure = this.#procedure(dossier.procedureCode);
    const kase = procedure.cases.find((c) => c.code === dossier.caseCode);
    const form = formForProcedure(dossier.procedureCode);
    const errors: { path: string; code: string; message: string }[] = [];
    const say = (vi: string, en: string) => (call.locale === 'vi' ? vi : en);
    if (!dossier.applicant)
      errors.push({
        path: 'applicant',
        code: 'required',
        message: say('Điền thông tin người nộp.', 'Complete the applicant’s details.'),
      });
    for (const document of kase?.documents ?? []) {
      const attached = dossier.documents.find((d) => d.requirementCode === document.code)
        ?.attachmentIds.length;
      if (document.required && !attached) {
        errors.push({
          path: `documents.${document.code}`,
          code: 'required',
          message: say(`Đính kèm: ${document.name}`, `Attach: ${document.name}`),
        });
      }
    }
    const answers = z.safeParse(formDataSchema(form), dossier.formData);
    if (!answers.success) {
      for (const issue of answers.error.issues) {
        errors.push({
          path: `formData.${issue.path.join('.')}`,
          code: 'invalid',
          message: issue.message,
        });
      }
    }
    if (errors.length) {
      throw new MockProblem(
        422,
        'unprocessable',
        T('Hồ sơ chưa đầy đủ', 'The dossier is incomplete'),
        undefined,
        errors,
      );
    }
    this.#sequence += 1;
    const day = new Date(this.#clock() + 7 * 3_600_000)
      .toISOString()
      .slice(2, 10)
      .replaceAll('-', '');
    dossier.code = `HS-${day}-${String(this.#sequence).padStart(6, '0')}`;
    dossier.verifier = Array.from(
      randomBytes(8),
      (b) => VERIFIER_ALPHABET[b % VERIFIER_ALPHABET.length],
    ).join('');
    const communeCode = dossier.applicant?.address?.communeCode;
    const provinceCode = dossier.applicant?.address?.provinceCode;
    dossier.agencyCode =
      SAMPLE_AGENCIES.find((a) => a.unitCode === communeCode)?.code ??
      SAMPLE_AGENCIES.find((a) => a.unitCode === provinceCode)?.code ??
      SAMPLE_USERS.officer.agencyCode;
    this.#transition(stored, 'submit', 'citizen', call.principal);
    return [200, this.#view(stored), etagOf(dossier)];
  }

  #act(call: Call): [number, unknown, string] {
    const stored = this.#visible(call.params.id as string, call.principal);
    const body = call.body as {
      action: string;
      note?: string;
      step?: string;
      agencyCode?: string;
      requestedDocuments?: string[];
      fees?: Fee[];
      newDueAt?: string;
      outcome?: Dossier['outcome'];
    };
    const { dossier } = stored;
    const say = (vi: string, en: string) => (call.locale === 'vi' ? vi : en);
    if (body.action === 'request_supplement' && !body.requestedDocuments?.length) {
      throw invalid([
        {
          path: 'requestedDocuments',
          code: 'required',
          message: say('Nêu giấy tờ cần bổ sung.', 'Name the documents asked for.'),
        },
      ]);
    }
    if (body.action === 'request_payment' && !body.fees?.length) {
      throw invalid([
        { path: 'fees', code: 'required', message: say('Nêu khoản phí.', 'Name the fees.') },
      ]);
    }
    if (body.action === 'resolve' && !body.outcome) {
      throw invalid([
        { path: 'outcome', code: 'required', message: say('Nêu kết quả.', 'Give the outcome.') },
      ]);
    }
    if (
      body.action === 'apologise' &&
      (!body.newDueAt || Date.parse(body.newDueAt) <= Date.parse(dossier.dueAt ?? ''))
    ) {
      throw invalid([
        {
          path: 'newDueAt',
          code: 'too_early',
          message: say('Hạn mới phải sau hạn cũ.', 'The new due date must be later.'),
        },
      ]);
    }
    this.#transition(stored, body.action, 'officer', call.principal, body.note, {
      ...(body.requestedDocuments ? { requestedDocuments: body.requestedDocuments } : {}),
    });
    if (body.action === 'transfer') {
      if (body.step) dossier.step = body.step;
      if (body.agencyCode) dossier.agencyCode = body.agencyCode;
    }
    if (body.action === 'request_payment') stored.pendingFees = body.fees ?? [];
    if (body.action === 'confirm_payment') {
      for (const payment of stored.payments) {
        if (payment.status === 'pending') {
          payment.status = 'paid';
          payment.paidAt = this.#now();
          payment.receiptNumber = `BL-${String(this.#sequence).padStart(6, '0')}`;
        }
      }
      stored.pendingFees = [];
    }
    if (body.action === 'apologise' && body.newDueAt)
      dossier.dueAt = new Date(body.newDueAt).toISOString();
    if (body.action === 'resolve' && body.outcome) dossier.outcome = body.outcome;
    return [200, this.#view(stored), etagOf(dossier)];
  }

  #transition(
    stored: StoredDossier,
    action: string,
    actor: 'citizen' | 'officer',
    principal: Principal | undefined,
    note?: string,
    notice: { requestedDocuments?: string[] } = {},
  ): void {
    const { dossier } = stored;
    const result = transition(
      { status: dossier.status, receivedAt: dossier.receivedAt },
      { action, actor, note },
    );
    if (!result.ok) {
      const status = result.error.code === 'note_required' ? 400 : 409;
      if (status === 400) {
        throw invalid([{ path: 'note', code: 'required', message: result.error.message.vi }]);
      }
      throw conflict(result.error.code, result.error.message);
    }
    const { to, rule } = result.value;
    const from = dossier.status;
    const now = this.#now();
    dossier.status = to;
    dossier.nationalStatusCode = nationalStatusCode(to);
    if (rule.stamps) dossier[rule.stamps] = now;
    if (rule.clock === 'pause') dossier.pausedSince = now;
    if (rule.clock === 'resume' && dossier.pausedSince) {
      const paused = this.#clock() - Date.parse(dossier.pausedSince);
      if (dossier.dueAt) dossier.dueAt = new Date(Date.parse(dossier.dueAt) + paused).toISOString();
      delete dossier.pausedSince;
    }
    if (action === 'receive') {
      const time = this.#procedure(dossier.procedureCode)
        .cases.find((c) => c.code === dossier.caseCode)
        ?.channels.find((c) => c.channel === dossier.channel)?.processingTime;
      const days = time && time.unit === 'working_days' ? Math.max(1, Math.ceil(time.value)) : 5;
      dossier.dueAt = addWorkingDays(new Date(this.#clock()), days).toISOString();
    }
    const event = this.#event(dossier, action, from, to, principal, note);
    if (rule.notice) {
      event.notice = {
        kind: rule.notice,
        ...(notice.requestedDocuments ? { requestedDocuments: notice.requestedDocuments } : {}),
      };
    }
    if (rule.setsDueAt && dossier.dueAt) event.dueAt = dossier.dueAt;
    stored.events.push(event);
    this.#touch(stored);
  }

  // ── files and payments ─────────────────────────────────────────────────────────────────

  async #upload(call: Call): Promise<[number, unknown]> {
    const stored = this.#visible(call.params.id as string, call.principal);
    const say = (vi: string, en: string) => (call.locale === 'vi' ? vi : en);
    const requirementCode = call.form?.get('requirementCode');
    const file = call.form?.get('file');
    if (typeof requirementCode !== 'string' || !requirementCode) {
      throw invalid([
        {
          path: 'requirementCode',
          code: 'required',
          message: say('Thiếu requirementCode.', 'requirementCode is required.'),
        },
      ]);
    }
    const isResult = call.principal?.role === 'officer';
    if (
      isResult
        ? requirementCode !== 'result'
        : !['draft', 'awaiting_supplement'].includes(stored.dossier.status)
    ) {
      throw conflict(
        'wrong_status',
        T('Không tải tệp lên ở trạng thái này.', 'No uploads in this status.'),
      );
    }
    const kase = this.#procedure(stored.dossier.procedureCode).cases.find(
      (c) => c.code === stored.dossier.caseCode,
    );
    const document = kase?.documents.find((d) => d.code === requirementCode);
    if (!isResult && !document) {
      throw invalid([
        {
          path: 'requirementCode',
          code: 'unknown',
          message: say('Không có giấy tờ này trong thủ tục.', 'No such document in the procedure.'),
        },
      ]);
    }
    if (!(file instanceof Blob))
      throw invalid([{ path: 'file', code: 'required', message: say('Thiếu tệp.', 'No file.') }]);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (!bytes.length)
      throw invalid([
        { path: 'file', code: 'empty', message: say('Tệp rỗng.', 'The file is empty.') },
      ]);
    const maxSize = document?.maxSizeBytes ?? 20 * 1024 * 1024;
    if (bytes.length > maxSize) {
      throw new MockProblem(413, 'payload_too_large', T('Tệp quá lớn', 'File too large'));
    }
    const detected = detectMediaType(bytes);
    const accepted = document?.acceptedTypes ?? ['application/pdf'];
    if (!isAcceptedMediaType(detected, accepted)) {
      const name = 'name' in file ? String(file.name) : 'file';
      throw new MockProblem(
        415,
        'unsupported_media_type',
        T('Định dạng không được hỗ trợ', 'Unsupported format'),
        T(
          `Nội dung ${name} không phải loại được nhận.`,
          `The content of ${name} is not an accepted type.`,
        ),
      );
    }
    const count = [...this.#files.values()].filter((f) => f.dossierId === stored.dossier.id).length;
    if (count >= FILES_PER_DOSSIER) {
      throw conflict(
        'dossier_file_limit',
        T(
          `Mỗi hồ sơ tối đa ${FILES_PER_DOSSIER} tệp.`,
          `At most ${FILES_PER_DOSSIER} files a dossier.`,
        ),
      );
    }
    const meta: Attachment = {
      id: randomUUID(),
      dossierId: stored.dossier.id,
      requirementCode,
      fileName: 'name' in file && file.name ? String(file.name) : 'tep',
      mediaType: detected as string,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedAt: this.#now(),
    };
    this.#files.set(meta.id, { meta, bytes, dossierId: stored.dossier.id, result: isResult });
    return [201, meta];
  }

  #download(call: Call): Response {
    const file = this.#files.get(call.params.id as string);
    if (!file) throw notFound();
    const stored = this.#dossiers.get(file.dossierId) as StoredDossier;
    const q = call.query as { code?: string; verifier?: string };
    const byReceipt =
      file.result &&
      q.code === stored.dossier.code &&
      q.verifier?.toUpperCase() === stored.dossier.verifier &&
      stored.dossier.status === 'returned';
    if (!byReceipt) this.#visible(stored.dossier.id, call.principal);
    return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': file.meta.mediaType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.meta.fileName)}`,
      },
    });
  }

  #pay(call: Call): [number, unknown] {
    const stored = this.#owned(call.params.id as string, call.principal);
    if (stored.dossier.status !== 'awaiting_payment' || !stored.pendingFees.length) {
      throw conflict(
        'nothing_due',
        T('Hồ sơ không có khoản phí nào đang chờ nộp.', 'No fees are due on this dossier.'),
      );
    }
    for (const earlier of stored.payments)
      if (earlier.status === 'pending') earlier.status = 'cancelled';
    const total = stored.pendingFees.reduce((sum, fee) => sum + fee.amount, 0);
    const payment: Payment = {
      id: randomUUID(),
      dossierId: stored.dossier.id,
      items: stored.pendingFees,
      total,
      currency: 'VND',
      provider: (call.body as { provider: Payment['provider'] }).provider,
      status: 'pending',
      reference: `MOCK${String(stored.payments.length + 1).padStart(4, '0')}`,
      createdAt: this.#now(),
      expiresAt: new Date(this.#clock() + 15 * 60_000).toISOString(),
    };
    stored.payments.push(payment);
    return [201, payment];
  }

  // ── reading ────────────────────────────────────────────────────────────────────────────

  #lookup(code: string, verifier: string) {
    const stored = [...this.#dossiers.values()].find(
      (s) => s.dossier.code === code && s.dossier.verifier === verifier.toUpperCase(),
    );
    // One answer for an unknown code and a wrong verifier: codes are not to be enumerated.
    if (!stored) {
      throw new MockProblem(
        404,
        'no_match',
        T('Không tìm thấy', 'Not found'),
        T('Không có hồ sơ khớp mã và mã kiểm tra.', 'No dossier matches this code and verifier.'),
      );
    }
    const d = this.#view(stored);
    return {
      dossier: {
        code: d.code,
        procedureCode: d.procedureCode,
        status: d.status,
        nationalStatusCode: d.nationalStatusCode,
        submittedAt: d.submittedAt,
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
        completedAt: d.completedAt,
        returnedAt: d.returnedAt,
        overdue: d.overdue,
        agencyCode: d.agencyCode,
      },
      procedureName: this.#procedure(d.procedureCode).name,
      events: stored.events.map(({ action, fromStatus, toStatus, at, dueAt, notice }) => ({
        action,
        fromStatus,
        toStatus,
        at,
        ...(dueAt ? { dueAt } : {}),
        ...(notice ? { notice } : {}),
      })),
      resultAttachmentIds:
        d.status === 'returned'
          ? [...this.#files.values()]
              .filter((f) => f.dossierId === d.id && f.result)
              .map((f) => f.meta.id)
          : [],
    };
  }

  #statistics(q: Record<string, string | number | undefined>) {
    const groupBy = (q.groupBy as 'agency' | 'procedure' | undefined) ?? 'agency';
    const from = Date.parse(`${q.from}T00:00:00+07:00`);
    const to = Date.parse(`${q.to}T23:59:59+07:00`);
    const blank = () => ({
      received: 0,
      resolvedOnTime: 0,
      resolvedLate: 0,
      inProgress: 0,
      overdue: 0,
    });
    const rows = new Map<string, ReturnType<typeof blank>>();
    const total = blank();
    for (const stored of this.#dossiers.values()) {
      const dossier = this.#view(stored);
      if (!dossier.receivedAt) continue;
      const at = Date.parse(dossier.receivedAt);
      if (at < from || at > to) continue;
      const key = groupBy === 'agency' ? (dossier.agencyCode ?? '') : dossier.procedureCode;
      const row = rows.get(key) ?? blank();
      for (const counts of [row, total]) {
        counts.received += 1;
        if (dossier.completedAt) {
          if (!dossier.dueAt || dossier.completedAt <= dossier.dueAt) counts.resolvedOnTime += 1;
          else counts.resolvedLate += 1;
        } else {
          counts.inProgress += 1;
          if (dossier.overdue) counts.overdue += 1;
        }
      }
      rows.set(key, row);
    }
    const rate = (r: ReturnType<typeof blank>) => {
      const resolved = r.resolvedOnTime + r.resolvedLate;
      return resolved ? r.resolvedOnTime / resolved : null;
    };
    const name = (key: string) =>
      groupBy === 'agency'
        ? (SAMPLE_AGENCIES.find((a) => a.code === key)?.name ?? key)
        : (SAMPLE_PROCEDURES.find((p) => p.code === key)?.name ?? key);
    return {
      from: q.from,
      to: q.to,
      groupBy,
      rows: [...rows].map(([key, r]) => ({ key, name: name(key), ...r, onTimeRate: rate(r) })),
      total: { key: 'total', name: 'Tổng cộng', ...total, onTimeRate: rate(total) },
    };
  }

  #payment(call: Call): Payment {
    const stored = this.#visible(call.params.id as string, call.principal);
    const payment = stored.payments.find((p) => p.id === call.params.paymentId);
    if (!payment) throw notFound();
    return payment;
  }

  #preferences(principal: Principal | undefined) {
    return (
      this.#preferencesOf.get(principal?.id as string) ?? {
        channels: { email: true, sms: false },
        locale: 'vi' as const,
      }
    );
  }

  #serviceStatistics(q: Record<string, string | number | undefined>) {
    const onTime = this.#statistics({ ...q, groupBy: 'agency' });
    const row = (r: (typeof onTime)['total']) => ({
      key: r.key,
      name: r.name,
      received: r.received,
      resolved: r.resolvedOnTime + r.resolvedLate,
      resolvedOnTime: r.resolvedOnTime,
      resolvedLate: r.resolvedLate,
      inProgress: r.inProgress,
      overdueNow: r.overdue,
      onTimeRate: r.onTimeRate,
      averageWorkingDays: null,
      p90WorkingDays: null,
      submittedOnline: r.received,
      onlineShare: r.received ? 1 : null,
      paid: 0,
      paidOnline: 0,
      paidOnlineShare: null,
      satisfaction: {
        responses: 0,
        suppressed: true,
        average: null,
        satisfiedShare: null,
        criteria: [],
      },
    });
    return {
      from: q.from,
      to: q.to,
      groupBy: 'agency',
      agencyCode: null,
      minGroupSize: 5,
      generatedAt: this.#now(),
      criteria: DEFAULT_SURVEY.criteria,
      rows: onTime.rows.map(row),
      total: row(onTime.total),
    };
  }

  #procedure(code: string) {
    const procedure = SAMPLE_PROCEDURES.find((p) => p.code === code);
    if (!procedure) throw notFound();
    return procedure;
  }

  /** A dossier the caller may see: their own, or (once submitted) their agency's. */
  #visible(id: string, principal: Principal | undefined): StoredDossier {
    const stored = this.#dossiers.get(id);
    if (!stored || !principal) throw notFound();
    if (principal.role === 'citizen' && stored.owner === principal.id) return stored;
    if (
      principal.role === 'officer' &&
      stored.dossier.status !== 'draft' &&
      stored.dossier.agencyCode === principal.agencyCode
    )
      return stored;
    // Another person's dossier is not found: its existence is not told.
    throw notFound();
  }

  #owned(id: string, principal: Principal | undefined): StoredDossier {
    const stored = this.#visible(id, principal);
    if (stored.owner !== principal?.id) throw notFound();
    return stored;
  }

  #ifMatch(call: Call, stored: StoredDossier): void {
    const match = call.headers.get('if-match');
    if (!match) {
      throw new MockProblem(428, 'precondition_required', T('Thiếu If-Match', 'If-Match required'));
    }
    if (match !== etagOf(stored.dossier)) {
      throw new MockProblem(
        412,
        'precondition_failed',
        T('Dữ liệu đã thay đổi', 'The data has changed'),
        undefined,
        undefined,
        {
          etag: etagOf(stored.dossier),
        },
      );
    }
  }

  #checkAttachments(
    stored: StoredDossier,
    documents: readonly { requirementCode: string; attachmentIds: readonly string[] }[],
  ) {
    documents.forEach((document, i) => {
      for (const id of document.attachmentIds) {
        if (this.#files.get(id)?.dossierId !== stored.dossier.id) {
          throw invalid([
            {
              path: `documents.${i}.attachmentIds`,
              code: 'unknown',
              message: 'Tệp không thuộc hồ sơ này. / The file is not of this dossier.',
            },
          ]);
        }
      }
    });
  }

  #view(stored: StoredDossier): Dossier {
    const { dossier } = stored;
    const open = !['resolved', 'returned', 'rejected', 'withdrawn', 'draft'].includes(
      dossier.status,
    );
    return {
      ...dossier,
      overdue:
        open &&
        dossier.dueAt !== undefined &&
        !dossier.pausedSince &&
        Date.parse(dossier.dueAt) < this.#clock(),
    };
  }

  #touch(stored: StoredDossier): void {
    stored.dossier.version += 1;
    stored.dossier.updatedAt = this.#now();
  }

  #event(
    dossier: Dossier,
    action: string,
    from: DossierStatus | null,
    to: DossierStatus,
    principal: Principal | undefined,
    note?: string,
  ): DossierEvent {
    return {
      id: randomUUID(),
      dossierId: dossier.id,
      action,
      fromStatus: from,
      toStatus: to,
      actor: principal
        ? {
            role: principal.role,
            id: principal.id,
            name: principal.name,
            ...(principal.agencyCode ? { agencyCode: principal.agencyCode } : {}),
          }
        : { role: 'system' },
      at: this.#now(),
      ...(note ? { note } : {}),
      attachmentIds: [],
    };
  }

  #now(): string {
    return new Date(this.#clock()).toISOString();
  }

  /** Sample dossiers of the mock citizen: one in progress, one returned with its result. */
  #seed(): void {
    const citizen = {
      id: SAMPLE_USERS.citizen.id,
      role: 'citizen' as const,
      name: SAMPLE_USERS.citizen.name,
    };
    const officer = { ...SAMPLE_USERS.officer, role: 'officer' as const };
    const procedure =
      SAMPLE_PROCEDURES.find((p) =>
        formDefinitions.some((f) => f.procedureCodes?.includes(p.code)),
      ) ?? SAMPLE_PROCEDURES[0];
    if (!procedure) return;
    const form = formForProcedure(procedure.code);
    for (const final of ['in_progress', 'returned'] as const) {
      const [, created] = this.#create({
        body: { procedureCode: procedure.code, applicant: SAMPLE_APPLICANT },
        principal: citizen,
        locale: 'vi',
      } as unknown as Call);
      const stored = this.#dossiers.get((created as Dossier).id) as StoredDossier;
      const documents: { requirementCode: string; attachmentIds: string[] }[] = [];
      const files: Record<string, string[]> = {};
      for (const document of procedure.cases[0]?.documents ?? []) {
        const meta = this.#sampleFile(stored, document.code, `${document.code}.pdf`, false);
        documents.push({ requirementCode: document.code, attachmentIds: [meta.id] });
        files[document.code] = [meta.id];
        files['*'] ??= [meta.id];
      }
      Object.assign(stored.dossier, { formData: exampleAnswers(form, files), documents });
      this.#submit({
        params: { id: stored.dossier.id },
        principal: citizen,
        locale: 'vi',
        headers: new Headers({ 'if-match': etagOf(stored.dossier) }),
      } as unknown as Call);
      this.#transition(stored, 'receive', 'officer', officer);
      this.#transition(stored, 'start_processing', 'officer', officer);
      if (final === 'returned') {
        const result = this.#sampleFile(stored, 'result', 'ket-qua.pdf', true);
        stored.dossier.outcome = { decision: 'approved', resultAttachmentIds: [result.id] };
        this.#transition(stored, 'resolve', 'officer', officer);
        this.#transition(stored, 'return_result', 'officer', officer);
      }
    }
  }

  #sampleFile(
    stored: StoredDossier,
    requirementCode: string,
    fileName: string,
    result: boolean,
  ): Attachment {
    const bytes = new TextEncoder().encode(
      `%PDF-1.4\n% ${fileName}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`,
    );
    const meta: Attachment = {
      id: randomUUID(),
      dossierId: stored.dossier.id,
      requirementCode,
      fileName,
      mediaType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedAt: this.#now(),
    };
    this.#files.set(meta.id, { meta, bytes, dossierId: stored.dossier.id, result });
    return meta;
  }
}

/** A one-page PDF receipt (biên lai) of a paid payment, ASCII only: a mock's, not a real one. */
function receiptPdf(payment: Payment): Uint8Array {
  const text = `BIEN LAI (MAU) ${payment.receiptNumber ?? ''} - ${payment.total} VND`;
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

function etagOf(dossier: Dossier): string {
  return `"${dossier.id}.${dossier.version}"`;
}

function mergeDocuments(
  current: Dossier['documents'],
  added: readonly { requirementCode: string; attachmentIds: string[] }[],
): Dossier['documents'] {
  const merged = current.map((d) => ({ ...d, attachmentIds: [...d.attachmentIds] }));
  for (const document of added) {
    const existing = merged.find((d) => d.requirementCode === document.requirementCode);
    if (existing) existing.attachmentIds.push(...document.attachmentIds);
    else merged.push({ ...document });
  }
  return merged;
}

/** A page of `items` by an opaque cursor (the offset, base64url JSON); a forged one is a 400. */
function page<T>(items: readonly T[], q: Record<string, string | number | undefined>) {
  const limit = Number(q.limit ?? 20);
  let offset = 0;
  if (q.cursor !== undefined) {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(String(q.cursor), 'base64url').toString('utf8'));
    } catch {
      decoded = undefined;
    }
    if (
      !Array.isArray(decoded) ||
      decoded[0] !== 'mock' ||
      !Number.isSafeInteger(decoded[1]) ||
      decoded[1] < 0
    ) {
      throw invalid([
        {
          path: 'cursor',
          code: 'invalid',
          message: 'Con trỏ trang không hợp lệ. / Not a cursor of this list.',
        },
      ]);
    }
    offset = decoded[1];
  }
  const slice = items.slice(offset, offset + limit);
  const next =
    offset + limit < items.length
      ? Buffer.from(JSON.stringify(['mock', offset + limit])).toString('base64url')
      : null;
  return { items: slice, nextCursor: next };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  if (status === 204) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

function problemResponse(problem: MockProblem, locale: Locale): Response {
  return new Response(
    JSON.stringify({
      type: `urn:egov-kit:problem:${problem.code}`,
      title: problem.title[locale],
      status: problem.status,
      ...(problem.detail ? { detail: problem.detail[locale] } : {}),
      code: problem.code,
      ...(problem.errors?.length ? { errors: problem.errors } : {}),
    }),
    {
      status: problem.status,
      headers: { 'content-type': 'application/problem+json; charset=utf-8', ...problem.headers },
    },
  );
}

async function requestHash(call: Call): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(call.body ?? null));
  if (call.form) {
    for (const [name, value] of call.form) {
      hash.update(name);
      hash.update(typeof value === 'string' ? value : new Uint8Array(await value.arrayBuffer()));
    }
  }
  return hash.digest('hex');
}
