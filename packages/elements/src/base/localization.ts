import type { LocalizedText } from '@egov-kit/schema';

/**
 * The one localisation layer of the elements: every word an element shows is a message with an
 * id (`dossier-tracker.title`), defined beside its component in Vietnamese and English with
 * {@link defineMessages}, and looked up here in the locale of the nearest `lang`.
 *
 * A site changes the words with {@link registerTranslation}: the same call overrides one string
 * of a shipped locale and adds a locale of its own. Elements on the page re-render at once.
 *
 * @example
 * ```ts
 * import { registerTranslation } from '@egov-kit/elements';
 *
 * // One string, in the agency's own words:
 * registerTranslation('vi', { 'dossier-form.submit': 'Gửi hồ sơ trực tuyến' });
 * // A new locale; a string it lacks falls back to English, then Vietnamese.
 * registerTranslation('fr', {
 *   'dossier-form.submit': 'Envoyer',
 *   'textarea.charactersLeft': (count: number) =>
 *     plural('fr', count, { one: `Il reste ${count} caractère`, other: `Il reste ${count} caractères` }),
 * });
 * ```
 *
 * @packageDocumentation
 */

/**
 * A locale's word for a message: a string, or — for a message with parameters — a function of
 * them that returns one (use {@link plural} inside it for counts).
 */
// biome-ignore lint/suspicious/noExplicitAny: a table holds messages of every parameter list.
export type Translation = string | ((...args: any[]) => string);

/** One locale's words, keyed by message id (`<component>.<key>`). */
export type TranslationTable = Readonly<Record<string, Translation>>;

/**
 * A message to show: its id and the parameters it is given. Made by the accessors that
 * {@link defineMessages} returns; turned into words by {@link translate}.
 */
export interface Message {
  readonly id: string;
  readonly args: readonly unknown[];
}

/**
 * What an element may show as text: a message of the registry, or a text given to it already
 * in both languages (a server's field error, an author's `pattern-message`).
 */
export type Translatable = Message | LocalizedText | string;

/**
 * One message's definition: fixed words, a function of parameters returning words, or a group
 * of definitions (its ids are `<namespace>.<group>.<key>`).
 */
export type MessageDefinition =
  | LocalizedText
  // biome-ignore lint/suspicious/noExplicitAny: definitions of every parameter list.
  | ((...args: any[]) => LocalizedText)
  | MessageDefinitions;

/** A component's message definitions, keyed by name. */
export interface MessageDefinitions {
  readonly [key: string]: MessageDefinition;
}

/**
 * A message's parameters as its accessor takes them: where the definition takes a string, a
 * {@link Message} (or a text in both languages) may stand in, translated in the same locale first (`changeAllowed(kinds.form)`).
 */
export type MessageArgs<A extends readonly unknown[]> = {
  [I in keyof A]: A[I] extends string ? A[I] | Message | LocalizedText : A[I];
};

/** What {@link defineMessages} returns: each fixed message a {@link Message}, each function one. */
export type Messages<T extends MessageDefinitions> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => LocalizedText
    ? (...args: MessageArgs<A>) => Message
    : T[K] extends LocalizedText
      ? Message
      : T[K] extends MessageDefinitions
        ? Messages<T[K]>
        : never;
};

/** The locale spoken where no `lang` says otherwise (DESIGN.md: Vietnamese first). */
export const DEFAULT_LOCALE = 'vi';

// The shipped locales exist before any component registers its words: a `lang="en"` page is
// English even for an element whose messages have not loaded yet.
const tables = new Map<string, Map<string, Translation>>([
  ['vi', new Map()],
  ['en', new Map()],
]);
const listeners = new Set<() => void>();
let version = 0;

/**
 * Counts the registrations: an element that keeps words it computed (a form's shown errors)
 * compares it to know they may be stale.
 */
export function translationVersion(): number {
  return version;
}

function table(locale: string): Map<string, Translation> {
  const found = tables.get(locale);
  if (found) return found;
  const created = new Map<string, Translation>();
  tables.set(locale, created);
  return created;
}

/**
 * Adds words for `locale` (a BCP 47 tag such as `fr` or `en-AU`, matched case-insensitively):
 * a string for an id already registered replaces it — an agency's own wording —, a new locale
 * becomes one a `lang` attribute can select. Every connected element re-renders. A function
 * takes the message's parameters in the order of the Vietnamese and English definitions (see
 * each component's `*.messages.ts`).
 */
export function registerTranslation(locale: string, translations: TranslationTable): void {
  const target = table(normalize(locale));
  for (const [id, translation] of Object.entries(translations)) target.set(id, translation);
  version += 1;
  for (const listener of listeners) listener();
}

/**
 * Declares a component's messages under `namespace` and registers their Vietnamese and
 * English words. Each definition is `{ vi, en }`, a function of parameters that returns one,
 * or a group of definitions; the result has the same keys, each giving a {@link Message} to pass to
 * {@link translate} (or an element's `localize()`).
 */
export function defineMessages<const T extends MessageDefinitions>(
  namespace: string,
  definitions: T,
): Messages<T> {
  const vi = table('vi');
  const en = table('en');
  const result: Record<string, unknown> = {};
  for (const [key, definition] of Object.entries(definitions)) {
    const id = `${namespace}.${key}`;
    // An agency's override registered before this module loaded wins.
    if (typeof definition === 'function') {
      if (!vi.has(id)) vi.set(id, (...args: unknown[]) => definition(...args).vi);
      if (!en.has(id)) en.set(id, (...args: unknown[]) => definition(...args).en);
      result[key] = (...args: unknown[]): Message => ({ id, args });
    } else if (isLocalizedText(definition)) {
      if (!vi.has(id)) vi.set(id, definition.vi);
      if (!en.has(id)) en.set(id, definition.en);
      result[key] = { id, args: [] } satisfies Message;
    } else {
      result[key] = defineMessages(id, definition);
    }
  }
  return result as Messages<T>;
}

