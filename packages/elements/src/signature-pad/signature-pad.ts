import { html, nothing, type PropertyValues } from 'lit';
import { type Lazy, lazy } from '../base/egov-element.js';
import {
  defineMessages,
  localeOf,
  type Message,
  type Translatable,
  translate,
} from '../base/localization.js';
import { FormControl, type ValidityProblem } from '../internal/form-control.js';
import { signaturePadMessages as t } from './signature-pad.messages.js';
import { signaturePadStyles } from './signature-pad.styles.js';

/** The ways to sign, all offered at once: the person picks one. */
export const SIGNATURE_MODES = ['draw', 'type', 'declaration'] as const;

/** One of {@link SIGNATURE_MODES}. */
export type SignatureMode = (typeof SIGNATURE_MODES)[number];

/**
 * One point of a drawn stroke: `x` and `y` as fractions (0–1) of the box's width and height —
 * so that the signature survives any box size — and `t`, milliseconds since the stroke began
 * (the pen's speed sets the line's width).
 */
export type SignaturePoint = readonly [x: number, y: number, t: number];

/** What the form receives, as JSON, under the control's name. */
export interface SignatureValue {
  readonly mode: SignatureMode;
  /** Typed name (`type`), or `expected-name` (`declaration`) when given. */
  readonly name?: string;
  /** The drawn signature as an SVG document, black ink, box-sized viewBox (`draw`). */
  readonly svg?: string;
  /** The drawn strokes (`draw`). */
  readonly points?: readonly (readonly SignaturePoint[])[];
  /** The text the person declared (`declaration`). */
  readonly declaration?: string;
  /** When the person signed, ISO 8601. */
  readonly signedAt: string;
}

/** Reads a signature value; `null` for empty or unreadable text. */
export function parseSignatureValue(text: string): SignatureValue | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<SignatureValue> | null;
    if (!value || !SIGNATURE_MODES.includes(value.mode as SignatureMode)) return null;
    return value as SignatureValue;
  } catch {
    return null;
  }
}

// A tap or a dash is not a signature: a drawn one needs some points and some extent.
const MIN_POINTS = 12;
const MIN_WIDTH_FRACTION = 0.12;
const MIN_HEIGHT_FRACTION = 0.25;

/** Diacritics, case and spaces set aside: "Nguyen van  A" matches "Nguyễn Văn A". */
function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLocaleLowerCase('vi')
    .replace(/\s+/g, '');
}

/**
 * What the element hands a mode panel's module of what it has loaded already — Lit's template
 * tags and the localisation layer —, so that the module imports none of it. A module that both
 * the first load and a lazy module import is split into a chunk of its own by a bundler (esbuild
 * always; Rollup keeps it in the entry's chunk but adds a facade to load that): a second file on
 * the first load, gzipped apart, about 0.5 kB more (scripts/size-split.mjs). The panel modules
 * therefore import only what is theirs: signature_pad, their words' definitions, their CSS as
 * text (button.css.ts, control.css.ts).
 */
const kit = { html, nothing, translate, defineMessages };

/** @internal What a mode panel's module is handed (see `kit`). */
export type PanelKit = typeof kit;

/**
 * Each mode's panel is fetched with `import()` when the mode is first chosen: the draw mode —
 * signature_pad, the canvas code, the box's words and styles (draw.lazy.ts) —, and the typed name
 * and the declaration together (panels.lazy.ts). The first load is the label, the hint, the
 * error, the mode choice, the value and its validity: a whole form control, reached with the
 * keyboard, before either arrives. Until then the panel's room is kept (nothing below moves);
 * `updateComplete` waits for it; a failed fetch says so, with a button to try again.
 */
const draw = lazy(() => import('./draw.lazy.js').then((module) => module.drawPanel(kit)));
const panels = lazy(() => import('./panels.lazy.js').then((module) => module.modePanels(kit)));

/** What the element reads of a mode panel: its modes' messages (it adopts its own styles). */
interface ModePanel {
  /** The message for a required signature not given, by mode, with the label. */
  readonly required: Partial<Record<SignatureMode, (label: string) => Message>>;
  /** The message for a signature the mode's check refuses, by mode, with `expected-name`. */
  readonly invalid: Partial<Record<SignatureMode, (expected: string) => Message>>;
}

