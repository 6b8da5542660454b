import type { Condition, VisibleWhen } from '../entities/form-definition.js';

/** Whether a value counts as not given: nothing, blank text, an empty list. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function testCondition(condition: Condition, data: Readonly<Record<string, unknown>>): boolean {
  const actual = data[condition.field];
  switch (condition.operator) {
    case 'filled':
      return !isEmptyValue(actual);
    case 'empty':
      return isEmptyValue(actual);
    case 'equals':
      return sameValue(actual, condition.value);
    case 'not_equals':
      return !sameValue(actual, condition.value);
    case 'in':
      return (
        Array.isArray(condition.value) && condition.value.some((value) => sameValue(actual, value))
      );
  }
}

/** A checkbox group holds a list: it "equals" a value when the value is among its choices. */
function sameValue(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((item) => sameValue(item, expected));
  if (typeof actual === 'number' || typeof expected === 'number')
    return Number(actual) === Number(expected);
  if (typeof expected === 'boolean')
    return (actual === true || actual === 'true' || actual === 'on') === expected;
  return actual === expected;
}

/** Whether a field or section with this condition is shown, given the answers so far. */
export function isVisible(
  when: VisibleWhen | undefined,
  data: Readonly<Record<string, unknown>>,
): boolean {
  if (!when) return true;
  if ('all' in when) return when.all.every((condition) => testCondition(condition, data));
  if ('any' in when) return when.any.some((condition) => testCondition(condition, data));
  return testCondition(when, data);
}