function isLocalizedText(value: object): value is LocalizedText {
  return (
    typeof (value as LocalizedText).vi === 'string' &&
    typeof (value as LocalizedText).en === 'string'
  );
}

/**
 * A message whose words come with a domain rule's result (a validator of `@egov-kit/schema`
 * returns them in Vietnamese and English): shown through the registry under `id`
 * (`citizen-id-field.format`), so that a site can override or translate it like any other.
 */
export function domainMessage(id: string, text: LocalizedText): Message {
  // The words travel as the parameter, put in the reader's language before the lookup.
  if (!table('vi').has(id)) table('vi').set(id, passThrough);
  if (!table('en').has(id)) table('en').set(id, passThrough);
  return { id, args: [text] };
}

const passThrough = (text: string) => text;

/**
 * `text` in Vietnamese and English, as an event's `detail` carries a message (a listener that
 * wants the page's locale, or a locale a site added, calls {@link translate} on the element's
 * words instead).
 */
export function bothLanguages(text: Translatable): LocalizedText {
  return { vi: translate(text, 'vi'), en: translate(text, 'en') };
}

/**
 * The words for `text` in `locale`. A message is looked up in the locale, then its language
 * without the region (`en-AU` → `en`), then English, then Vietnamese; a text given in both
 * languages picks its language the same way; a plain string is shown as it is.
 */
export function translate(text: Translatable, locale: string): string {
  if (typeof text === 'string') return text;
  const chain = fallbacks(normalize(locale));
  if (!('id' in text)) {
    for (const tag of chain) if (tag === 'vi' || tag === 'en') return text[tag];
    return text.vi;
  }
  for (const tag of chain) {
    const translation = tables.get(tag)?.get(text.id);
    if (translation === undefined) continue;
    if (typeof translation === 'string') return translation;
    // A parameter that is itself a message is put in the same language first.
    return translation(...text.args.map((arg) => (isText(arg) ? translate(arg, locale) : arg)));
  }
  return text.id;
}

function isText(value: unknown): value is Message | LocalizedText {
  return (
    typeof value === 'object' &&
    value !== null &&
    ((typeof (value as Message).id === 'string' && Array.isArray((value as Message).args)) ||
      isLocalizedText(value))
  );
}

/**
 * The registered locale that best serves a `lang` value: the tag itself, else its language
 * (`vi-VN` → `vi`), else Vietnamese.
 */
export function matchLocale(tag: string | null | undefined): string {
  if (!tag) return DEFAULT_LOCALE;
  const normalized = normalize(tag);
  if (tables.has(normalized)) return normalized;
  const language = normalized.split('-')[0] ?? '';
  return tables.has(language) ? language : DEFAULT_LOCALE;
}

/** The locales that have words registered (the shipped `vi` and `en`, and any a site added). */
export function registeredLocales(): string[] {
  return [...tables.keys()];
}

/** Every message id registered so far, in any locale. For tools and tests (pseudo-locales). */
export function messageIds(): string[] {
  const ids = new Set<string>();
  for (const entries of tables.values()) for (const id of entries.keys()) ids.add(id);
  return [...ids];
}

/**
 * The BCP 47 tag `Intl` formats a locale with: Vietnamese as in Vietnam, English as in
 * Britain, any other as registered.
 */
export function intlLocale(locale: string): string {
  if (locale === 'vi') return 'vi-VN';
  if (locale === 'en') return 'en-GB';
  return locale;
}

/**
 * The locale an element should speak: its own `lang`, else the nearest ancestor's — crossing
 * shadow roots, so a component inside another component follows the page — matched to a
 * registered locale by {@link matchLocale}.
 *
 * Safe where there is no DOM: under Lit SSR an element has `getAttribute` but no `closest`,
 * `getRootNode` or parent, so the search steps up by `parentNode` and a shadow root's `host`
 * only where those exist. In a browser each tree is searched with the native `closest()` (a
 * 200-field form asks thousands of times on its first render).
 */
export function localeOf(element: Element): string {
  let current: Node | null | undefined = element;
  while (current) {
    if (typeof (current as Element).closest === 'function') {
      const owner = (current as Element).closest('[lang]');
      if (owner) return matchLocale(owner.getAttribute('lang'));
      const root: Node | undefined = current.getRootNode?.();
      current = root && 'host' in root ? (root as ShadowRoot).host : null;
    } else {
      const lang = (current as Partial<Element>).getAttribute?.('lang');
      if (lang) return matchLocale(lang);
      current = current.parentNode ?? (current as Partial<ShadowRoot>).host ?? null;
    }
  }
  return DEFAULT_LOCALE;
}

/**
 * Calls `listener` after every {@link registerTranslation}; returns the unsubscribe. Elements
 * use it to re-render with the new words.
 */
export function onTranslationChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function normalize(tag: string): string {
  return tag.trim().toLowerCase().replaceAll('_', '-');
}

function fallbacks(locale: string): string[] {
  const chain = [locale];
  const language = locale.split('-')[0] ?? locale;
  if (language !== locale) chain.push(language);
  if (!chain.includes('en') && language !== 'vi') chain.push('en');
  if (!chain.includes('vi')) chain.push('vi');
  return chain;
}