/**
 * @summary A signature for a form: drawn in a box with a mouse, finger or stylus, typed as the
 * person's full name, or given as a ticked declaration — the person chooses.
 *
 * Drawing is never the only way: a keyboard or screen-reader user picks "Type your name" or
 * "Declare" from the mode choice (arrow keys), which are as valid as a drawn signature. The
 * form receives a JSON string (`SignatureValue`): `{ mode, name?, svg?, points?, declaration?,
 * signedAt }`. A drawn signature must have some ink (a dot or a dash is refused with its own
 * message); a typed name must match `expected-name`, if given, with diacritics, case and spaces
 * set aside. Strokes are kept as fractions of the box, so they survive a resize or the phone
 * turning, and are drawn at the screen's pixel density. Each stroke added, undone or cleared is
 * announced to screen readers.
 *
 * @csspart base - The wrapper around everything.
 * @csspart label - The label text.
 * @csspart hint - The hint text.
 * @csspart error - The error message.
 * @csspart modes - The choice of how to sign.
 * @csspart canvas - The box to draw in.
 * @csspart undo - The "Undo last stroke" button.
 * @csspart clear - The "Clear signature" button.
 * @csspart input - The full-name input.
 * @csspart typed - The typed name, shown as a signature.
 * @csspart declaration - The declaration checkbox and its text.
 *
 * @cssprop --egov-signature-ink - Ink colour of a drawn signature (default near-black).
 * @cssprop --egov-signature-paper - Background of the box (default white, in every colour scheme).
 * @cssprop --egov-signature-aspect-ratio - Width to height of the box (default `3 / 1`).
 * @cssprop --egov-signature-max-width - Widest the box grows (default `36rem`).
 * @cssprop --egov-signature-font - Font of the typed signature.
 * @cssprop --egov-color-accent - Chosen mode and button colour.
 * @cssprop --egov-color-border - Box and mode borders.
 * @cssprop --egov-color-error - Error message and error border colour.
 * @cssprop --egov-color-focus - Focus outline colour.
 * @cssprop --egov-color-hint - Hint colour.
 * @cssprop --egov-field-gap - Space below the field.
 *
 * @event input - When the typed name changes or the declaration is ticked (the inner field's own
 *   event); a drawn stroke fires `change` when it ends, not `input`.
 * @event change - When the person commits a change: a stroke ends, undo, clear, a name typed, a tick, another mode.
 */
export class EgovSignaturePad extends FormControl {
  static override styles = signaturePadStyles;

  // Without decorators, as in FormControl: their helper code would cost the first load.
  static override properties = {
    mode: {},
    expectedName: { attribute: 'expected-name' },
    declaration: {},
    signed: { state: true },
    announcement: { state: true },
    failed: { state: true },
  };

  /** How the person signs at first (`draw`, `type` or `declaration`); they can switch. */
  mode: SignatureMode = 'draw';

  /** The signer's full name: a typed name must match it (diacritics, case, spaces aside). */
  expectedName = '';

  /** The declaration text of the `declaration` mode; a standard vi/en text otherwise. */
  declaration = '';

  /**
   * @internal Each mode's signature, kept while the person tries another mode: the value is the
   * chosen mode's. Set by the panels through {@link sign}.
   */
  signed: Partial<Record<SignatureMode, SignatureValue>> = {};
  private announcement = '';
  /** The value last derived from `signed`, to tell it from a value set from outside. */
  private derived = '';
  /** The mode the page asked for, to return to on reset. */
  private initialMode?: SignatureMode;

  /** The box on this element, once draw.lazy.ts is there. */
  private drawing?: import('./draw.lazy.js').DrawController;
  /** Set while the chosen mode's panel loads. */
  private loading?: Promise<void>;
  /** The panel module whose fetch failed: its mode says so instead. */
  private failed?: Lazy<ModePanel>;

  protected get focusTarget(): HTMLElement | null | undefined {
    const root = this.renderRoot;
    // A box to draw in is no place for keyboard focus, nor a panel still on its way: the mode
    // choice is, where Type and Declare are one arrow key away.
    return (
      (this.mode !== 'draw' &&
        root?.querySelector<HTMLElement>(this.mode === 'type' ? '#name' : '#declare')) ||
      root?.querySelector<HTMLElement>('input[name="mode"]:checked')
    );
  }

  /** The signature as an object, or `null` when there is none. */
  get signature(): SignatureValue | null {
    return parseSignatureValue(this.value);
  }

  // The checks are here, so that the validity is right from the first render; their words come
  // with the chosen mode's panel, the control's own (form-control.messages.ts) standing in until
  // then — or when it cannot be fetched, which the panel's room says.
  protected override requiredMessage(): Translatable {
    const words = this.panel.value?.required[this.mode];
    return this.label && words ? words(this.label) : super.requiredMessage();
  }

  protected override validate(): ValidityProblem | null {
    const { expectedName, mode } = this;
    const value = this.signed[mode];
    const drawn = mode === 'draw';
    if (
      value &&
      (drawn
        ? !enoughInk(value.points ?? [])
        : mode === 'type' && expectedName && nameKey(value.name ?? '') !== nameKey(expectedName))
    ) {
      return {
        flags: drawn ? { tooShort: true } : { patternMismatch: true },
        message: this.panel.value?.invalid[mode]?.(expectedName) ?? super.requiredMessage(),
      };
    }
    return null;
  }

  protected override resetValue(): void {
    this.mode = this.initialMode ?? this.mode;
    super.resetValue();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.initialMode ??= this.mode;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A value set from outside (attribute, reset, restore, a script) rebuilds the signature.
    if (changed.has('value') && this.value !== this.derived) {
      const value = parseSignatureValue(this.value);
      this.derived = this.value;
      this.signed = value ? { [value.mode]: value } : {};
      if (value) this.mode = value.mode;
    }
    // The draw mode there (never on the server: see updated()): the box with its controller.
    if (draw.value) this.drawing ??= draw.value.control(this);
  }

