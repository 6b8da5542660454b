import * as z from 'zod/mini';

/** A text in every language egov-kit ships: Vietnamese (the default) and English. */
export const LocalizedTextSchema = z
  .object({
    vi: z.string().check(z.minLength(1), z.describe('Vietnamese text.')),
    en: z.string().check(z.minLength(1), z.describe('English text.')),
  })
  .register(z.globalRegistry, {
    id: 'LocalizedText',
    description: 'A text in Vietnamese and English.',
  });

/** An instant on the wire: ISO 8601 with an explicit offset, e.g. `2026-02-13T08:30:00+07:00`. */
export const Timestamp = z.iso
  .datetime({ offset: true })
  .check(z.describe('An instant, ISO 8601 with offset, e.g. 2026-02-13T08:30:00+07:00.'));

/** A calendar date without time, `YYYY-MM-DD`. */
export const CalendarDate = z.iso.date().check(z.describe('A calendar date, YYYY-MM-DD.'));

/** An amount of Vietnamese đồng; whole đồng, never fractions. */
export const AmountVnd = z
  .int()
  .check(z.nonnegative(), z.describe('An amount in Vietnamese đồng (VND), whole đồng.'));

/** A server-assigned opaque identifier (UUID). */
export const Id = z.uuid().check(z.describe('An opaque identifier (UUID).'));
