import { html, nothing } from 'lit';
import { translate } from '../base/localization.js';
import { panelWords as t } from './panels.messages.js';
import type { EgovSignaturePad } from './signature-pad.js';

export { panelStyles as styles } from './panels.styles.js';

/** The modes' validity messages, for the element's checks (see `ModePanel`). */
export const required = { type: t.requiredType, declaration: t.requiredDeclaration };
export const invalid = { type: t.nameMismatch };

/**
 * The typed-name and declaration modes of `egov-signature-pad`, fetched with `import()` when one
 * of them is first chosen: their inputs, words and styles. The first load holds the value, its
 * validity and the mode choice, so the element is a whole form control before this arrives; a
 * page whose signer draws never loads it.
 */

/**
 * Both panels, the chosen mode's shown: the other keeps what was typed or ticked while the person
 * tries another mode. `described` and `error` are the element's (the hint and error ids, the
 * error shown), for the chosen panel's input.
 */
export function renderPanels(
  pad: EgovSignaturePad,
  locale: string,
  described: string | undefined,
  error: string,
) {
  const { mode, expectedName, readonly } = pad;
  const disabled = pad.isDisabled;
  const text = pad.declaration || translate(t.defaultDeclaration, locale);
  // The name as typed stays in the input; the value has it tidied (spaces trimmed and single).
  const typed = (event: Event, done: boolean) => {
    pad.typedName = (event.target as HTMLInputElement).value;
    const name = pad.typedName.trim().replace(/\s+/g, ' ');
    pad.sign('type', name ? { name } : undefined, done);
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
        .value=${pad.typedName}
        ?disabled=${disabled}
        ?readonly=${readonly}
        aria-describedby=${[described, hint].filter(Boolean).join(' ') || nothing}
        aria-invalid=${mode === 'type' && error ? 'true' : 'false'}
        @input=${(event: Event) => typed(event, false)}
        @change=${(event: Event) => typed(event, true)}
      />
      <p part="typed" class="typed" aria-hidden="true">${pad.typedName}</p>
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
                ? { ...(expectedName ? { name: expectedName } : {}), declaration: text }
                : undefined,
              true,
            )}
        />
        <label for="declare">${text}</label>
      </div>
    </div>`;
}
