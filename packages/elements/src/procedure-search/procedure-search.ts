import type { Locale, LocalizedText, OnlineLevel, ProcedureLevel } from '@egov-kit/schema';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localeOf } from '../internal/locale.js';
import {
  type ProcedureFilter,
  ProcedureIndex,
  type SearchableProcedure,
} from './procedure-index.js';
import { procedureSearchStyles } from './procedure-search.styles.js';

/** The detail of `egov-procedure-select`. */
export interface ProcedureSelectDetail {
  procedure: SearchableProcedure;
}

const m = {
  search: { vi: 'Tìm thủ tục hành chính', en: 'Search for a procedure' },
  hint: {
    vi: 'Gõ có dấu hoặc không dấu, ví dụ: đăng ký nghĩa vụ quân sự',
    en: 'With or without Vietnamese accents, for example: dang ky nghia vu quan su',
  },
  level: { vi: 'Cấp thực hiện', en: 'Level' },
  online: { vi: 'Mức độ trực tuyến', en: 'Online service' },
  any: { vi: 'Tất cả', en: 'All' },
  results: { vi: 'Kết quả tìm kiếm', en: 'Search results' },
  count: (n: number): LocalizedText => ({
    vi: `${n} thủ tục`,
    en: `${n} procedure${n === 1 ? '' : 's'}`,
  }),
  none: {
    vi: 'Không tìm thấy thủ tục nào. Hãy thử từ khác, ít từ hơn hoặc bỏ bớt bộ lọc.',
    en: 'No procedure found. Try other words, fewer words or fewer filters.',
  },
  more: (n: number): LocalizedText => ({
    vi: `Xem thêm (còn ${n} thủ tục)`,
    en: `Show more (${n} more)`,
  }),
  code: { vi: 'Mã', en: 'Code' },
} as const;

const LEVELS: Record<ProcedureLevel, LocalizedText> = {
  ministry: { vi: 'Cấp Bộ', en: 'Ministry' },
  province: { vi: 'Cấp Tỉnh', en: 'Province' },
  commune: { vi: 'Cấp Xã', en: 'Commune' },
};

// Decree 42/2022/NĐ-CP, Art. 11: the levels of online public service.
const ONLINE_LEVELS: Record<OnlineLevel, LocalizedText> = {
  full: { vi: 'Trực tuyến toàn trình', en: 'Fully online' },
  partial: { vi: 'Trực tuyến một phần', en: 'Partly online' },
  none: { vi: 'Không trực tuyến', en: 'Not online' },
};

/**
 * @summary Search the procedure catalogue (thủ tục hành chính): a labelled search box, filters
 * for level and online level, and the matching procedures as a list of buttons, best first.
 *
 * The search runs in the browser over `procedures` (a `ProcedureSummary[]` from
 * `GET /procedures`, or full `Procedure` records): diacritics- and case-insensitive
 * ("nghia vu quan su" finds "nghĩa vụ quân sự"), word order free, one typo tolerated per word
 * of five letters or more, every word required, ranked by where the words are found — the name,
 * then the keywords, then the field, agencies, target groups and results. With no words it lists
 * every procedure the filters let through, in the given order.
 *
 * The result count is announced politely ("12 thủ tục"). The arrow keys move from the search box
 * into the results and between them (Home and End to the first and last); Enter or Space picks
 * one. Results show `page-size` at a time, with a "Show more" button that moves focus to the
 * first new result.
 *
 * Future work: a server mode searching through `@egov-kit/client` with the same UI, for
 * catalogues too large to load at once; field and agency filters.
 *
 * @event egov-procedure-select - A procedure was picked (click, Enter or Space). Detail:
 * `{ procedure }`, the object from `procedures`.
 *
 * @csspart base - The whole search.
 * @csspart form - The search box and the filters.
 * @csspart input - The search box.
 * @csspart filters - The filters' row.
 * @csspart count - The result count (a polite live region).
 * @csspart list - The results' `<ul>`.
 * @csspart result - Each result's button.
 * @csspart empty - The message when nothing is found.
 * @csspart more - The "Show more" button.
 *
 * @cssprop --egov-color-text - Text colour.
 * @cssprop --egov-color-border - Borders of the box, the filters and the results.
 * @cssprop --egov-color-primary - The procedures' names and the "Show more" button.
 * @cssprop --egov-color-focus - Focus outline.
 */
export class EgovProcedureSearch extends LitElement {
  static override styles = procedureSearchStyles;

