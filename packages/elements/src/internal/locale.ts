import { type Locale, resolveLocale } from '@egov-kit/schema/rules';

let langObserver: MutationObserver | undefined;

/**
 * The locale an element should speak: its own `lang`, else the nearest ancestor's — crossing
 * shadow roots, so a component inside another component follows the page — else Vietnamese.
 *
 * Asked many times per control and render (a 200-field form asks thousands of times on first
 * render), so each tree is searched with the native `closest()`, then the search goes on from
 * the shadow root's host, rather than stepping through every node in script.
 */
export function localeOf(element: Element): Locale {
  if (!langObserver) followLangChanges();
  let current: Element | null = element;
  while (current) {
    // Under Lit SSR an element has `getAttribute` but no `closest` or `getRootNode`: the server
    // sees the element's own `lang` only (docs/elements/ssr.md).
    if (typeof current.closest !== 'function') {
      return resolveLocale(current.getAttribute?.('lang') ?? null);
    }
    const owner = current.closest('[lang]');
    if (owner) return resolveLocale(owner.getAttribute('lang'));
    const root = current.getRootNode();
    current = typeof ShadowRoot !== 'undefined' && root instanceof ShadowRoot ? root.host : null;
  }
  return 'vi';
}

/** The BCP 47 tag `Intl` formats a locale with: Vietnamese as in Vietnam, English as in Britain. */
export function intlLocale(locale: Locale): string {
  return locale === 'vi' ? 'vi-VN' : 'en-GB';
}

/**
 * Starts, once per page, re-rendering the egov elements when a `lang` attribute changes in the
 * document — a language switch is one attribute on `<html>`, and the elements pick their
 * language when they render. The walk runs only on a
 * change of `lang`, which is rare, and reaches elements nested in other elements' shadow roots.
 * Started by the first {@link localeOf}, so every element that speaks follows.
 */
export function followLangChanges(): void {
  if (langObserver || typeof MutationObserver === 'undefined' || typeof document === 'undefined') {
    return;
  }
  langObserver = new MutationObserver(() => rerenderEgovElements(document));
  langObserver.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
}

function rerenderEgovElements(root: Document | ShadowRoot): void {
  for (const element of root.querySelectorAll('*')) {
    if (element.localName.startsWith('egov-') && 'requestUpdate' in element) {
      (element as Element & { requestUpdate(): void }).requestUpdate();
    }
    if (element.shadowRoot) rerenderEgovElements(element.shadowRoot);
  }
}
