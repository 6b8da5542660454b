import { LitElement, type PropertyDeclarations } from 'lit';
import { localeOf, onTranslationChange, type Translatable, translate } from './localization.js';

/**
 * The elements connected to the page: a change of words (a registered translation) or of a
 * `lang` attribute re-renders them. A set rather than a walk of the document, so that elements
 * inside other elements' shadow roots are reached at no cost.
 */
const connected = new Set<EgovElement>();
let following = false;

function rerenderAll(): void {
  for (const element of connected) element.requestUpdate();
}

function follow(): void {
  if (following) return;
  following = true;
  onTranslationChange(rerenderAll);
  // A language switch is one attribute on `<html>` (or any ancestor): the elements pick their
  // words when they render. Not on the server, where there is no document to watch.
  if (typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
    new MutationObserver(rerenderAll).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    });
  }
}

/**
 * The base of every egov element (like Shoelace's `ShoelaceElement`): registration with
 * {@link EgovElement.define}, events typed by the element's event map with `emit()`, the
 * element's locale and words through the localisation layer, and the `theme` attribute.
 *
 * `Events` maps each event the element fires to its `detail` type, so that `emit()` refuses a
 * wrong name or detail at compile time:
 *
 * @example
 * ```ts
 * interface PaymentEvents { 'egov-paid': { reference: string } }
 * export class EgovPayment extends EgovElement<PaymentEvents> {
 *   private done(reference: string) {
 *     this.emit('egov-paid', { reference });
 *   }
 *   override render() {
 *     return html`<button>${this.localize(paymentMessages.pay)}</button>`;
 *   }
 * }
 * EgovPayment.define('egov-payment');
 * ```
 */
// biome-ignore lint/complexity/noBannedTypes: an element without events has an empty map.
export class EgovElement<Events extends object = {}> extends LitElement {
  /**
   * Registers the class under `tag` — unless the tag is already taken (a second copy of the
   * package on the page, or a test that imports the module twice): the first definition stays,
   * as `customElements.define` would otherwise throw.
   */
  static define(tag: string, registry: CustomElementRegistry = globalThis.customElements): void {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass being defined.
    if (registry && !registry.get(tag)) registry.define(tag, this);
  }

  // Reactive properties are declared here and in the elements on the first screen without
  // decorators: tsc's decorator helper and Lit's decorator code cost every first load bytes
  // (scripts/size-split.mjs). A subclass's own `properties` add to these.
  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
  };

  /**
   * Forces the light or the dark theme on this element and those inside it; without it the
   * element follows the `color-scheme` of the page (and so `prefers-color-scheme` where the
   * page declares `color-scheme: light dark`).
   */
  declare theme?: 'light' | 'dark';

  /**
   * The locale the element speaks: its own `lang`, else the nearest ancestor's (across shadow
   * roots), matched to a registered locale; Vietnamese where none says otherwise.
   */
  get locale(): string {
    return localeOf(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    follow();
    connected.add(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }

  /** The words for `text` in the element's locale (see {@link translate}). */
  protected localize(text: Translatable): string {
    return translate(text, this.locale);
  }

  /**
   * Fires `type` with `detail`: bubbling, composed (it leaves the shadow root, as a native
   * `change` does) and cancelable. Returns false when a listener called `preventDefault()`.
   */
  protected emit<K extends keyof Events & string>(
    type: K,
    ...[detail, options]: Events[K] extends undefined
      ? [detail?: undefined, options?: EventInit]
      : [detail: Events[K], options?: EventInit]
  ): boolean {
    return this.dispatchEvent(
      new CustomEvent(type, {
        bubbles: true,
        composed: true,
        cancelable: true,
        ...options,
        detail,
      }),
    );
  }
}

/** A module fetched with `import()` once per page, on first need. See {@link lazy}. */
export interface Lazy<T> {
  /** The module once it has arrived; `undefined` before. */
  readonly value: T | undefined;
  /**
   * Fetches the module, once for every caller; after a failure (offline, a chunk gone after a
   * deployment) the next call imports again — which fetches again only where the browser does not
   * keep the failed fetch (whatwg/html#10327; Chromium 156 keeps it).
   */
  load(): Promise<T>;
}

/**
 * The one lazy-import helper: wraps `() => import('./x.js')` so that every element of the page
 * shares one fetch, a render can use the module synchronously once it is there (`value`), and
 * a failed fetch is retried on the next `load()`.
 *
 * @example
 * ```ts
 * const sanitizer = lazy(() => import('../internal/rich-text.js'));
 * // in render: sanitizer.value?.sanitizeRichText(text) ?? text, after sanitizer.load()
 * ```
 */
export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  let value: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    get value() {
      return value;
    },
    load() {
      loading ??= importer().then(
        (module) => (value = module),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
}
