import { type Locale, resolveLocale } from '@egov-kit/schema';

/**
 * The locale an element should speak: its own `lang`, else the nearest ancestor's — crossing
 * shadow roots, so a component inside another component follows the page — else Vietnamese.
 *
 * Asked many times per control and render (a 200-field form asks thousands of times on first
 * render), so each tree is searched with the native `closest()`, then the search goes on from
 * the shadow root's host, rather than stepping through every node in script.
 */
export function localeOf(element: Element): Locale {
  let current: Element | null = element;
  while (current) {
    const owner = current.closest('[lang]');
    if (owner) return resolveLocale(owner.getAttribute('lang'));
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return 'vi';
}
