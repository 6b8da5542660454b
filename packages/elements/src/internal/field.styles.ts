import { css } from 'lit';
import { hostStyles } from './host.styles.js';

/**
 * The anatomy every field shares — label, hint, error — so that all controls look and behave
 * alike. Colours meet WCAG 2.2 AA contrast on white; every colour and size is a custom property
 * an agency can theme. The box of a typed or chosen value is controlStyles (control.styles.ts);
 * fieldsets and radios or checkboxes have groupStyles and choiceStyles. Each is a module of its
 * own, as a bundler keeps every style literal of a module it imports (a tagged template may
 * have side effects), used or not.
 */
export const fieldStyles = css`
  ${hostStyles}

  :host {
    margin-block-end: var(--_egov-field-gap);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }

  .field.has-error {
    border-inline-start: 4px solid var(--_egov-color-error);
    padding-inline-start: 0.75rem;
  }

  label {
    font-weight: 600;
  }

  .required-mark {
    color: var(--_egov-color-error);
    margin-inline-start: 0.125rem;
  }

  .hint {
    color: var(--_egov-color-hint);
  }

  .error {
    margin: 0;
    font-weight: 600;
    color: var(--_egov-color-error);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
