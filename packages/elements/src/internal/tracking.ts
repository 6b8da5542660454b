import type {
  DossierEvent,
  DossierStatus,
  Locale,
  LocalizedText,
  LookupResult,
  NoticeKind,
  PublicDossier,
} from '@egov-kit/schema';
import { intlLocale } from './locale.js';

/**
 * A dossier as the tracking elements need it: what the public lookup gives (`PublicDossier`),
 * so that a full `Dossier` fits too.
 */
export type TrackedDossier = PublicDossier & { readonly pausedSince?: string | undefined };

/**
 * An event as the tracking elements need it: what the public lookup gives, with who took it
 * and the note when the caller may see them (a full `DossierEvent`).
 */
export type TrackedEvent = LookupResult['events'][number] &
  Partial<Pick<DossierEvent, 'actor' | 'note' | 'id'>>;

/** The time zone every date of a Vietnamese dossier is read in. */
const ZONE = 'Asia/Ho_Chi_Minh';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date (or date and time) as a person reads it, in Vietnam's time. */
export function formatDate(value: string | Date, locale: Locale, withTime = false): string {
  const key = `${locale}${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
      timeZone: ZONE,
    });
    dateFormats.set(key, format);
  }
  return format.format(typeof value === 'string' ? new Date(value) : value);
}

/** A plain sentence per status: where the dossier is and who has it. */
export const STATUS_EXPLAINED: Record<DossierStatus, LocalizedText> = {
  draft: {
    vi: 'Hồ sơ chưa được nộp. Chỉ bạn nhìn thấy bản nháp này.',
    en: 'The application has not been submitted. Only you can see this draft.',
  },
  submitted: {
    vi: 'Bạn đã nộp hồ sơ. Cơ quan sẽ kiểm tra và tiếp nhận hồ sơ.',
    en: 'You have submitted the application. The agency will check it and receive it.',
  },
  received: {
    vi: 'Cơ quan đã tiếp nhận hồ sơ và hẹn ngày trả kết quả.',
    en: 'The agency has received your application and set a date for the result.',
  },
  in_progress: {
    vi: 'Cán bộ đang giải quyết hồ sơ của bạn. Bạn chưa cần làm gì.',
    en: 'An official is working on your application. You do not need to do anything yet.',
  },
  awaiting_supplement: {
    vi: 'Cơ quan cần bạn bổ sung giấy tờ. Thời hạn giải quyết tạm dừng cho đến khi bạn bổ sung.',
    en: 'The agency needs more documents from you. The time limit is paused until you send them.',
  },
  awaiting_payment: {
    vi: 'Bạn cần nộp phí, lệ phí. Thời hạn giải quyết tạm dừng cho đến khi bạn nộp.',
    en: 'You need to pay the fees. The time limit is paused until you pay.',
  },
  stopped: {
    vi: 'Cơ quan đã tạm dừng giải quyết hồ sơ. Xem lý do bên dưới.',
    en: 'The agency has suspended work on your application. See the reason below.',
  },
  resolved: {
    vi: 'Đã có kết quả. Bạn có thể nhận kết quả.',
    en: 'The result is ready. You can collect it.',
  },
  returned: {
    vi: 'Bạn đã nhận kết quả. Hồ sơ đã hoàn thành.',
    en: 'You have received the result. The application is complete.',
  },
  rejected: {
    vi: 'Cơ quan không tiếp nhận hồ sơ. Xem lý do bên dưới.',
    en: 'The agency did not accept the application. See the reason below.',
  },
  withdrawn: {
    vi: 'Bạn đã rút hồ sơ. Hồ sơ không được giải quyết tiếp.',
    en: 'You withdrew the application. It will not be processed further.',
  },
};

/** Notices as a citizen knows them (phiếu, thông báo). */
export const NOTICE_LABELS: Record<NoticeKind, LocalizedText> = {
  receipt: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt and result date' },
  supplement_request: { vi: 'Phiếu yêu cầu bổ sung hồ sơ', en: 'Request for documents' },
  refusal: { vi: 'Phiếu từ chối tiếp nhận hồ sơ', en: 'Refusal notice' },
  payment_request: { vi: 'Thông báo nộp phí, lệ phí', en: 'Payment request' },
  stop: { vi: 'Thông báo tạm dừng giải quyết', en: 'Suspension notice' },
  apology: { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new date' },
  result: { vi: 'Thông báo có kết quả', en: 'Result notice' },
};

/**
 * What a failed load means to a person. Reads the client's `ApiError` structurally (status,
 * code, retryAfter), so the elements do not depend on the client package.
 */
export function loadErrorMessage(error: unknown, locale: Locale): string {
  const e = (error ?? {}) as { status?: unknown; code?: unknown; retryAfter?: unknown };
  const status = typeof e.status === 'number' ? e.status : undefined;
  // A server that will not say which of the two is wrong (so that codes cannot be enumerated).
  if (e.code === 'no_match') return LOAD_ERRORS.noMatch[locale];
  if (e.code === 'unknown_code' || status === 404) return LOAD_ERRORS.unknownCode[locale];
  if (e.code === 'wrong_verifier' || status === 403) return LOAD_ERRORS.wrongVerifier[locale];
  if (status === 429) {
    const seconds = typeof e.retryAfter === 'number' && e.retryAfter > 0 ? e.retryAfter : 60;
    return LOAD_ERRORS.tooMany(seconds)[locale];
  }
  return LOAD_ERRORS.failed[locale];
}

const waitText = (seconds: number): LocalizedText => {
  const minutes = Math.ceil(seconds / 60);
  return seconds < 60
    ? { vi: `${seconds} giây`, en: `${seconds} ${seconds === 1 ? 'second' : 'seconds'}` }
    : { vi: `${minutes} phút`, en: `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` };
};

export const LOAD_ERRORS = {
  noMatch: {
    vi: 'Không có hồ sơ nào khớp mã hồ sơ và mã xác thực này. Kiểm tra lại cả hai mã in trên giấy tiếp nhận.',
    en: 'No application matches this code and verification code. Check both on your receipt.',
  },
  unknownCode: {
    vi: 'Không tìm thấy hồ sơ có mã này. Kiểm tra lại mã hồ sơ in trên giấy tiếp nhận.',
    en: 'No application has this code. Check the application code printed on your receipt.',
  },
  wrongVerifier: {
    vi: 'Mã xác thực không đúng. Nhập đúng mã xác thực in trên giấy tiếp nhận.',
    en: 'The verification code is wrong. Enter the verification code printed on your receipt.',
  },
  tooMany: (seconds: number): LocalizedText => ({
    vi: `Bạn đã tra cứu quá nhiều lần. Hãy thử lại sau ${waitText(seconds).vi}.`,
    en: `You have looked up too many times. Try again in ${waitText(seconds).en}.`,
  }),
  failed: {
    vi: 'Không tải được thông tin hồ sơ. Kiểm tra kết nối mạng rồi thử lại.',
    en: 'The application could not be loaded. Check your connection and try again.',
  },
} as const;
