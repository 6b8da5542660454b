import { choiceStyles, fieldStyles, groupStyles } from '../internal/field.styles.js';

export const radioGroupStyles = [fieldStyles, groupStyles, choiceStyles];
