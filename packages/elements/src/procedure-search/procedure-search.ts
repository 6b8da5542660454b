import type {
  ListProceduresQuery,
  OnlineLevel,
  Page,
  ProcedureLevel,
  ProcedureSummary,
} from '@egov-kit/schema';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { EgovElement } from '../base/egov-element.js';
import { localeOf, type Translatable, translate } from '../base/localization.js';
import {
  type ProcedureFilter,
  ProcedureIndex,
  type SearchableProcedure,
} from './procedure-index.js';
import { LEVELS, searchMessages as m, ONLINE_LEVELS } from './procedure-search.messages.js';
import { procedureSearchStyles } from './procedure-search.styles.js';

/**
 * The part of `@egov-kit/client`'s `Client` the search calls in server mode (`GET /procedures`);
 * the client itself fits, and so does a test double.
 */
export interface ProcedureSearchClient {
  readonly procedures: {
    list(
      query: ListProceduresQuery,
      options?: { readonly signal?: AbortSignal },
    ): Promise<Page<ProcedureSummary>>;
  };
}

/** The detail of `egov-procedure-select`. */
export interface ProcedureSelectDetail {
  procedure: SearchableProcedure;
}

// Decree 42/2022/NĐ-CP, Art. 11: the levels of online public service.

/** The filters' names, as the `<select>`s are named. */
type FilterName = 'level' | 'online-level' | 'field' | 'agency';

const collator = new Intl.Collator('vi');
const sorted = (values: Iterable<string>) =>
  [...new Set(values)].filter(Boolean).sort((a, b) => collator.compare(a, b));

/** The events of `egov-procedure-search`, by name: their `detail`. */
export interface ProcedureSearchEvents {
  'egov-procedure-select': ProcedureSelectDetail;
}

/**
 * @summary Search the procedure catalogue (thủ tục hành chính): a labelled search box, filters
 * for level, online level, field and agency, and the matching procedures as a list of buttons,
 * best first.
 *
 * **Client mode** — given `procedures` (a `ProcedureSummary[]` from `GET /procedures`, or full
 * `Procedure` records), the search runs in the browser: diacritics- and case-insensitive
 * ("nghia vu quan su" finds "nghĩa vụ quân sự"), word order free, one typo tolerated per word of
 * five letters or more, every word required, ranked by where the words are found — the name,
 * then the keywords, then the field, agencies, target groups and results. With no words it lists
 * every procedure the filters let through, in the given order. The field and agency filters
 * offer the fields and agencies found in `procedures` (or the `fields` and `agencies` given).
 *
 * **Server mode** — given a `client` and no `procedures`, each search is a
 * `GET /procedures?q=&level=&onlineLevel=&field=&agency=&limit=` through it, for catalogues too
 * large to load at once. Typing is debounced (`debounce` ms); a newer search cancels the one in
 * flight (its `AbortSignal`), so an old answer never replaces a newer one. "Searching…" is
 * announced; a failure says so with "Try again" (and searches again by itself when the device
 * comes back online). The server ranks the results and pages them by cursor: "Show more" fetches
 * the next page. The server has no facet counts, so the field and agency filters offer the
 * `fields` and `agencies` given (e.g. from `GET /agencies`); a filter with no options is not shown.
 *
 * The result count is announced politely ("12 thủ tục"). The arrow keys move from the search box
 * into the results and between them (Home and End to the first and last); Enter or Space picks
 * one. Results show `page-size` at a time, with a "Show more" button that moves focus to the
 * first new result. Each result carries `aria-setsize` and `aria-posinset`, so that a screen
 * reader says "3 of 6,000" even though only the first page is in the list (`-1`, unknown, in
 * server mode while more pages remain).
 *
 * With `result-href` ("/procedure.html?code={code}"), each result is a link — it opens in a new
 * tab, and a screen reader announces it as a link — and `egov-procedure-select` is cancelable:
 * a page that routes by itself calls `preventDefault()`. Without it, results are buttons.
 *
 * @event egov-procedure-select - A procedure was picked (click, Enter or Space). Detail:
 * `{ procedure }`, the object from `procedures` or from the server's page.
 *
 * @csspart base - The whole search.
 * @csspart form - The search box and the filters.
 * @csspart input - The search box.
 * @csspart filters - The filters' row.
 * @csspart count - The result count (a polite live region).
 * @csspart list - The results' `<ul>`.
 * @csspart result - Each result's link (with `result-href`) or button.
 * @csspart empty - The message when nothing is found.
 * @csspart more - The "Show more" button.
 * @csspart error - The message when a server search failed.
 * @csspart retry - Its "Try again" button.
 *
 * @cssprop --egov-color-text - Text colour.
 * @cssprop --egov-color-border - Borders of the box, the filters and the results.
 * @cssprop --egov-color-accent - The procedures' names and the "Show more" button.
 * @cssprop --egov-color-error - Accent of the error box.
 * @cssprop --egov-color-focus - Focus outline.
 */
