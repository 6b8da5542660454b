import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';

/** The words of `egov-signature-pad`. */
export const signaturePadMessages = /* @__PURE__ */ defineMessages('signature-pad', {
  modes: { vi: 'Cách ký', en: 'How to sign' },
  draw: { vi: 'Ký tay', en: 'Draw' },
  type: { vi: 'Gõ họ tên', en: 'Type your name' },
  declaration: { vi: 'Cam đoan', en: 'Declare' },
  canvas: {
    vi: 'Ô ký: ký bằng chuột, ngón tay hoặc bút cảm ứng',
    en: 'Signature box: sign with a mouse, a finger or a stylus',
  },
  fullName: { vi: 'Họ và tên đầy đủ', en: 'Your full name' },
  fullNameHint: (expected: string): LocalizedText => ({
    vi: `Gõ đúng họ và tên: ${expected}.`,
    en: `Type your name exactly as: ${expected}.`,
  }),
  defaultDeclaration: {
    vi: 'Tôi xin cam đoan những thông tin đã khai là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình.',
    en: 'I declare that the information I have given is true, and I accept legal responsibility for it.',
  },
  modeChosen: (mode: string): LocalizedText => ({
    vi: `Đã chọn cách ký: ${mode}.`,
    en: `Signing method: ${mode}.`,
  }),
  requiredDraw: (label: string): LocalizedText => ({
    vi: `${label}: ký vào ô, hoặc chọn "Gõ họ tên" hay "Cam đoan".`,
    en: `${label}: sign in the box, or choose "Type your name" or "Declare".`,
  }),
  requiredType: (label: string): LocalizedText => ({
    vi: `${label}: gõ họ và tên đầy đủ của bạn.`,
    en: `${label}: type your full name.`,
  }),
  requiredDeclaration: (label: string): LocalizedText => ({
    vi: `${label}: đánh dấu vào ô cam đoan.`,
    en: `${label}: tick the declaration.`,
  }),
  tooLittleInk: {
    vi: 'Chữ ký quá ngắn. Ký đầy đủ vào ô (bấm "Xóa chữ ký" để ký lại), hoặc chọn "Gõ họ tên".',
    en: 'The signature is too short. Sign in full in the box ("Clear signature" to start again), or choose "Type your name".',
  },
  nameMismatch: (expected: string): LocalizedText => ({
    vi: `Họ tên đã gõ không khớp với "${expected}". Gõ đúng họ và tên của người ký.`,
    en: `The name you typed does not match "${expected}". Type the signer’s full name.`,
  }),
});
