import type { DossierEvent, LookupResult, PublicDossier } from '@egov-kit/schema';
import { intlLocale, translate } from '../base/localization.js';
import { LOAD_ERRORS } from './tracking.messages.js';

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
export function formatDate(value: string | Date, locale: string, withTime = false): string {
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