export class EgovProcedureSearch extends EgovElement<ProcedureSearchEvents> {
  static override styles = procedureSearchStyles;

  /** The procedures to search in the browser: `ProcedureSummary` or `Procedure` records. */
  @property({ attribute: false }) procedures: readonly SearchableProcedure[] = [];

  /**
   * Searches on the server instead, when no `procedures` are given: `createClient()` of
   * `@egov-kit/client`, or anything with `procedures.list(query, { signal })`.
   */
  @property({ attribute: false }) client: ProcedureSearchClient | null = null;

  /** The words searched for; follows the search box. */
  @property() query = '';

  /** Only procedures carried out at this level (`ministry`, `province`, `commune`); empty for all. */
  @property() level: ProcedureLevel | '' = '';

  /** Only procedures at this online level (`full`, `partial`, `none`); empty for all. */
  @property({ attribute: 'online-level' }) onlineLevel: OnlineLevel | '' = '';

  /** Only procedures of this field (lĩnh vực), exactly as published; empty for all. */
  @property() field = '';

  /** Only procedures involving this agency (part of its name); empty for all. */
  @property() agency = '';

  /** The field filter's options; by default the fields of `procedures` (none in server mode). */
  @property({ attribute: false }) fields: readonly string[] | null = null;

  /** The agency filter's options; by default the agencies of `procedures` (none in server mode). */
  @property({ attribute: false }) agencies: readonly string[] | null = null;

  /** How many results to show at first and at each "Show more" (in server mode, 1–100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /**
   * Where a result leads, `{code}` standing for its code: results become links. A `javascript:`,
   * `data:` or `vbscript:` address is refused (results stay buttons).
   */
  @property({ attribute: 'result-href' }) resultHref = '';

  /** Server mode: how long typing must pause before a search is sent, in ms. */
  @property({ type: Number }) debounce = 250;

  /** The search box's label; a default in the page's language when empty. */
  @property() label = '';

  @state() private shown = 0;
  @state() private searching = false;
  @state() private failure: 'failed' | 'offline' | null = null;

  #index = new ProcedureIndex([]);
  #results: SearchableProcedure[] = [];
  #nextCursor: string | null = null;
  #failedCursor: string | undefined;
  #abort: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #derived: { fields: string[]; agencies: string[] } | undefined;

  /** The procedures matching the query and filters, best first (in server mode, the pages fetched). */
  get results(): readonly SearchableProcedure[] {
    return this.#results;
  }

  /** Whether searches go to the server: a `client` and no `procedures`. */
  get serverMode(): boolean {
    return !!this.client && !this.procedures.length;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    clearTimeout(this.#timer);
    this.#abort?.abort();
  }

  #onOnline = () => {
    if (this.failure && this.serverMode) void this.#fetch(this.#failedCursor);
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('procedures')) {
      this.#index = new ProcedureIndex(this.procedures);
      this.#derived = undefined;
    }
    const filters =
      changed.has('level') ||
      changed.has('onlineLevel') ||
      changed.has('field') ||
      changed.has('agency');
    if (this.serverMode) {
      if (
        changed.has('client') ||
        changed.has('procedures') ||
        changed.has('pageSize') ||
        filters
      ) {
        this.#schedule(0);
      } else if (changed.has('query')) this.#schedule(this.debounce);
      return;
    }
    if (changed.has('procedures') || changed.has('query') || filters) {
      this.#abort?.abort();
      clearTimeout(this.#timer);
      this.searching = false;
      this.failure = null;
      this.#nextCursor = null;
      const filter: ProcedureFilter = {
        level: this.level,
        onlineLevel: this.onlineLevel,
        field: this.field,
        agency: this.agency,
      };
      this.#results = this.#index.search(this.query, filter);
      this.shown = this.pageSize;
    }
  }

