/**
 * @egov-kit/elements — the component classes, without registering any tag.
 * Register them with `@egov-kit/elements/define` (all) or `@egov-kit/elements/<component>` (one).
 *
 * @packageDocumentation
 */
export { EgovTextField, type TextFieldType } from './text-field/text-field.js';
