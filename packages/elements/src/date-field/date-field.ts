import { html, type PropertyValues } from 'lit';
import { property, queryAll, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { localeOf, type Translatable, translate } from '../base/localization.js';
import { FormControl, type ValidityProblem } from '../internal/form-control.js';
import { submitOnEnter } from '../internal/submit-on-enter.js';
import { dateMessages } from './date-field.messages.js';
import { dateFieldStyles } from './date-field.styles.js';

/** The three parts of a date as typed. */
type Parts = readonly [day: string, month: string, year: string];

const PART_NAMES = ['day', 'month', 'year'] as const;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * @summary A date typed as day, month and year in three boxes (the GOV.UK date input), for dates a
 * person knows — a date of birth, the date on a document — which a calendar picker makes slow.
 *
 * The value is `YYYY-MM-DD` once the three parts make a real date, `''` otherwise; the parts as
 * typed are kept, so an unfinished date is reported as such rather than as missing. A date
 * written whole (`27/03/1990`, pasted or typed into the day box) is split into its parts.
 * `min` and `max` take a date or `today`; the messages are `validateFormData`'s.
 *
 * @csspart base - The `<fieldset>` around legend, hint, error and inputs.
 * @csspart label - The `<legend>`: the question.
 * @csspart hint - The hint text.
 * @csspart error - The error message.
 * @csspart input - Each of the three inputs.
 * @csspart day - The day input.
 * @csspart month - The month input.
 * @csspart year - The year input.
 *
 * @cssprop --egov-color-text - Text colour.
 * @cssprop --egov-color-hint - Hint colour.
 * @cssprop --egov-color-error - Error message and error border colour.
 * @cssprop --egov-color-border - Input border colour.
 * @cssprop --egov-color-focus - Focus outline colour.
 * @cssprop --egov-field-gap - Space below the field.
 *
 * @event input - When the person types in any part; `value` is already updated.
 * @event change - When the person commits a change to a part.
 */
export class EgovDateField extends FormControl {
  static override styles = dateFieldStyles;

  /** The earliest date allowed, `YYYY-MM-DD` or `today`. */
  @property() min?: string;

  /** The latest date allowed, `YYYY-MM-DD` or `today`. */
  @property() max?: string;

  /** `bday` for a date of birth: lets the browser fill the three parts. */
  @property() autocomplete?: string;

  @state() private parts: Parts = ['', '', ''];

  @queryAll('input') private inputs!: NodeListOf<HTMLInputElement>;

  protected get focusTarget() {
    return this.inputs?.[Math.max(this.check()?.part ?? 0, 0)];
  }

  protected override get isEmpty() {
    return this.parts.every((part) => part.trim() === '');
  }

  protected override formState() {
    return this.value || this.parts.join('/');
  }

  protected override restoreValue(state: string | File | FormData) {
    if (typeof state !== 'string') return;
    if (ISO_DATE.test(state)) this.value = state;
    else this.setParts(splitDate(state));
  }

  protected override resetValue() {
    super.resetValue();
    this.parts = partsOf(this.value);
  }

  override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    // A value set from outside (attribute, property, reset, restore) fills the boxes; one that
    // came from the boxes already matches them.
    if (changed.has('value') && this.value !== dateOf(this.parts)) this.parts = partsOf(this.value);
  }

  protected override validate(): ValidityProblem | null {
    return this.check()?.problem ?? null;
  }

  /** The problem with the date as typed, if any, and which part it is about (-1: the whole date). */
  private check(): { part: number; problem: ValidityProblem } | null {
    if (this.isEmpty) return null;
    const label = this.label;
    const bad = (part: number, message: Translatable) => ({
      part,
      problem: { flags: { badInput: true }, message },
    });
    const [day, month, year] = this.parts.map((part) => part.trim());
    const missing = [day, month, year].indexOf('');
    if (missing >= 0) return bad(missing, dateMessages.incomplete(label));
    if (!/^\d{4}$/.test(year ?? '')) return bad(2, dateMessages.yearDigits(label));
    const value = dateOf(this.parts);
    if (!value) return bad(-1, dateMessages.notReal(label));
    const min = resolveBound(this.min);
    const max = resolveBound(this.max);
    if (min && value < min) {
      return {
        part: -1,
        problem: {
          flags: { rangeUnderflow: true },
          message: dateMessages.notBefore(label, display(min)),
        },
      };
    }
    if (max && value > max) {
      return {
        part: -1,
        problem: {
          flags: { rangeOverflow: true },
          message:
            this.max === 'today'
              ? dateMessages.notAfterToday(label)
              : dateMessages.notAfter(label, display(max)),
        },
      };
    }
    return null;
  }

  private onEnter = (event: KeyboardEvent) => submitOnEnter(event, this.form);

  override render() {
    const error = this.visibleError;
    const locale = localeOf(this);
    const bday = this.autocomplete === 'bday';
    // With the error shown, mark the part it is about — or all three for the whole date.
    const problemPart = error ? (this.error ? -1 : (this.check()?.part ?? -1)) : -2;
    return html`
      <fieldset
        part="base"
        class="field ${error ? 'has-error' : ''}"
        aria-describedby=${ifDefined(this.describedBy(error))}
      >
        <legend part="label">${this.renderLabelText()}</legend>
        ${this.renderHint()} ${this.renderError(error)}
        <div class="parts">
          ${PART_NAMES.map((name, index) => {
            const invalid = problemPart === -1 || problemPart === index;
            return html`<div class="part ${name}">
              <label for=${name}>${translate(dateMessages[name], locale)}</label>
              <input
                part="input ${name}"
                id=${name}
                class="control"
                inputmode="numeric"
                autocomplete=${ifDefined(bday ? `bday-${name}` : undefined)}
                maxlength=${index === 2 ? 4 : 2}
                .value=${live(this.parts[index] ?? '')}
                ?required=${this.required}
                ?disabled=${this.isDisabled}
                ?readonly=${this.readonly}
                aria-invalid=${invalid ? 'true' : 'false'}
                @input=${(event: Event) => this.onInput(index, event)}
                @change=${this.handleUserChange}
                @keydown=${this.onEnter}
              />
            </div>`;
          })}
        </div>
      </fieldset>
    `;
  }

  private onInput(index: number, event: Event) {
    const input = event.target as HTMLInputElement;
    const whole = splitDate(input.value);
    if (whole.filter(Boolean).length > 1) {
      // A whole date typed or pasted into one box: spread it over the three.
      this.setParts(whole);
    } else {
      const parts = [...this.parts] as [string, string, string];
      parts[index] = input.value;
      this.parts = parts;
    }
    this.handleUserInput(dateOf(this.parts));
  }

  private setParts(parts: Parts) {
    this.parts = parts;
    this.value = dateOf(parts);
  }
}

/** `27/3/1990`, `27-03-1990`, `27.03.1990` or `27 3 1990` → its parts; one part otherwise. */
function splitDate(text: string): Parts {
  const [day = '', month = '', year = ''] = text.trim().split(/\s*[/.\-\s]\s*/);
  return [day, month, year];
}

/** The parts of `YYYY-MM-DD`, without leading zeros as a person would type them. */
function partsOf(value: string): Parts {
  const match = ISO_DATE.exec(value);
  if (!match) return ['', '', ''];
  return [String(Number(match[3])), String(Number(match[2])), match[1] ?? ''];
}

/** `YYYY-MM-DD` when the parts make a real date, `''` otherwise. */
function dateOf([day, month, year]: Parts): string {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim())) return '';
  if (!/^\d{4}$/.test(year.trim())) return '';
  const iso = `${year.trim()}-${month.trim().padStart(2, '0')}-${day.trim().padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : '';
}

/** `today` (in Vietnam, as validateFormData counts it) or the date itself. */
function resolveBound(bound: string | undefined): string | undefined {
  if (bound !== 'today') return bound;
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** dd/mm/yyyy, as Vietnamese forms write dates. */
function display(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}