  #schedule(delay: number) {
    clearTimeout(this.#timer);
    // Cancel the search in flight at once: its answer is for words no longer in the box.
    this.#abort?.abort();
    this.searching = true;
    if (delay <= 0) void this.#fetch();
    else this.#timer = setTimeout(() => void this.#fetch(), delay);
  }

  async #fetch(cursor?: string): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.searching = true;
    this.failure = null;
    const words = this.query.trim();
    const query: ListProceduresQuery = {
      limit: Math.min(Math.max(Math.trunc(this.pageSize) || 20, 1), 100),
      ...(words ? { q: words } : {}),
      ...(this.level ? { level: this.level } : {}),
      ...(this.onlineLevel ? { onlineLevel: this.onlineLevel } : {}),
      ...(this.field ? { field: this.field } : {}),
      ...(this.agency ? { agency: this.agency } : {}),
      ...(cursor ? { cursor } : {}),
    };
    try {
      const page = await client.procedures.list(query, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.#results = cursor ? [...this.#results, ...page.items] : page.items;
      this.#nextCursor = page.nextCursor;
      this.shown = this.#results.length;
      this.searching = false;
    } catch {
      if (abort.signal.aborted) return;
      this.searching = false;
      this.#failedCursor = cursor;
      this.failure = typeof navigator !== 'undefined' && !navigator.onLine ? 'offline' : 'failed';
    }
  }

