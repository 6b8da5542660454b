import type { AdministrativeUnit } from '@egov-kit/schema';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { lazy } from '../base/egov-element.js';
import { localeOf, type Translatable, translate } from '../base/localization.js';
import { FormControl, type FormValue, type ValidityProblem } from '../internal/form-control.js';
import { choiceMessages as messages } from '../internal/form-control.messages.js';
import { submitOnEnter } from '../internal/submit-on-enter.js';
import { addressMessages } from './address-field.messages.js';
import { addressFieldStyles } from './address-field.styles.js';

/** An address on the 2025 two-level map — the schema's `Address`, with `''` for a part not given. */
export interface AddressValue {
  readonly provinceCode: string;
  readonly communeCode: string;
  readonly street: string;
}

const EMPTY: AddressValue = Object.freeze({ provinceCode: '', communeCode: '', street: '' });

/** The `value` attribute is the address as JSON: `value='{"provinceCode":"48",…}'`. */
const addressConverter = {
  fromAttribute: (value: string | null): AddressValue => parseAddress(value),
  toAttribute: (value: AddressValue): string => JSON.stringify(value),
};

// Shared by every address field of the page: the data is fetched and decoded once; after a
// failure "Try again" fetches again.
type UnitsModule = typeof import('./units.js');
const units = lazy((): Promise<UnitsModule> => import('./units.js'));
const loadUnits = () => units.load();

const collator = new Intl.Collator('vi');

/** One new unit proposed for an old code. */
interface Proposal {
  readonly provinceCode: string;
  readonly communeCode: string;
  readonly name: string;
}

/**
 * @summary An address on the 2025 two-level administrative map: province, then commune (xã,
 * phường, đặc khu), then the street line — with the units loaded only when the field is on the
 * page, and an old (pre-2025) unit code mapped to today's.
 *
 * The 34 provinces and 3,321 communes come from `@egov-kit/schema/units` through a dynamic
 * `import()`, so they are a separate chunk, fetched once for every address field of the page;
 * while it loads the field says so, and if it fails, offers to try again. The pickers are native
 * selects, which phones show in their own accessible picker.
 *
 * Give `old-code` the GSO code of a unit from before 2025-07-01 (a commune, `00007`, or a
 * province, `49`) — for example from an existing record — and the field proposes the unit(s) it
 * became, through `mapOldUnit`; a split unit offers every candidate and says to check.
 *
 * `value` is `{ provinceCode, communeCode, street }` (the schema's `Address`); the form gets it
 * as JSON under the field's name.
 *
 * @csspart base - The `<fieldset>`.
 * @csspart label - The `<legend>`: the question.
 * @csspart hint - The hint text.
 * @csspart error - The error message.
 * @csspart input - Each of the three controls.
 * @csspart province - The province `<select>`.
 * @csspart commune - The commune `<select>`.
 * @csspart street - The street `<input>`.
 * @csspart old-address - The proposal for an old unit code.
 *
 * @cssprop --egov-color-text - Text colour.
 * @cssprop --egov-color-hint - Hint and status colour.
 * @cssprop --egov-color-error - Error message and error border colour.
 * @cssprop --egov-color-border - Border colour of the controls.
 * @cssprop --egov-color-focus - Focus outline colour.
 * @cssprop --egov-color-accent - Colour of the buttons and of the old-address notice.
 * @cssprop --egov-color-notice - Background of the old-address notice.
 * @cssprop --egov-field-gap - Space below the field.
 * @cssprop --egov-field-max-width - Maximum width of the controls.
 *
 * @event input - When the person changes a part; `value` is already updated.
 * @event change - When the person commits a change to a part, or takes a proposed unit.
 */
export class EgovAddressField extends FormControl<AddressValue> {
  static override styles = addressFieldStyles;

  @property({ attribute: 'value', converter: addressConverter })
  override defaultValue!: AddressValue;

  /** A unit code from before 2025-07-01 (2 or 5 digits) to propose today's unit for. */
  @property({ attribute: 'old-code' }) oldCode = '';

  @state() private provinces: readonly AdministrativeUnit[] = [];
  @state() private communes: readonly AdministrativeUnit[] = [];
  /** The province whose communes `communes` are: `''` until they are loaded. */
  @state() private communesFor = '';
  @state() private loading: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  @state() private proposals: readonly Proposal[] | null = null;
  @state() private oldName = '';
  @state() private oldNote: Translatable | undefined;

  @query('#province') private provinceSelect?: HTMLSelectElement | null;
  @query('#commune') private communeSelect?: HTMLSelectElement | null;
  @query('#street') private streetInput?: HTMLInputElement | null;

  private units: UnitsModule | undefined;

  protected override emptyValue(): AddressValue {
    return EMPTY;
  }

  /** The first part still to fill in. */
  protected get focusTarget() {
    const { provinceCode, communeCode } = this.value;
    if (!provinceCode) return this.provinceSelect;
    return communeCode ? this.streetInput : this.communeSelect;
  }

