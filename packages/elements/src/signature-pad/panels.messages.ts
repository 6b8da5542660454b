import type { LocalizedText } from '@egov-kit/schema';
import type { MessageDefinitions } from '../base/localization.js';

/**
 * The words of the typed-name and declaration modes (ids `signature-pad.*`), loaded with them
 * (panels.lazy.ts): their panels', their validity messages, and the standard declaration (a
 * declaration is ticked, and so its text taken into the value, only there). The definitions
 * only: panels.lazy.ts registers them with the `defineMessages` it is handed (see `PanelKit` in
 * signature-pad.ts), when it arrives.
 */
export const panelMessages = {
  requiredType: (label: string): LocalizedText => ({
    vi: `${label}: gõ họ và tên đầy đủ của bạn.`,
    en: `${label}: type your full name.`,
  }),
  requiredDeclaration: (label: string): LocalizedText => ({
    vi: `${label}: đánh dấu vào ô cam đoan.`,
    en: `${label}: tick the declaration.`,
  }),
  nameMismatch: (expected: string): LocalizedText => ({
    vi: `Họ tên đã gõ không khớp với "${expected}". Gõ đúng họ và tên của người ký.`,
    en: `The name you typed does not match "${expected}". Type the signer’s full name.`,
  }),
  fullName: { vi: 'Họ và tên đầy đủ', en: 'Your full name' },
  fullNameHint: (expected: string): LocalizedText => ({
    vi: `Gõ đúng họ và tên: ${expected}.`,
    en: `Type your name exactly as: ${expected}.`,
  }),
  defaultDeclaration: {
    vi: 'Tôi xin cam đoan những thông tin đã khai là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình.',
    en: 'I declare that the information I have given is true, and I accept legal responsibility for it.',
  },
} satisfies MessageDefinitions;
