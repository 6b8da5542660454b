import { HttpProblem } from './problem.js';

/**
 * What one part of a page cursor must be: `number` a finite number, `offset` a whole number
 * from 0 to 10^6, `timestamp` an ISO 8601 instant from year 1900 to 9999, `uuid` a UUID,
 * `string` a short text without NUL or broken UTF-16.
 */
export type CursorPart = 'string' | 'number' | 'offset' | 'timestamp' | 'uuid';

/** An opaque page cursor: the sort key of the last item, base64url JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2})?)$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function fits(part: unknown, kind: CursorPart): boolean {
  switch (kind) {
    case 'number':
      return typeof part === 'number' && Number.isFinite(part);
    case 'offset':
      return typeof part === 'number' && Number.isInteger(part) && part >= 0 && part <= 1e6;
    case 'uuid':
      return typeof part === 'string' && UUID.test(part);
    case 'timestamp': {
      if (typeof part !== 'string' || !TIMESTAMP.test(part)) return false;
      const year = new Date(part).getUTCFullYear();
      return year >= 1900 && year <= 9999;
    }
    case 'string':
      return (
        typeof part === 'string' &&
        part.length <= 256 &&
        !part.includes('\0') &&
        !LONE_SURROGATE.test(part)
      );
  }
}

/**
 * The sort key in a cursor, or a 400 when it was not one of ours: every part is checked against
 * what the query will do with it, so that a forged cursor never reaches the database as a value
 * it cannot cast.
 */
export function decodeCursor(
  cursor: string | undefined,
  shape: readonly CursorPart[],
): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    if (cursor.length <= 1024 && /^[\w-]*$/.test(cursor)) {
      const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (
        Array.isArray(key) &&
        key.length === shape.length &&
        key.every((part, i) => fits(part, shape[i] as CursorPart))
      ) {
        return key as (string | number)[];
      }
    }
  } catch {
    // fall through to the problem below
  }
  throw new HttpProblem(
    'validation',
    { vi: 'Con trỏ trang không hợp lệ.', en: 'The page cursor is not valid.' },
    {
      errors: [
        {
          path: 'cursor',
          code: 'invalid',
          message: {
            vi: 'Dùng nextCursor của trang trước.',
            en: 'Pass nextCursor of the previous page.',
          },
        },
      ],
    },
  );
}