  protected override get isEmpty() {
    const { provinceCode, communeCode, street } = this.value;
    return !provinceCode && !communeCode && !street.trim();
  }

  protected override validate(): ValidityProblem | null {
    if (this.isEmpty) return null;
    const { provinceCode, communeCode, street } = this.value;
    const commune = this.communes.find((unit) => unit.code === communeCode);
    // A commune of another province (or none) is wrong once this province's list is known.
    const unknownCommune = this.communesFor === provinceCode && !commune;
    if (!provinceCode || !communeCode || !street.trim() || unknownCommune) {
      return { flags: { badInput: true }, message: addressMessages.incomplete(this.label) };
    }
    return null;
  }

  protected override formValue(): FormValue {
    return this.isEmpty ? null : JSON.stringify(this.value);
  }

  protected override restoreValue(state: string | File | FormData) {
    if (typeof state === 'string') this.value = parseAddress(state);
  }

  override connectedCallback() {
    super.connectedCallback();
    // Fetch at once rather than on first focus: on a slow connection the list is then ready
    // by the time the person reaches the field.
    void this.load();
  }

  /** Loads the units (once per page); called again by "Try again" after a failure. */
  private async load() {
    if (this.loading === 'loading' || this.loading === 'ready') return;
    this.loading = 'loading';
    try {
      this.units = await loadUnits();
      this.provinces = [...this.units.listProvinces()].sort((a, b) =>
        collator.compare(a.name, b.name),
      );
      await this.updateCommunes();
      this.loading = 'ready';
    } catch {
      this.loading = 'failed';
    }
  }

