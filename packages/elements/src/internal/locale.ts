import { type Locale, resolveLocale } from '@egov-kit/schema';

/**
 * The locale an element should speak: its own `lang`, else the nearest ancestor's — crossing
 * shadow roots, so a component inside another component follows the page — else Vietnamese.
 */
export function localeOf(element: Element): Locale {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      return resolveLocale(node.getAttribute('lang'));
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'vi';
}
