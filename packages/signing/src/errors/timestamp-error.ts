import type { LocalizedText } from '@egov-kit/schema';

const NAME = 'TimestampError';

/**
 * Why a time-stamp could not be obtained from a time-stamping authority (TSA):
 * - `network`: the TSA could not be reached;
 * - `timeout`: it did not answer in time;
 * - `http-status`: it answered with an HTTP error (a wrong URL, refused credentials);
 * - `malformed`: the answer is not an RFC 3161 TimeStampResp, or its token is not a SignedData
 *   holding a TSTInfo, or it is larger than any real reply;
 * - `rejected`: the TSA refused the request (PKIStatus rejection, waiting, revocation…);
 * - `imprint-mismatch`: the token time-stamps other data than what was sent;
 * - `nonce-mismatch`: the token answers another request (a replayed or mixed-up reply);
 * - `policy-mismatch`: the token was issued under another policy than the one asked for;
 * - `no-certificate`: the token does not carry the TSA certificate although it was asked to;
 * - `invalid-token`: the token does not validate (signature, TSA certificate, chain).
 */
export const TIMESTAMP_ERROR_REASONS = [
  'network',
  'timeout',
  'http-status',
  'malformed',
  'rejected',
  'imprint-mismatch',
  'nonce-mismatch',
  'policy-mismatch',
  'no-certificate',
  'invalid-token',
] as const;

/** One of {@link TIMESTAMP_ERROR_REASONS}. */
export type TimestampErrorReason = (typeof TIMESTAMP_ERROR_REASONS)[number];

const MESSAGES: Readonly<Record<TimestampErrorReason, LocalizedText>> = {
  network: {
    vi: 'Không kết nối được với máy chủ cấp dấu thời gian.',
    en: 'The time-stamping server could not be reached.',
  },
  timeout: {
    vi: 'Máy chủ cấp dấu thời gian không trả lời kịp thời.',
    en: 'The time-stamping server did not answer in time.',
  },
  'http-status': {
    vi: 'Máy chủ cấp dấu thời gian trả về lỗi.',
    en: 'The time-stamping server answered with an error.',
  },
  malformed: {
    vi: 'Câu trả lời của máy chủ cấp dấu thời gian không đúng định dạng RFC 3161.',
    en: 'The time-stamping server’s answer is not a valid RFC 3161 response.',
  },
  rejected: {
    vi: 'Máy chủ cấp dấu thời gian từ chối yêu cầu.',
    en: 'The time-stamping server refused the request.',
  },
  'imprint-mismatch': {
    vi: 'Dấu thời gian nhận được không dành cho dữ liệu đã gửi.',
    en: 'The time-stamp received is not for the data that was sent.',
  },
  'nonce-mismatch': {
    vi: 'Dấu thời gian nhận được không trả lời đúng yêu cầu đã gửi.',
    en: 'The time-stamp received does not answer the request that was sent.',
  },
  'policy-mismatch': {
    vi: 'Dấu thời gian được cấp theo chính sách khác với chính sách yêu cầu.',
    en: 'The time-stamp was issued under another policy than the one requested.',
  },
  'no-certificate': {
    vi: 'Dấu thời gian không kèm chứng thư số của máy chủ cấp dấu thời gian.',
    en: 'The time-stamp does not carry the time-stamping authority’s certificate.',
  },
  'invalid-token': {
    vi: 'Dấu thời gian nhận được không hợp lệ.',
    en: 'The time-stamp received is not valid.',
  },
};

/**
 * A time-stamp could not be obtained or was refused; `reason` says which way. A signature that
 * asked for a time-stamp is never returned without one.
 */
export class TimestampError extends Error {
  override name = NAME;
  /** Which way it failed. */
  readonly reason: TimestampErrorReason;
  /** A developer's detail (English): the HTTP status, the TSA's own status text… */
  readonly detail: string;
  /** What a person reads. */
  readonly localizedMessage: LocalizedText;

  constructor(reason: TimestampErrorReason, detail: string, options?: { cause?: unknown }) {
    const localizedMessage = MESSAGES[reason];
    super(`${localizedMessage.vi} / ${localizedMessage.en} (${detail})`, options);
    this.reason = reason;
    this.detail = detail;
    this.localizedMessage = localizedMessage;
  }
}

/** True for a {@link TimestampError}, also one from another realm or bundle copy. */
export function isTimestampError(value: unknown): value is TimestampError {
  return (
    value instanceof TimestampError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === NAME &&
      typeof (value as { reason?: unknown }).reason === 'string')
  );
}
