import { translate } from '../base/localization.js';
import { LOAD_ERRORS } from './tracking.messages.js';

// Apart from tracking.ts (the dates, on the tracker's first screen): a module is bundled whole
// into one chunk, and these words come with the tracker's lazily loaded details.

/**
 * What a failed load means to a person. Reads the client's `ApiError` structurally (status,
 * code, retryAfter), so the elements do not depend on the client package.
 */
export function loadErrorMessage(error: unknown, locale: string): string {
  const e = (error ?? {}) as { status?: unknown; code?: unknown; retryAfter?: unknown };
  const status = typeof e.status === 'number' ? e.status : undefined;
  // A server that will not say which of the two is wrong (so that codes cannot be enumerated).
  if (e.code === 'no_match') return translate(LOAD_ERRORS.noMatch, locale);
  if (e.code === 'unknown_code' || status === 404)
    return translate(LOAD_ERRORS.unknownCode, locale);
  if (e.code === 'wrong_verifier' || status === 403)
    return translate(LOAD_ERRORS.wrongVerifier, locale);
  if (status === 429) {
    const seconds = typeof e.retryAfter === 'number' && e.retryAfter > 0 ? e.retryAfter : 60;
    return translate(LOAD_ERRORS.tooMany(seconds), locale);
  }
  return translate(LOAD_ERRORS.failed, locale);
}