  /** The procedures to search: `ProcedureSummary` or `Procedure` records. */
  @property({ attribute: false }) procedures: readonly SearchableProcedure[] = [];

  /** The words searched for; follows the search box. */
  @property() query = '';

  /** Only procedures carried out at this level (`ministry`, `province`, `commune`); empty for all. */
  @property() level: ProcedureLevel | '' = '';

  /** Only procedures at this online level (`full`, `partial`, `none`); empty for all. */
  @property({ attribute: 'online-level' }) onlineLevel: OnlineLevel | '' = '';

  /** How many results to show at first and at each "Show more". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** The search box's label; a default in the page's language when empty. */
  @property() label = '';

  @state() private shown = 0;

  #index = new ProcedureIndex([]);
  #results: SearchableProcedure[] = [];

  /** The procedures matching the query and filters, best first (all of them, not one page). */
  get results(): readonly SearchableProcedure[] {
    return this.#results;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('procedures')) this.#index = new ProcedureIndex(this.procedures);
    if (
      changed.has('procedures') ||
      changed.has('query') ||
      changed.has('level') ||
      changed.has('onlineLevel')
    ) {
      const filter: ProcedureFilter = { level: this.level, onlineLevel: this.onlineLevel };
      this.#results = this.#index.search(this.query, filter);
      this.shown = this.pageSize;
    }
  }

  #onInput(event: Event) {
    this.query = (event.target as HTMLInputElement).value;
  }

  #onFilter(event: Event) {
    const select = event.target as HTMLSelectElement;
    if (select.name === 'level') this.level = select.value as ProcedureLevel | '';
    else this.onlineLevel = select.value as OnlineLevel | '';
  }

  #buttons(): HTMLButtonElement[] {
    return [...(this.renderRoot.querySelectorAll<HTMLButtonElement>('[part="result"]') ?? [])];
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
    const at = buttons.indexOf(event.target as HTMLButtonElement);
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

  #select(procedure: SearchableProcedure) {
    this.dispatchEvent(
      new CustomEvent<ProcedureSelectDetail>('egov-procedure-select', {
        detail: { procedure },
        bubbles: true,
        composed: true,
      }),
    );
  }

  async #more() {
    const first = this.shown;
    this.shown += this.pageSize;
    await this.updateComplete;
    this.#buttons()[first]?.focus();
  }

  #filter<T extends string>(
    name: string,
    label: LocalizedText,
    value: string,
    options: Record<T, LocalizedText>,
    locale: Locale,
  ) {
    return html`<div class="filter">
      <label for=${name}>${label[locale]}</label>
      <select id=${name} name=${name} @change=${this.#onFilter}>
        <option value="" ?selected=${!value}>${m.any[locale]}</option>
        ${(Object.keys(options) as T[]).map(
          (key) =>
            html`<option value=${key} ?selected=${value === key}>${options[key][locale]}</option>`,
        )}
      </select>
    </div>`;
  }

  override render() {
    const locale = localeOf(this);
    const results = this.#results;
    const page = results.slice(0, this.shown);
    const left = results.length - page.length;
    return html`<section part="base" aria-label=${m.results[locale]}>
      <div part="form" class="form" role="search">
        <label for="query" class="label">${this.label || m.search[locale]}</label>
        <p id="hint" class="hint">${m.hint[locale]}</p>
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
          ${this.#filter('level', m.level, this.level, LEVELS, locale)}
          ${this.#filter('online-level', m.online, this.onlineLevel, ONLINE_LEVELS, locale)}
        </div>
      </div>
      <p part="count" class="count" role="status">${m.count(results.length)[locale]}</p>
      ${
        results.length
          ? html`<ul part="list" class="list" @keydown=${this.#onListKey}>
            ${page.map(
              (procedure) => html`<li>
                <button part="result" type="button" @click=${() => this.#select(procedure)}>
                  <span class="name">${procedure.name}</span>
                  <span class="meta">
                    ${m.code[locale]} ${procedure.code} · ${procedure.field} ·
                    ${procedure.levels.map((level) => LEVELS[level][locale]).join(', ')} ·
                    ${ONLINE_LEVELS[procedure.onlineLevel][locale]}
                  </span>
                </button>
              </li>`,
            )}
          </ul>`
          : html`<p part="empty" class="empty">${m.none[locale]}</p>`
      }
      ${
        left > 0
          ? html`<button part="more" class="more secondary" type="button" @click=${this.#more}>
            ${m.more(left)[locale]}
          </button>`
          : nothing
      }
    </section>`;
  }
}
