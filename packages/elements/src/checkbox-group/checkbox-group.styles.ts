import { choiceStyles, fieldStyles, groupStyles } from '../internal/field.styles.js';

export const checkboxGroupStyles = [fieldStyles, groupStyles, choiceStyles];