  // Lit SSR calls no updated(), so nothing is fetched on a server: it renders the room kept for
  // the panel, and so does the browser's first render, which hydrates it.
  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.loadPanel();
  }

  /**
   * Resolves once the chosen mode's panel is there and rendered (or could not be fetched), so
   * that a caller (a test, a screenshot) sees the whole.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    return this.loading ? this.loading.then(() => this.getUpdateComplete()) : done;
  }

  /** The module of the chosen mode's panel. */
  private get panel(): Lazy<ModePanel> {
    return this.mode === 'draw' ? draw : panels;
  }

  /** Fetches the chosen mode's panel (once per page), unless it is there, on its way or failed. */
  private loadPanel() {
    const panel = this.panel;
    if (panel.value || this.loading || this.failed === panel) return;
    this.loading = panel.load().then(
      () => {
        this.loading = undefined;
        this.requestUpdate();
      },
      () => {
        this.loading = undefined;
        this.failed = panel;
      },
    );
  }

  /** Fetches the failed panel again, then focuses it (or the mode choice, if it fails again). */
  private retry() {
    this.failed = undefined;
    void this.updateComplete.then(() => this.focus());
  }

  /** Removes the last stroke (once the draw mode is there: see `updateComplete`). */
  undo(): void {
    this.drawing?.undo();
  }

  /** Removes every stroke (once the draw mode is there: see `updateComplete`). */
  clear(): void {
    this.drawing?.clear();
  }

  /**
   * @internal A mode's signature changed (from its panel, which dates it), or is gone: the value
   * follows when it is the chosen mode's, `words` are announced; `done` when the person committed
   * the change, which fires `change`.
   */
  sign(
    mode: SignatureMode,
    value: SignatureValue | undefined,
    done: boolean,
    words?: Translatable,
  ): void {
    this.signed = { ...this.signed, [mode]: value };
    this.follow();
    if (done) this.handleUserChange();
    if (words) this.announce(words);
  }

  /** Takes the chosen mode's signature as the value; true when that changed it. */
  private follow(): boolean {
    const value = this.signed[this.mode];
    const text = value ? JSON.stringify(value) : '';
    const changed = text !== this.value;
    this.derived = text;
    this.handleUserInput(text);
    return changed;
  }

  private announce(text: Translatable) {
    const words = translate(text, localeOf(this));
    // The same words twice in a row would not be read again.
    this.announcement = this.announcement === words ? `${words}\u00a0` : words;
  }

  override render() {
    const error = this.visibleError;
    const locale = localeOf(this);
    const described = this.describedBy(error);
    const panel = this.panel;
    return html`
      <div part="base" class="field ${error ? 'has-error' : ''}" role="group" aria-labelledby="label">
        <span part="label" id="label" class="label">${this.renderLabelText()}</span>
        ${this.renderHint()} ${this.renderError(error)}
        <fieldset part="modes" @click=${this.refuse} @keydown=${this.refuse} @change=${this.onModeChange}>
          <legend>${translate(t.modes, locale)}</legend>
          <div class="modes">
            ${SIGNATURE_MODES.map((mode) => {
              const drawn = this.mode === mode && mode === 'draw';
              return html`<label class="mode">
                <input
                  type="radio"
                  name="mode"
                  value=${mode}
                  .checked=${this.mode === mode}
                  ?disabled=${this.isDisabled}
                  aria-describedby=${(drawn && described) || nothing}
                  aria-invalid=${drawn && error ? 'true' : nothing}
                />
                ${translate(t[mode], locale)}
              </label>`;
            })}
          </div>
        </fieldset>
        ${this.drawing?.render(locale)}
        ${panels.value?.render(this, locale, described, error)}
        ${
          panel.value
            ? ''
            : html`<div class="panel pending ${this.mode} ${this.expectedName ? 'named' : ''}">
                ${
                  this.failed === panel
                    ? html`<div role="alert">
                        <p class="error">${translate(t.loadFailed, locale)}</p>
                        <button class="retry" type="button" @click=${this.retry}>${translate(t.retry, locale)}</button>
                      </div>`
                    : ''
                }
              </div>`
        }
        <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }

  // Native radios have no read-only state: refuse the click or arrow key that would change them.
  private refuse(event: Event) {
    if (this.readonly && (event.type === 'click' || /^Arrow/.test((event as KeyboardEvent).key))) {
      event.preventDefault();
    }
  }

  private onModeChange(event: Event) {
    this.mode = (event.target as HTMLInputElement).value as SignatureMode;
    if (this.follow()) this.handleUserChange();
    this.announce(t.modeChosen(t[this.mode]));
  }
}

function enoughInk(strokes: readonly (readonly SignaturePoint[])[]): boolean {
  let count = 0;
  let minX = 1;
  let maxX = 0;
  let minY = 1;
  let maxY = 0;
  for (const stroke of strokes) {
    for (const [x, y] of stroke) {
      count += 1;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  return (
    count >= MIN_POINTS && (maxX - minX >= MIN_WIDTH_FRACTION || maxY - minY >= MIN_HEIGHT_FRACTION)
  );
}
