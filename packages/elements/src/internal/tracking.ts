import type { DossierEvent, LookupResult, PublicDossier } from '@egov-kit/schema';
import { intlLocale } from '../base/localization.js';

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
