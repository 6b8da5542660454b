import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';

export const checkboxMessages = /* @__PURE__ */ defineMessages('checkbox', {
  // validateFormData's wording for a required single checkbox.
  tick: (label: string): LocalizedText => ({
    vi: `Đánh dấu ô "${label}".`,
    en: `Tick "${label}".`,
  }),
});
