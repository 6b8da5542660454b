import * as z from 'zod/mini';
import { described } from '../internal/described.js';

/** A text in every language egov-kit ships: Vietnamese (the default) and English. */
export const LocalizedTextSchema = z
  .object({
    vi: described(z.string().check(z.minLength(1)), 'Vietnamese text.'),
    en: described(z.string().check(z.minLength(1)), 'English text.'),
  })
  .register(z.globalRegistry, {
    id: 'LocalizedText',
    description: 'A text in Vietnamese and English.',
  });

/** An instant on the wire: ISO 8601 with an explicit offset, e.g. `2026-02-13T08:30:00+07:00`. */
export const Timestamp = described(
  z.iso.datetime({ offset: true }),
  'An instant, ISO 8601 with offset, e.g. 2026-02-13T08:30:00+07:00.',
);

/** A calendar date without time, `YYYY-MM-DD`. */
export const CalendarDate = described(z.iso.date(), 'A calendar date, YYYY-MM-DD.');

/** An amount of Vietnamese đồng; whole đồng, never fractions. */
export const AmountVnd = described(
  z.int().check(z.nonnegative()),
  'An amount in Vietnamese đồng (VND), whole đồng.',
);

/** A server-assigned opaque identifier (UUID). */
export const Id = described(z.uuid(), 'An opaque identifier (UUID).');
