import type { Procedure } from '@egov-kit/schema';
import type { LitElement } from 'lit';

/** Sets an inner input's value and fires `input`, as typing would. */
export async function typeInto(host: LitElement, selector: string, value: string): Promise<void> {
  const input = host.shadowRoot?.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await host.updateComplete;
}

/** Fires `change` on an inner input, as leaving it after typing would. */
export async function commit(host: LitElement, selector: string): Promise<void> {
  host.shadowRoot?.querySelector(selector)?.dispatchEvent(new Event('change', { bubbles: true }));
  await host.updateComplete;
}

/** The text of a part of a control's shadow root, spaces collapsed, or `null`. */
export function partText(host: Element, part: string): string | null {
  const element = host.shadowRoot?.querySelector(`[part~="${part}"]`);
  return element ? (element.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
}

/** Waits until `condition` holds, checking after each animation frame; fails after `timeout` ms. */
export async function until(condition: () => boolean, timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error('condition not met in time');
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/**
 * The 16 real procedures of `fixtures/procedures.json` (see make-procedures.mjs), fetched: the
 * test server serves JSON as a file, not as a module.
 */
export async function realProcedures(): Promise<Procedure[]> {
  const response = await fetch(new URL('./fixtures/procedures.json', import.meta.url));
  return (await response.json()) as Procedure[];
}
