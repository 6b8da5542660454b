import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';

/**
 * The form's words with a client: the server draft's status, a conflict, a failed submit. Apart,
 * so that they load with the sync module (dossier-form/sync.ts), not with every form.
 */
export const syncMessages = /* @__PURE__ */ defineMessages('dossier-form', {
  syncSaved: {
    vi: 'Bản nháp đã được lưu trên hệ thống.',
    en: 'Your draft is saved on the service.',
  },
  syncOffline: {
    vi: 'Đã lưu trên thiết bị này; sẽ đồng bộ lên hệ thống khi có kết nối.',
    en: 'Saved on this device; it will be sent to the service when you are back online.',
  },
  syncFailed: (reason: string): LocalizedText => ({
    vi: `Chưa lưu được bản nháp lên hệ thống: ${reason} Câu trả lời vẫn được giữ trên thiết bị này.`,
    en: `Your draft could not be saved on the service: ${reason} Your answers are kept on this device.`,
  }),
  conflictTitle: {
    vi: 'Bản nháp này đã được sửa ở nơi khác',
    en: 'This draft was changed somewhere else',
  },
  conflictBody: {
    vi: 'Hồ sơ đã được sửa trên một thẻ hoặc thiết bị khác sau lần lưu cuối của bạn ở đây. Chưa có gì bị ghi đè. Chọn bản muốn giữ.',
    en: 'The dossier was changed in another tab or on another device since you last saved it here. Nothing has been overwritten. Choose which version to keep.',
  },
  useSaved: { vi: 'Dùng bản đã lưu trên hệ thống', en: 'Use the saved version' },
  keepMine: { vi: 'Giữ câu trả lời của tôi', en: 'Keep my answers' },
  usedSaved: {
    vi: 'Đã chuyển sang bản đã lưu trên hệ thống.',
    en: 'The saved version is now shown.',
  },
  keptMine: {
    vi: 'Đã lưu câu trả lời của bạn lên hệ thống, thay cho bản kia.',
    en: 'Your answers have been saved on the service in place of the other version.',
  },
  resolveFirst: {
    vi: 'Chọn bản nháp muốn giữ trước khi gửi hồ sơ.',
    en: 'Choose which draft to keep before you submit.',
  },
  submitFailed: (reason: string): LocalizedText => ({
    vi: `Chưa gửi được hồ sơ: ${reason} Câu trả lời vẫn được giữ.`,
    en: `Your application was not sent: ${reason} Your answers are kept.`,
  }),
  submitted: (code: string): LocalizedText => ({
    vi: `Đã nộp hồ sơ. Mã hồ sơ của bạn: ${code}.`,
    en: `Your application has been submitted. Your dossier code is ${code}.`,
  }),
  signInAgain: {
    vi: 'Phiên đăng nhập đã hết hoặc bạn không có quyền với hồ sơ này. Đăng nhập lại rồi thử lại.',
    en: 'Your session has ended or you may not change this dossier. Sign in again and retry.',
  },
  notADraft: {
    vi: 'Hồ sơ này đã được nộp nên không sửa được nữa.',
    en: 'This dossier has already been submitted, so it can no longer be changed.',
  },
  serverDown: {
    vi: 'Hệ thống đang gặp sự cố; hãy thử lại sau ít phút.',
    en: 'The service has a problem; try again in a few minutes.',
  },
  serverRefused: (status: string): LocalizedText => ({
    vi: `Hệ thống từ chối yêu cầu (mã ${status}).`,
    en: `The service refused the request (code ${status}).`,
  }),
});
