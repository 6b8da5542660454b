/**
 * The forms an `egov-error-summary` watches. On a failed submit the GOV.UK pattern moves focus
 * to the summary, not to the first invalid field, so a control asks here before taking focus.
 * A registry rather than a DOM query: the summary may sit outside the form, in another shadow
 * root.
 */
const watched = new WeakMap<HTMLFormElement, number>();

export function watchForm(form: HTMLFormElement): void {
  watched.set(form, (watched.get(form) ?? 0) + 1);
}

export function unwatchForm(form: HTMLFormElement): void {
  const count = (watched.get(form) ?? 1) - 1;
  if (count > 0) watched.set(form, count);
  else watched.delete(form);
}

export function hasErrorSummary(form: HTMLFormElement | null): boolean {
  return form !== null && watched.has(form);
}
