import { adoptStyles, html, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { lazy } from '../base/egov-element.js';
import { localeOf, type Translatable, translate } from '../base/localization.js';
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
 * The draw mode — signature_pad, the canvas code, the box's words and styles (draw.lazy.ts) — is
 * fetched with `import()` when a box to draw in is first shown: the label, the modes, typing and
 * declaring work before it arrives, and a page whose signer types or declares never loads it.
 * The box stays hidden until then (there is nothing to draw with); `updateComplete` waits.
 */
const draw = lazy(() => import('./draw.lazy.js'));

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
 * @event input - When the signature changes (a stroke, a letter, a tick).
 * @event change - When the person commits a change: a stroke ends, undo, clear, a name typed, a tick, another mode.
 */
export class EgovSignaturePad extends FormControl {
  static override styles = signaturePadStyles;

  // Without decorators, as in FormControl: their helper code would cost the first load.
  static override properties = {
    mode: {},
    expectedName: { attribute: 'expected-name' },
    declaration: {},
    strokes: { state: true },
    svg: { state: true },
    typedName: { state: true },
    declared: { state: true },
    announcement: { state: true },
  };

  /** How the person signs at first (`draw`, `type` or `declaration`); they can switch. */
  mode: SignatureMode = 'draw';

  /** The signer's full name: a typed name must match it (diacritics, case, spaces aside). */
  expectedName = '';

  /** The declaration text of the `declaration` mode; a standard vi/en text otherwise. */
  declaration = '';

  private strokes: readonly (readonly SignaturePoint[])[] = [];
  private svg = '';
  private typedName = '';
  private declared = false;
  private announcement = '';

  private get canvas() {
    return this.renderRoot?.querySelector('canvas');
  }
  private get nameInput() {
    return this.renderRoot?.querySelector<HTMLInputElement>('#name');
  }
  private get declareBox() {
    return this.renderRoot?.querySelector<HTMLInputElement>('#declare');
  }

  /** The draw mode on this element's box, once draw.lazy.ts is there. */
  private pad?: import('./draw.lazy.js').DrawPad;
  /** Set while the draw mode loads for this element's box. */
  private padLoad?: Promise<void>;
  /** The box's styles are adopted into this element's shadow root. */
  private drawStyled = false;
  private signedAt = '';
  /** The value last derived from the state, to tell it from a value set from outside. */
  private derived = '';
  /** The mode the page asked for, to return to on reset. */
  private initialMode?: SignatureMode;

  protected get focusTarget(): HTMLElement | null | undefined {
    if (this.mode === 'type') return this.nameInput;
    if (this.mode === 'declaration') return this.declareBox;
    // A box to draw in is no place for keyboard focus: the mode choice is, where Type and
    // Declare are one arrow key away.
    return this.renderRoot?.querySelector<HTMLInputElement>('input[name="mode"]:checked');
  }

  /** The signature as an object, or `null` when there is none. */
  get signature(): SignatureValue | null {
    return parseSignatureValue(this.value);
  }

  protected override requiredMessage(): Translatable {
    const label = this.label || t.canvas;
    if (this.mode === 'type') return t.requiredType(label);
    if (this.mode === 'declaration') return t.requiredDeclaration(label);
    return t.requiredDraw(label);
  }

  protected override validate(): ValidityProblem | null {
    if (this.mode === 'draw' && this.strokes.length && !enoughInk(this.strokes)) {
      return { flags: { tooShort: true }, message: t.tooLittleInk };
    }
    if (
      this.mode === 'type' &&
      this.expectedName &&
      this.typedName.trim() &&
      nameKey(this.typedName) !== nameKey(this.expectedName)
    ) {
      return { flags: { patternMismatch: true }, message: t.nameMismatch(this.expectedName) };
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
    if (this.hasUpdated) this.attachPad();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detachPad();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A value set from outside (attribute, reset, restore, a script) rebuilds the signature.
    if (changed.has('value') && this.value !== this.derived) this.rebuild(this.value);
  }

  protected override firstUpdated(): void {
    this.attachPad();
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.pad) this.pad.enabled = !(this.isDisabled || this.readonly);
    else this.attachPad();
    if ((changed as PropertyValues).has('strokes') || changed.has('mode')) {
      this.pad?.redraw(this.strokes);
    }
  }

  /** Resolves once the draw mode is there and the box is ready to draw in, for a caller to see the whole. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.padLoad) {
      await this.padLoad;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /**
   * In draw mode, fetches the draw mode (once per page) and then starts signature_pad on the box
   * its panel renders. Called after every update until the pad is there.
   */
  private attachPad() {
    if (this.pad || this.mode !== 'draw' || !this.isConnected) return;
    const module = draw.value;
    if (!module) {
      // Offline: drawing waits, and the next time the box is shown it is fetched again.
      this.padLoad ??= draw.load().then(
        () => {
          this.padLoad = undefined;
          this.requestUpdate(); // renders the box; updated() attaches the pad
        },
        () => {
          this.padLoad = undefined;
        },
      );
      return;
    }
    if (!this.drawStyled && this.renderRoot instanceof ShadowRoot) {
      const own = (this.constructor as typeof EgovSignaturePad).elementStyles;
      adoptStyles(this.renderRoot, [...own, ...module.drawStyles]);
      this.drawStyled = true;
    }
    const canvas = this.canvas;
    if (!canvas) return;
    const ink = getComputedStyle(this).getPropertyValue('--egov-signature-ink').trim();
    this.pad = new module.DrawPad(canvas, ink, (strokes, svg) => {
      this.strokes = strokes;
      this.svg = svg;
      this.commit();
      this.announce(module.drawWords.strokeAdded(strokes.length));
      this.handleUserChange();
    });
    this.pad.enabled = !(this.isDisabled || this.readonly);
    this.pad.redraw(this.strokes);
  }

  private detachPad() {
    this.pad?.destroy();
    this.pad = undefined;
  }

  /** Removes the last stroke. */
  undo(): void {
    if (!this.strokes.length || this.isDisabled || this.readonly) return;
    this.strokes = this.strokes.slice(0, -1);
    this.svg = this.pad?.svg(this.strokes) ?? '';
    this.commit();
    const words = draw.value?.drawWords;
    if (words) this.announce(words.undone(this.strokes.length));
    this.handleUserChange();
  }

  /** Removes every stroke. */
  clear(): void {
    if (!this.strokes.length || this.isDisabled || this.readonly) return;
    this.strokes = [];
    this.svg = '';
    this.pad?.redraw(this.strokes);
    this.commit();
    const words = draw.value?.drawWords;
    if (words) this.announce(words.cleared);
    this.handleUserChange();
  }

  private computeValue(): string {
    const signedAt = this.signedAt;
    let value: SignatureValue | null = null;
    if (this.mode === 'draw' && this.strokes.length) {
      value = { mode: 'draw', svg: this.svg, points: this.strokes, signedAt };
    } else if (this.mode === 'type' && this.typedName.trim()) {
      value = { mode: 'type', name: this.typedName.trim().replace(/\s+/g, ' '), signedAt };
    } else if (this.mode === 'declaration' && this.declared) {
      value = {
        mode: 'declaration',
        ...(this.expectedName ? { name: this.expectedName } : {}),
        declaration: this.declarationText(),
        signedAt,
      };
    }
    return value ? JSON.stringify(value) : '';
  }

  private commit() {
    this.signedAt = new Date().toISOString();
    const value = this.computeValue();
    this.derived = value;
    this.handleUserInput(value);
  }

  private rebuild(text: string) {
    const value = parseSignatureValue(text);
    this.derived = text;
    this.strokes = value?.mode === 'draw' ? (value.points ?? []) : [];
    this.svg = value?.mode === 'draw' ? (value.svg ?? '') : '';
    this.typedName = value?.mode === 'type' ? (value.name ?? '') : '';
    this.declared = value?.mode === 'declaration';
    this.signedAt = value?.signedAt ?? '';
    if (value) this.mode = value.mode;
  }

  private declarationText(): string {
    return this.declaration || translate(t.defaultDeclaration, localeOf(this));
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
    return html`
      <div part="base" class="field ${error ? 'has-error' : ''}" role="group" aria-labelledby="label">
        <span part="label" id="label" class="label">${this.renderLabelText()}</span>
        ${this.renderHint()} ${this.renderError(error)}
        <fieldset part="modes">
          <legend>${translate(t.modes, locale)}</legend>
          <div class="modes">
            ${SIGNATURE_MODES.map((mode) => {
              const checked = this.mode === mode;
              return html`<label class="mode">
                <input
                  type="radio"
                  name="mode"
                  value=${mode}
                  .checked=${checked}
                  ?disabled=${this.isDisabled}
                  aria-describedby=${ifDefined(checked && mode === 'draw' ? described : undefined)}
                  aria-invalid=${ifDefined(checked && mode === 'draw' && error ? 'true' : undefined)}
                  @click=${this.onModeClick}
                  @keydown=${this.onModeKeyDown}
                  @change=${this.onModeChange}
                />
                ${translate(t[mode], locale)}
              </label>`;
            })}
          </div>
        </fieldset>
        ${draw.value?.renderDrawPanel(
          {
            hidden: this.mode !== 'draw',
            label: translate(t.canvas, locale),
            disabled: this.isDisabled,
            empty: !this.strokes.length || this.readonly,
            undo: () => this.undo(),
            clear: () => this.clear(),
          },
          locale,
        )}
        <div class="panel" ?hidden=${this.mode !== 'type'}>
          <label class="name-label" for="name">${translate(t.fullName, locale)}</label>
          ${
            this.expectedName
              ? html`<div class="hint" id="name-hint">${translate(t.fullNameHint(this.expectedName), locale)}</div>`
              : ''
          }
          <input
            part="input"
            id="name"
            class="control"
            type="text"
            autocomplete="name"
            spellcheck="false"
            .value=${this.typedName}
            ?disabled=${this.isDisabled}
            ?readonly=${this.readonly}
            aria-describedby=${ifDefined(
              [described, this.expectedName ? 'name-hint' : ''].filter(Boolean).join(' ') ||
                undefined,
            )}
            aria-invalid=${this.mode === 'type' && error ? 'true' : 'false'}
            @input=${this.onNameInput}
            @change=${this.handleUserChange}
          />
          <p part="typed" class="typed" aria-hidden="true">${this.typedName}</p>
        </div>
        <div class="panel" ?hidden=${this.mode !== 'declaration'}>
          <div part="declaration" class="choice">
            <input
              type="checkbox"
              id="declare"
              .checked=${this.declared}
              ?disabled=${this.isDisabled}
              aria-readonly=${ifDefined(this.readonly ? 'true' : undefined)}
              aria-describedby=${ifDefined(this.mode === 'declaration' ? described : undefined)}
              aria-invalid=${this.mode === 'declaration' && error ? 'true' : 'false'}
              @click=${this.onDeclareClick}
              @change=${this.onDeclareChange}
            />
            <label for="declare">${this.declarationText()}</label>
          </div>
        </div>
        <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }

  // Native radios and checkboxes have no read-only state: refuse what would change them.
  private onModeClick(event: Event) {
    if (this.readonly) event.preventDefault();
  }

  private onModeKeyDown(event: KeyboardEvent) {
    if (this.readonly && event.key.startsWith('Arrow')) event.preventDefault();
  }

  private onDeclareClick(event: Event) {
    if (this.readonly) event.preventDefault();
  }

  private onModeChange(event: Event) {
    const mode = (event.target as HTMLInputElement).value as SignatureMode;
    if (mode === this.mode) return;
    const before = this.value;
    this.mode = mode;
    this.commit();
    this.announce(t.modeChosen(t[mode]));
    if (this.value !== before) this.handleUserChange();
  }

  private onNameInput(event: Event) {
    this.typedName = (event.target as HTMLInputElement).value;
    this.commit();
  }

  private onDeclareChange(event: Event) {
    this.declared = (event.target as HTMLInputElement).checked;
    this.commit();
    this.handleUserChange();
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
