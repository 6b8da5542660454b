import type { FieldError, Locale, LocalizedText } from '@egov-kit/schema';
import { type DomainErrorKind, isDomainError } from '../services/domain-error.js';

/** The kinds of problem the server answers, with their status and title. */
export const PROBLEMS = {
  validation: { status: 400, title: { vi: 'Yêu cầu không hợp lệ', en: 'Invalid request' } },
  unauthorized: { status: 401, title: { vi: 'Chưa đăng nhập', en: 'Not signed in' } },
  forbidden: { status: 403, title: { vi: 'Không có quyền', en: 'Not allowed' } },
  not_found: { status: 404, title: { vi: 'Không tìm thấy', en: 'Not found' } },
  method_not_allowed: {
    status: 405,
    title: { vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  },
  conflict: {
    status: 409,
    title: {
      vi: 'Không thực hiện được ở trạng thái hiện tại',
      en: 'Not possible in the current state',
    },
  },
  precondition_failed: {
    status: 412,
    title: { vi: 'Dữ liệu đã thay đổi', en: 'The data has changed' },
  },
  payload_too_large: { status: 413, title: { vi: 'Tệp quá lớn', en: 'File too large' } },
  unsupported_media_type: {
    status: 415,
    title: { vi: 'Định dạng không được hỗ trợ', en: 'Unsupported format' },
  },
  unprocessable: {
    status: 422,
    title: { vi: 'Hồ sơ chưa đầy đủ', en: 'The dossier is incomplete' },
  },
  idempotency_key_reused: {
    status: 422,
    title: {
      vi: 'Khóa chống gửi trùng đã dùng cho yêu cầu khác',
      en: 'Idempotency key reused for another request',
    },
  },
  precondition_required: { status: 428, title: { vi: 'Thiếu If-Match', en: 'If-Match required' } },
  rate_limited: { status: 429, title: { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' } },
  header_too_large: {
    status: 431,
    title: { vi: 'Tiêu đề yêu cầu quá lớn', en: 'Request header fields too large' },
  },
  unavailable: {
    status: 503,
    title: { vi: 'Dịch vụ tạm thời không sẵn sàng', en: 'Service unavailable' },
  },
  internal: { status: 500, title: { vi: 'Lỗi máy chủ', en: 'Server error' } },
} as const satisfies Record<string, { status: number; title: LocalizedText }>;

/** A kind of problem. */
export type ProblemCode = keyof typeof PROBLEMS;

/** A field error before its message is put in the request's language. */
export interface LocalizedFieldError {
  readonly path: string;
  readonly code: string;
  readonly message: LocalizedText | string;
}

/**
 * A refusal the server answers as `application/problem+json` (RFC 9457). Thrown anywhere in a
 * handler; the error handler renders it in the request's language.
 */
export class HttpProblem extends Error {
  override name = 'HttpProblem';
  readonly code: ProblemCode;
  readonly detail: LocalizedText | undefined;
  readonly errors: readonly LocalizedFieldError[] | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** A more specific code for programs than the kind, e.g. `wrong_status`. */
  readonly subcode: string | undefined;

  constructor(
    code: ProblemCode,
    detail?: LocalizedText,
    options: {
      errors?: readonly LocalizedFieldError[];
      headers?: Record<string, string>;
      subcode?: string;
    } = {},
  ) {
    super(detail?.en ?? PROBLEMS[code].title.en);
    this.code = code;
    this.detail = detail;
    this.errors = options.errors;
    this.headers = options.headers;
    this.subcode = options.subcode;
  }

  get status(): number {
    return PROBLEMS[this.code].status;
  }
}

/** Whether `error` is an HttpProblem, also across realms and bundled copies. */
export function isHttpProblem(error: unknown): error is HttpProblem {
  return error instanceof HttpProblem || (error instanceof Error && error.name === 'HttpProblem');
}

/** The JSON body of a problem in one language. */
export function problemBody(problem: HttpProblem, locale: Locale, instance?: string) {
  const errors: FieldError[] | undefined = problem.errors?.map((error) => ({
    path: error.path,
    code: error.code,
    message: typeof error.message === 'string' ? error.message : error.message[locale],
  }));
  return {
    type: `urn:egov-kit:problem:${problem.subcode ?? problem.code}`,
    title: PROBLEMS[problem.code].title[locale],
    status: problem.status,
    ...(problem.detail ? { detail: problem.detail[locale] } : {}),
    ...(instance ? { instance } : {}),
    code: problem.subcode ?? problem.code,
    ...(errors?.length ? { errors } : {}),
  };
}

/** The problem each kind of domain error is answered with. */
const DOMAIN_PROBLEMS: Record<DomainErrorKind, ProblemCode> = {
  invalid: 'validation',
  forbidden: 'forbidden',
  not_found: 'not_found',
  conflict: 'conflict',
  stale: 'precondition_failed',
  too_large: 'payload_too_large',
  unsupported_type: 'unsupported_media_type',
  incomplete: 'unprocessable',
};

/**
 * The problem to answer for a thrown error — an HttpProblem from the HTTP layer as it is, a
 * DomainError from a service by its kind — or `undefined` for anything else (a 500). The one
 * place where the services' errors become HTTP.
 */
export function problemFromError(error: unknown): HttpProblem | undefined {
  if (isHttpProblem(error)) return error;
  if (!isDomainError(error)) return undefined;
  return new HttpProblem(DOMAIN_PROBLEMS[error.kind], error.detail, {
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.subcode ? { subcode: error.subcode } : {}),
    ...(error.currentVersion ? { headers: { etag: error.currentVersion } } : {}),
  });
}
