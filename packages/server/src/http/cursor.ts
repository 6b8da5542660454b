import { HttpProblem } from './problem.js';

/** An opaque page cursor: the sort key of the last item, base64url JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key in a cursor, or a 400 when it was not one of ours. */
export function decodeCursor(
  cursor: string | undefined,
  shape: readonly ('string' | 'number')[],
): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === shape.length &&
      key.every((part, i) => typeof part === shape[i])
    ) {
      return key as (string | number)[];
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
