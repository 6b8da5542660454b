import type { FormValue } from './form-control.js';

/**
 * A list control's form data: one entry per item under the control's `name`, as a
 * `<select multiple>` gives; nothing for an empty list or a control without a name.
 */
export function listFormValue(name: string, items: readonly (File | string)[]): FormValue {
  if (!items.length || !name) return null;
  const data = new FormData();
  for (const item of items) data.append(name, item);
  return data;
}
