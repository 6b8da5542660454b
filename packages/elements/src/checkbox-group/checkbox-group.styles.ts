import { choiceStyles } from '../internal/choice.styles.js';
import { fieldStyles } from '../internal/field.styles.js';
import { groupStyles } from '../internal/group.styles.js';

export const checkboxGroupStyles = [fieldStyles, groupStyles, choiceStyles];
