import type { LocalizedText } from '@egov-kit/schema';
import type { MessageDefinitions } from '../base/localization.js';
import { plural } from '../base/plural.js';

/**
 * The words of the draw mode (ids `signature-pad.*`), loaded with it (draw.lazy.ts): the box's,
 * and its validity messages. The definitions only: draw.lazy.ts registers them with the
 * `defineMessages` it is handed (see `PanelKit` in signature-pad.ts), when it arrives.
 */
export const drawMessages = {
  canvas: {
    vi: 'Ô ký: ký bằng chuột, ngón tay hoặc bút cảm ứng',
    en: 'Signature box: sign with a mouse, a finger or a stylus',
  },
  requiredDraw: (label: string): LocalizedText => ({
    vi: `${label}: ký vào ô, hoặc chọn "Gõ họ tên" hay "Cam đoan".`,
    en: `${label}: sign in the box, or choose "Type your name" or "Declare".`,
  }),
  tooLittleInk: {
    vi: 'Chữ ký quá ngắn. Ký đầy đủ vào ô (bấm "Xóa chữ ký" để ký lại), hoặc chọn "Gõ họ tên".',
    en: 'The signature is too short. Sign in full in the box ("Clear signature" to start again), or choose "Type your name".',
  },
  drawHint: {
    vi: 'Không dùng được chuột hay màn hình cảm ứng? Chọn "Gõ họ tên" hoặc "Cam đoan".',
    en: 'Cannot use a mouse or a touch screen? Choose "Type your name" or "Declare".',
  },
  undo: { vi: 'Hoàn tác nét cuối', en: 'Undo last stroke' },
  clear: { vi: 'Xóa chữ ký', en: 'Clear signature' },
  strokeAdded: (count: number): LocalizedText => ({
    vi: `Đã thêm nét ký. Chữ ký có ${count} nét.`,
    en: plural('en', count, {
      one: `Stroke added. The signature has ${count} stroke.`,
      other: `Stroke added. The signature has ${count} strokes.`,
    }),
  }),
  undone: (count: number): LocalizedText => ({
    vi: count ? `Đã hoàn tác nét cuối. Còn ${count} nét.` : 'Đã hoàn tác nét cuối. Ô ký trống.',
    en: count
      ? plural('en', count, {
          one: `Last stroke undone. ${count} stroke left.`,
          other: `Last stroke undone. ${count} strokes left.`,
        })
      : 'Last stroke undone. The signature box is empty.',
  }),
  cleared: { vi: 'Đã xóa chữ ký. Ô ký trống.', en: 'Signature cleared. The box is empty.' },
} satisfies MessageDefinitions;
