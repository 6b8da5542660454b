import { cssAdopter } from '../internal/adopt-css.js';
import { controlCss } from '../internal/control.css.js';
import { panelMessages } from './panels.messages.js';
import { panelCss } from './panels.styles.js';
import type { EgovSignaturePad, PanelKit, SignatureValue } from './signature-pad.js';

/** The panels' styles, after the input's, beside the element's own. */
const adoptStyles = cssAdopter(controlCss + panelCss);

/** The name as typed, spaces and all, on each element (the value has it tidied). */
const typedNames = new WeakMap<EgovSignaturePad, string>();

/** A typed or declared signature, signed now. */
const signed = (value: Omit<SignatureValue, 'signedAt'>): SignatureValue => ({
  ...value,
  signedAt: new Date().toISOString(),
});

/** Spaces trimmed and single: the name the value takes. */
const tidy = (name: string) => name.trim().replace(/\s+/g, ' ');

/**
 * The typed-name and declaration modes of `egov-signature-pad`, fetched with `import()` when one
 * of them is first chosen: their inputs, words and styles. The first load holds the value, its
 * validity and the mode choice, so the element is a whole form control before this arrives; a
 * page whose signer draws never loads it.
 *
 * It imports nothing the first load imports — Lit and the localisation layer come from the
 * element, in `kit` (see `PanelKit`) —, so that a bundler keeps the first load one file.
 */
export function modePanels({ html, nothing, translate, defineMessages }: PanelKit) {
  const t = defineMessages('signature-pad', panelMessages);

  /**
   * Both panels, the chosen mode's shown: the other keeps what was typed or ticked while the
   * person tries another mode. `described` and `error` are the element's (the hint and error ids,
   * the error shown), for the chosen panel's input.
   */
  const render = (
    pad: EgovSignaturePad,
    locale: string,
    described: string | undefined,
    error: string,
  ) => {
    adoptStyles(pad.renderRoot as ShadowRoot);
    const { mode, expectedName, readonly } = pad;
    const disabled = pad.isDisabled;
    const text = pad.declaration || translate(t.defaultDeclaration, locale);
    // The name as typed stays in the input while the value has it, tidied; a value set from
    // outside (an attribute, reset, restore, a script) shows its own name.
    const signedName = pad.signed.type?.name ?? '';
    let typedName = typedNames.get(pad) ?? '';
    if (tidy(typedName) !== signedName) typedName = signedName;
    const typed = (event: Event, done: boolean) => {
      const input = (event.target as HTMLInputElement).value;
      typedNames.set(pad, input);
      const name = tidy(input);
      pad.sign('type', name ? signed({ mode: 'type', name }) : undefined, done);
    };
    const hint = expectedName ? 'name-hint' : '';
    return html`<div class="panel" ?hidden=${mode !== 'type'}>
        <label class="name-label" for="name">${translate(t.fullName, locale)}</label>
        ${
          hint
            ? html`<div class="hint" id="name-hint">${translate(t.fullNameHint(expectedName), locale)}</div>`
            : ''
        }
        <input
          part="input"
          id="name"
          class="control"
          type="text"
          autocomplete="name"
          spellcheck="false"
          .value=${typedName}
          ?disabled=${disabled}
          ?readonly=${readonly}
          aria-describedby=${[described, hint].filter(Boolean).join(' ') || nothing}
          aria-invalid=${mode === 'type' && error ? 'true' : 'false'}
          @input=${(event: Event) => typed(event, false)}
          @change=${(event: Event) => typed(event, true)}
        />
        <p part="typed" class="typed" aria-hidden="true">${typedName}</p>
      </div>
      <div class="panel" ?hidden=${mode !== 'declaration'}>
        <div part="declaration" class="choice">
          <input
            type="checkbox"
            id="declare"
            .checked=${!!pad.signed.declaration}
            ?disabled=${disabled}
            aria-readonly=${readonly ? 'true' : nothing}
            aria-describedby=${(mode === 'declaration' && described) || nothing}
            aria-invalid=${mode === 'declaration' && error ? 'true' : 'false'}
            @click=${(event: Event) => readonly && event.preventDefault()}
            @change=${(event: Event) =>
              pad.sign(
                'declaration',
                (event.target as HTMLInputElement).checked
                  ? signed({
                      mode: 'declaration',
                      ...(expectedName ? { name: expectedName } : {}),
                      declaration: text,
                    })
                  : undefined,
                true,
              )}
          />
          <label for="declare">${text}</label>
        </div>
      </div>`;
  };

  return {
    // The modes' validity messages, for the element's checks (see `ModePanel`).
    required: { type: t.requiredType, declaration: t.requiredDeclaration },
    invalid: { type: t.nameMismatch },
    render,
  };
}
