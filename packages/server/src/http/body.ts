import type { Context } from 'hono';
import { HttpProblem } from './problem.js';

/** How deep a JSON body may nest: the deepest request of the contract needs 6. */
export const MAX_JSON_DEPTH = 32;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The JSON body of a request, read once for the whole pipeline: the media type must be JSON,
 * the bytes valid UTF-8, the nesting at most `MAX_JSON_DEPTH` deep (thousands of `[` would
 * otherwise overflow the stack of every recursive step after parsing), and every string
 * well-formed UTF-16 without NUL (PostgreSQL stores neither a lone surrogate nor NUL).
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new HttpProblem('unsupported_media_type', {
      vi: 'Gửi dữ liệu dạng application/json.',
      en: 'Send the body as application/json.',
    });
  }
  let text: string;
  try {
    text = utf8.decode(await c.req.arrayBuffer());
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    throw invalid(
      { vi: 'Dữ liệu không phải UTF-8 hợp lệ.', en: 'The body is not valid UTF-8.' },
      'encoding',
    );
  }
  if (text === '') return undefined;
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw invalid(
      {
        vi: `Dữ liệu JSON lồng nhau quá ${MAX_JSON_DEPTH} cấp.`,
        en: `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`,
      },
      'too_deep',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid(
      { vi: 'Dữ liệu JSON không đọc được.', en: 'The JSON body cannot be parsed.' },
      'json',
    );
  }
  refuseBadStrings(value, 'body');
  return value;
}

/** The deepest nesting of `[` and `{` outside strings, stopping early once it is too deep. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > MAX_JSON_DEPTH) return deepest;
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return deepest;
}

/**
 * Refuses a NUL character or a lone UTF-16 surrogate (`\ud800`) anywhere in a request's values,
 * keys included: PostgreSQL can store neither in text or JSON, and no person types one. Both
 * reached the database as a 500 before (found by the fuzz test).
 */
export function refuseBadStrings(value: unknown, where: string): void {
  const found = findBadString(value, [], 0);
  if (found === undefined) return;
  const field = found.join('.') || where;
  throw new HttpProblem(
    'validation',
    {
      vi: `Dữ liệu (${where}) chứa ký tự không hợp lệ (NUL hoặc UTF-16 lỗi).`,
      en: `The request ${where} contains an invalid character (NUL or broken UTF-16).`,
    },
    {
      errors: [
        {
          path: field,
          code: 'invalid_character',
          message: {
            vi: 'Ký tự NUL hoặc UTF-16 lỗi không được phép.',
            en: 'NUL and unpaired UTF-16 surrogates are not allowed.',
          },
        },
      ],
    },
  );
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const bad = (text: string) => text.includes('\0') || LONE_SURROGATE.test(text);

function findBadString(
  value: unknown,
  path: (string | number)[],
  depth: number,
): (string | number)[] | undefined {
  if (typeof value === 'string') return bad(value) ? path : undefined;
  if (depth > MAX_JSON_DEPTH) return path;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findBadString(item, [...path, i], depth + 1);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = bad(key) ? [...path, key] : findBadString(item, [...path, key], depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function invalid(detail: { vi: string; en: string }, code: string): HttpProblem {
  return new HttpProblem('validation', detail, {
    errors: [{ path: '(body)', code, message: detail }],
  });
}
