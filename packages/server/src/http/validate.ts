import type { LocalizedText } from '@egov-kit/schema';
import * as z from 'zod/mini';
import { HttpProblem, type LocalizedFieldError } from './problem.js';

type Issue = z.core.$ZodIssue;

/**
 * Parses `input` with `schema`, or throws a 400 problem listing every field error in both
 * languages. zod's own messages are English-only and written for developers; people read ours.
 */
export function parseOr400<Schema extends z.ZodMiniType>(
  schema: Schema,
  input: unknown,
  where: string,
): z.infer<Schema> {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  throw new HttpProblem(
    'validation',
    { vi: `Dữ liệu gửi lên (${where}) có lỗi.`, en: `The request ${where} has errors.` },
    { errors: result.error.issues.map(fieldError) },
  );
}

function fieldError(issue: Issue): LocalizedFieldError {
  const path = issue.path.map(String).join('.') || '(body)';
  return { path, code: codeOf(issue), message: messageOf(issue, path) };
}

function codeOf(issue: Issue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  return issue.code;
}

function messageOf(issue: Issue, path: string): LocalizedText {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { vi: `Thiếu ${path}.`, en: `${path} is required.` }
        : {
            vi: `${path} phải là ${typeName(issue.expected, 'vi')}.`,
            en: `${path} must be ${typeName(issue.expected, 'en')}.`,
          };
    case 'too_small':
      return { vi: `${path} quá ngắn hoặc quá nhỏ.`, en: `${path} is too short or too small.` };
    case 'too_big':
      return { vi: `${path} quá dài hoặc quá lớn.`, en: `${path} is too long or too large.` };
    case 'invalid_value':
      return {
        vi: `${path} phải là một trong: ${issue.values.map(String).join(', ')}.`,
        en: `${path} must be one of: ${issue.values.map(String).join(', ')}.`,
      };
    case 'invalid_format':
      return {
        vi: `${path} không đúng định dạng (${issue.format}).`,
        en: `${path} is not a valid ${issue.format}.`,
      };
    case 'unrecognized_keys':
      return {
        vi: `Trường không được hỗ trợ: ${issue.keys.join(', ')}.`,
        en: `Unknown field(s): ${issue.keys.join(', ')}.`,
      };
    default:
      return { vi: `${path} không hợp lệ.`, en: `${path} is invalid.` };
  }
}

function typeName(expected: string, locale: 'vi' | 'en'): string {
  const names: Record<string, LocalizedText> = {
    string: { vi: 'chuỗi ký tự', en: 'a string' },
    number: { vi: 'một số', en: 'a number' },
    int: { vi: 'một số nguyên', en: 'an integer' },
    boolean: { vi: 'true hoặc false', en: 'true or false' },
    object: { vi: 'một đối tượng', en: 'an object' },
    array: { vi: 'một danh sách', en: 'a list' },
  };
  return names[expected]?.[locale] ?? expected;
}

/**
 * Refuses a NUL character anywhere in a request's values: PostgreSQL cannot store it in text or
 * JSON, and no person types one. Found by the fuzz test as a 500.
 */
export function refuseNul(value: unknown, where: string): void {
  const path = findNul(value, []);
  if (path === undefined) return;
  const field = path.join('.') || where;
  throw new HttpProblem(
    'validation',
    {
      vi: `Dữ liệu (${where}) chứa ký tự NUL không hợp lệ.`,
      en: `The request ${where} contains a NUL character.`,
    },
    {
      errors: [
        {
          path: field,
          code: 'invalid_character',
          message: { vi: 'Ký tự NUL không được phép.', en: 'NUL is not allowed.' },
        },
      ],
    },
  );
}

function findNul(value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (typeof value === 'string') return value.includes('\0') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = key.includes('\0') ? [...path, key] : findNul(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
