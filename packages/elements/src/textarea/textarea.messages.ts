import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';
import { plural } from '../base/plural.js';

export const textareaMessages = /* @__PURE__ */ defineMessages('textarea', {
  charactersLeft: (count: number): LocalizedText => ({
    vi: `Bạn còn ${count} ký tự`,
    en: plural('en', count, {
      one: `You have ${count} character remaining`,
      other: `You have ${count} characters remaining`,
    }),
  }),
  charactersOver: (count: number): LocalizedText => ({
    vi: `Bạn đã nhập quá ${count} ký tự`,
    en: plural('en', count, {
      one: `You have ${count} character too many`,
      other: `You have ${count} characters too many`,
    }),
  }),
  limit: (max: number): LocalizedText => ({
    vi: `Bạn có thể nhập tối đa ${max} ký tự.`,
    en: `You can enter up to ${max} characters.`,
  }),
});
