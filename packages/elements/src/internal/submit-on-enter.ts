/**
 * Enter in a single-line input submits the form, as natively. The inner input lives in the
 * shadow root and belongs to no form, so the browser's implicit submission never sees it. For
 * the controls with a one-line input (text fields, the date, the address), not in FormControl:
 * the others' first load would carry it.
 */
export function submitOnEnter(event: KeyboardEvent, form: HTMLFormElement | null): void {
  if (event.key !== 'Enter' || event.isComposing || !form) return;
  event.preventDefault();
  const button = Array.from(form.elements).find(
    (element): element is HTMLButtonElement | HTMLInputElement =>
      (element instanceof HTMLButtonElement || element instanceof HTMLInputElement) &&
      element.type === 'submit',
  );
  if (button?.disabled) return;
  form.requestSubmit(button);
}