  override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (changed.has('value') && this.loading === 'ready') {
      this.updateCommunes().catch(() => {
        this.loading = 'failed'; // "Try again" loads the province's communes again
      });
    }
    if (changed.has('oldCode')) void this.proposeFor(this.oldCode.trim());
  }

  /**
   * Fetches the chosen province's communes (one small module per province, once per page) and
   * shows them, unless another province was chosen meanwhile.
   */
  private async updateCommunes() {
    const code = this.value.provinceCode;
    if (code === this.communesFor) return;
    if (!this.units || !code) {
      this.communes = [];
      this.communesFor = '';
      return;
    }
    const list = await this.units.loadCommunes(code);
    if (code !== this.value.provinceCode) return;
    this.communes = [...list].sort((a, b) => collator.compare(a.name, b.name));
    this.communesFor = code;
  }

  private async proposeFor(code: string) {
    this.proposals = null;
    this.oldName = '';
    this.oldNote = undefined;
    if (!/^\d{2,5}$/.test(code)) return;
    try {
      const [{ mapOldUnit }] = await Promise.all([import('./old-units.js'), this.load()]);
      if (code !== this.oldCode.trim()) return; // a newer code arrived meanwhile
      const mapping = mapOldUnit(code);
      this.oldName = mapping?.old.name ?? '';
      this.oldNote = mapping?.note;
      this.proposals = (mapping?.targets ?? []).map(({ unit }) => {
        const provinceCode = unit.parentCode ?? unit.code;
        const province = this.provinces.find((candidate) => candidate.code === provinceCode);
        return {
          provinceCode,
          communeCode: unit.parentCode ? unit.code : '',
          name: unit.parentCode ? `${unit.name}, ${province?.name ?? ''}` : unit.name,
        };
      });
    } catch {
      this.loading = 'failed';
    }
  }

  private onEnter = (event: KeyboardEvent) => submitOnEnter(event, this.form);

  override render() {
    const error = this.visibleError;
    const locale = localeOf(this);
    const { provinceCode, communeCode, street } = this.value;
    // With the error shown, mark the parts still missing — or all three for a message from outside.
    const missing = (part: string) => (error ? (this.error ? true : !part.trim()) : false);
    const busy = this.loading !== 'ready';
    return html`
      <fieldset
        part="base"
        class="field ${error ? 'has-error' : ''}"
        aria-describedby=${ifDefined(this.describedBy(error))}
      >
        <legend part="label">${this.renderLabelText()}</legend>
        ${this.renderHint()} ${this.renderError(error)}
        <div part="old-address" class="old" role="status">${this.renderProposals(locale)}</div>
        <div class="parts">
          <div class="part">
            <label for="province">${translate(addressMessages.province, locale)}</label>
            <select
              part="input province"
              id="province"
              class="control"
              ?disabled=${this.isDisabled}
              aria-readonly=${ifDefined(this.readonly ? 'true' : undefined)}
              aria-busy=${busy ? 'true' : 'false'}
              aria-invalid=${missing(provinceCode) ? 'true' : 'false'}
              @input=${this.onProvince}
              @change=${this.onChange}
            >
              <option value="">${translate(messages.choose, locale)}</option>
              ${this.provinces.map(
                (unit) =>
                  html`<option value=${unit.code} ?selected=${unit.code === provinceCode}>
                    ${unit.name}
                  </option>`,
              )}
            </select>
          </div>
          <div class="part">
            <label for="commune">${translate(addressMessages.commune, locale)}</label>
            <select
              part="input commune"
              id="commune"
              class="control"
              ?disabled=${this.isDisabled || !provinceCode}
              aria-readonly=${ifDefined(this.readonly ? 'true' : undefined)}
              aria-busy=${busy || this.communesPending ? 'true' : 'false'}
              aria-invalid=${missing(communeCode) ? 'true' : 'false'}
              @input=${this.onCommune}
              @change=${this.onChange}
            >
              <option value="">
                ${provinceCode ? translate(messages.choose, locale) : translate(addressMessages.chooseProvinceFirst, locale)}
              </option>
              ${this.communes.map(
                (unit) =>
                  html`<option value=${unit.code} ?selected=${unit.code === communeCode}>
                    ${unit.name}
                  </option>`,
              )}
            </select>
          </div>
          <div class="part">
            <label for="street">${translate(addressMessages.street, locale)}</label>
            <input
              part="input street"
              id="street"
              class="control"
              autocomplete="address-line1"
              .value=${live(street)}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              aria-invalid=${missing(street) ? 'true' : 'false'}
              @input=${this.onStreet}
              @change=${this.onChange}
              @keydown=${this.onEnter}
            />
          </div>
        </div>
        ${this.renderStatus(locale)}
      </fieldset>
    `;
  }

  /** Whether the chosen province's communes are still on their way. */
  private get communesPending() {
    return (
      this.loading === 'ready' &&
      !!this.value.provinceCode &&
      this.communesFor !== this.value.provinceCode
    );
  }

  private renderStatus(locale: string) {
    // 'idle' only before the element connects — i.e. under SSR, where the units never load: the
    // server says "loading" too, so that the browser's first render matches it and hydrates.
    if (this.loading === 'idle' || this.loading === 'loading' || this.communesPending) {
      return html`<p class="status" role="status">${translate(addressMessages.loading, locale)}</p>`;
    }
    if (this.loading === 'failed') {
      return html`<p class="status" role="alert">${translate(addressMessages.loadFailed, locale)}</p>
        <button type="button" @click=${this.load}>${translate(addressMessages.retry, locale)}</button>`;
    }
    return nothing;
  }

  private renderProposals(locale: string) {
    if (this.proposals === null || this.readonly || this.isDisabled) return nothing;
    if (!this.proposals.length)
      return html`<p>${translate(addressMessages.oldUnknown(this.oldCode), locale)}</p>`;
    return html`<p>${translate(addressMessages.oldAddress(this.oldName), locale)}</p>
      ${this.oldNote ? html`<p>${translate(this.oldNote, locale)}</p>` : nothing}
      <ul>
        ${this.proposals.map(
          (proposal) =>
            html`<li>
              <button type="button" @click=${() => this.take(proposal)}>
                ${translate(addressMessages.use(proposal.name), locale)}
              </button>
            </li>`,
        )}
      </ul>`;
  }

  override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    // Options arrive after the value: select the right one once they are there.
    const { provinceCode, communeCode } = this.value;
    if (
      this.provinceSelect &&
      this.provinceSelect.value !== provinceCode &&
      this.provinces.length
    ) {
      this.provinceSelect.value = provinceCode;
    }
    if (this.communeSelect && this.communeSelect.value !== communeCode && this.communes.length) {
      this.communeSelect.value = communeCode;
    }
  }

  private take(proposal: Proposal) {
    this.handleUserInput({
      ...this.value,
      provinceCode: proposal.provinceCode,
      communeCode: proposal.communeCode,
    });
    this.proposals = null;
    this.handleUserChange();
    void this.updateComplete.then(() => this.focusTarget?.focus());
  }

  private onProvince(event: Event) {
    const select = event.target as HTMLSelectElement;
    if (this.readonly) {
      select.value = this.value.provinceCode;
      return;
    }
    // A commune belongs to one province: choosing another province empties it.
    this.handleUserInput({ ...this.value, provinceCode: select.value, communeCode: '' });
  }

  private onCommune(event: Event) {
    const select = event.target as HTMLSelectElement;
    if (this.readonly) {
      select.value = this.value.communeCode;
      return;
    }
    this.handleUserInput({ ...this.value, communeCode: select.value });
  }

  private onStreet(event: Event) {
    this.handleUserInput({ ...this.value, street: (event.target as HTMLInputElement).value });
  }

  private onChange() {
    if (!this.readonly) this.handleUserChange();
  }
}

function parseAddress(text: string | null): AddressValue {
  if (!text) return EMPTY;
  try {
    const parsed = JSON.parse(text) as Partial<Record<keyof AddressValue, unknown>>;
    const part = (value: unknown) => (typeof value === 'string' ? value : '');
    return {
      provinceCode: part(parsed.provinceCode),
      communeCode: part(parsed.communeCode),
      street: part(parsed.street),
    };
  } catch {
    return EMPTY;
  }
}
