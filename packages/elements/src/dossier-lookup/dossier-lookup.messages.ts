import { defineMessages } from '../base/localization.js';

export const lookupMessages = /* @__PURE__ */ defineMessages('dossier-lookup', {
  heading: { vi: 'Tra cứu hồ sơ', en: 'Check an application' },
  intro: {
    vi: 'Nhập mã hồ sơ và mã xác thực in trên giấy tiếp nhận hồ sơ.',
    en: 'Enter the application code and the verification code printed on your receipt.',
  },
  code: { vi: 'Mã hồ sơ', en: 'Application code' },
  codeHint: { vi: 'Ví dụ: HS-DEMO-000002', en: 'For example, HS-DEMO-000002' },
  verifier: { vi: 'Mã xác thực', en: 'Verification code' },
  verifierHint: {
    vi: 'Ít nhất 4 ký tự, ví dụ: DEMO2345',
    en: 'At least 4 characters, for example DEMO2345',
  },
  submit: { vi: 'Tra cứu', en: 'Check' },
  searching: { vi: 'Đang tra cứu…', en: 'Checking…' },
  codeMissing: { vi: 'Nhập mã hồ sơ.', en: 'Enter the application code.' },
  verifierMissing: {
    vi: 'Nhập mã xác thực, ít nhất 4 ký tự.',
    en: 'Enter the verification code, at least 4 characters.',
  },
  errorPrefix: { vi: 'Lỗi:', en: 'Error:' },
  found: { vi: 'Đã tìm thấy hồ sơ', en: 'Application found:' },
});
