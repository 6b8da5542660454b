import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';

/** The words of the VietQR transfer view, loaded with it (the same `payment.*` ids). */
export const transferMessages = defineMessages('payment', {
  qrTitle: { vi: 'Quét mã VietQR để chuyển khoản', en: 'Scan the VietQR code to pay' },
  qrLabel: (amount: string, account: string, purpose: string): LocalizedText => ({
    vi: `Mã VietQR: chuyển ${amount} vào tài khoản ${account}, nội dung ${purpose}. Các thông tin này có ở danh sách bên dưới.`,
    en: `VietQR code: transfer ${amount} to account ${account}, reference ${purpose}. The same details are listed below.`,
  }),
  orTypeIt: {
    vi: 'Không quét được? Nhập các thông tin sau vào ứng dụng ngân hàng:',
    en: "Can't scan? Enter these details in your banking app:",
  },
  bank: { vi: 'Ngân hàng', en: 'Bank' },
  accountNumber: { vi: 'Số tài khoản', en: 'Account number' },
  accountName: { vi: 'Chủ tài khoản', en: 'Account holder' },
  transferContent: { vi: 'Nội dung chuyển khoản', en: 'Transfer reference' },
  payload: { vi: 'Mã VietQR dạng chữ', en: 'VietQR payload as text' },
  copy: (what: string): LocalizedText => ({ vi: `Chép ${what}`, en: `Copy ${what}` }),
});