  /** The filter options: given, or (client mode) found in `procedures`. */
  #options(): { fields: readonly string[]; agencies: readonly string[] } {
    if (!this.#derived) {
      const server = this.serverMode;
      this.#derived = {
        fields: server ? [] : sorted(this.procedures.map((p) => p.field)),
        agencies: server
          ? []
          : sorted(
              this.procedures.flatMap((p) => [
                ...(p.agencies?.implementing ?? []),
                ...(p.agencies?.competent ?? []),
              ]),
            ),
      };
    }
    return {
      fields: this.fields ?? this.#derived.fields,
      agencies: this.agencies ?? this.#derived.agencies,
    };
  }

  #onInput(event: Event) {
    this.query = (event.target as HTMLInputElement).value;
  }

  #onFilter(event: Event) {
    const select = event.target as HTMLSelectElement;
    const name = select.name as FilterName;
    if (name === 'level') this.level = select.value as ProcedureLevel | '';
    else if (name === 'online-level') this.onlineLevel = select.value as OnlineLevel | '';
    else if (name === 'field') this.field = select.value;
    else this.agency = select.value;
  }

  #buttons(): HTMLElement[] {
    return [...(this.renderRoot.querySelectorAll<HTMLElement>('[part="result"]') ?? [])];
  }

  /** The address of a result, or undefined when results are buttons. */
  #hrefOf(code: string): string | undefined {
    if (!this.resultHref) return undefined;
    const url = this.resultHref.replaceAll('{code}', encodeURIComponent(code));
    return /^\s*(?:javascript|data|vbscript):/i.test(url) ? undefined : url;
  }

  #onInputKey(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown') return;
    const first = this.#buttons()[0];
    if (first) {
      event.preventDefault();
      first.focus();
    }
  }

  #onListKey(event: KeyboardEvent) {
    const buttons = this.#buttons();
    const at = buttons.indexOf(event.target as HTMLElement);
    if (at < 0) return;
    const next =
      event.key === 'ArrowDown'
        ? buttons[Math.min(at + 1, buttons.length - 1)]
        : event.key === 'ArrowUp'
          ? (buttons[at - 1] ?? this.renderRoot.querySelector<HTMLInputElement>('input'))
          : event.key === 'Home'
            ? buttons[0]
            : event.key === 'End'
              ? buttons.at(-1)
              : undefined;
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  #select(procedure: SearchableProcedure, event?: Event) {
    const go = this.emit('egov-procedure-select', { procedure });
    if (!go) event?.preventDefault();
  }

  async #more() {
    const first = Math.min(this.#results.length, this.shown);
    if (this.serverMode) {
      if (!this.#nextCursor) return;
      await this.#fetch(this.#nextCursor);
    } else {
      this.shown += this.pageSize;
    }
    await this.updateComplete;
    this.#buttons()[first]?.focus();
  }

  #retry() {
    void this.#fetch(this.#failedCursor);
  }

  #filter(
    name: FilterName,
    label: Translatable,
    value: string,
    options: readonly (readonly [string, string])[],
    locale: string,
  ) {
    if (!options.length) return nothing;
    return html`<div class="filter">
      <label for=${name}>${translate(label, locale)}</label>
      <select id=${name} name=${name} @change=${this.#onFilter}>
        <option value="" ?selected=${!value}>${translate(m.any, locale)}</option>
        ${options.map(
          ([key, text]) => html`<option value=${key} ?selected=${value === key}>${text}</option>`,
        )}
      </select>
    </div>`;
  }

  #status(locale: string): string {
    if (this.searching) return translate(m.searching, locale);
    if (this.failure) return '';
    const count = this.#results.length;
    return translate(
      this.serverMode && this.#nextCursor ? m.countMore(count) : m.count(count),
      locale,
    );
  }

  override render() {
    const locale = localeOf(this);
    const results = this.#results;
    const page = results.slice(0, this.shown);
    const server = this.serverMode;
    const left = server ? (this.#nextCursor ? 1 : 0) : results.length - page.length;
    const setSize = server && this.#nextCursor ? -1 : results.length;
    const { fields, agencies } = this.#options();
    const pairs = <T extends string>(table: Record<T, Translatable>) =>
      (Object.keys(table) as T[]).map((key) => [key, translate(table[key], locale)] as const);
    return html`<section
      part="base"
      aria-label=${translate(m.results, locale)}
      aria-busy=${this.searching ? 'true' : 'false'}
    >
      <div part="form" class="form" role="search">
        <label for="query" class="label">${this.label || translate(m.search, locale)}</label>
        <p id="hint" class="hint">${translate(m.hint, locale)}</p>
        <input
          id="query"
          part="input"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="hint"
          .value=${this.query}
          @input=${this.#onInput}
          @keydown=${this.#onInputKey}
        />
        <div part="filters" class="filters">
          ${this.#filter('level', m.level, this.level, pairs(LEVELS), locale)}
          ${this.#filter('online-level', m.online, this.onlineLevel, pairs(ONLINE_LEVELS), locale)}
          ${this.#filter(
            'field',
            m.field,
            this.field,
            fields.map((f) => [f, f] as const),
            locale,
          )}
          ${this.#filter(
            'agency',
            m.agency,
            this.agency,
            agencies.map((a) => [a, a] as const),
            locale,
          )}
        </div>
      </div>
      <p part="count" class="count" role="status">${this.#status(locale)}</p>
      ${
        this.failure
          ? html`<div part="error" class="error" role="alert">
            <p>${translate(m[this.failure], locale)}</p>
            <button part="retry" type="button" @click=${this.#retry}>${translate(m.retry, locale)}</button>
          </div>`
          : nothing
      }
      ${
        results.length
          ? html`<ul part="list" class="list" @keydown=${this.#onListKey}>
            ${page.map((procedure, index) => {
              const inside = html`<span class="name" lang="vi">${procedure.name}</span>
                  <span class="meta">
                    ${translate(m.code, locale)} ${procedure.code} · <span lang="vi">${procedure.field}</span> ·
                    ${procedure.levels.map((level) => translate(LEVELS[level], locale)).join(', ')} ·
                    ${translate(ONLINE_LEVELS[procedure.onlineLevel], locale)}
                  </span>`;
              const href = this.#hrefOf(procedure.code);
              // A plain click only: a new tab or window (Ctrl, Cmd, Shift, middle) is the browser's.
              const onClick = (event: MouseEvent) => {
                if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
                this.#select(procedure, event);
              };
              return html`<li aria-setsize=${setSize} aria-posinset=${index + 1}>
                ${
                  href
                    ? html`<a part="result" href=${href} @click=${onClick}>${inside}</a>`
                    : html`<button part="result" type="button" @click=${() => this.#select(procedure)}>${inside}</button>`
                }
              </li>`;
            })}
          </ul>`
          : this.searching || this.failure
            ? nothing
            : html`<p part="empty" class="empty">${translate(m.none, locale)}</p>`
      }
      ${
        left > 0 && !this.failure
          ? html`<button
            part="more"
            class="more secondary"
            type="button"
            ?disabled=${this.searching}
            @click=${this.#more}
          >
            ${server ? translate(m.moreServer, locale) : translate(m.more(left), locale)}
          </button>`
          : nothing
      }
    </section>`;
  }
}
