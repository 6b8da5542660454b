import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';

export const paymentMessages = defineMessages('payment', {
  title: { vi: 'Nộp phí, lệ phí', en: 'Pay the fees' },
  loading: { vi: 'Đang tải thông tin thanh toán…', en: 'Loading the payment…' },
  feesCaption: { vi: 'Các khoản phải nộp', en: 'What to pay' },
  item: { vi: 'Khoản', en: 'Item' },
  legalBasis: { vi: 'Căn cứ', en: 'Legal basis' },
  amount: { vi: 'Số tiền', en: 'Amount' },
  total: { vi: 'Tổng cộng', en: 'Total' },
  fee: { vi: 'Phí', en: 'Fee' },
  charge: { vi: 'Lệ phí', en: 'Charge' },
  dueBy: (when: string): LocalizedText => ({
    vi: `Hạn nộp: ${when}. Thời gian chờ nộp phí không tính vào thời hạn giải quyết.`,
    en: `Pay by ${when}. The time waiting for payment does not count toward the processing time.`,
  }),
  chooseMethod: { vi: 'Chọn cách thanh toán', en: 'Choose how to pay' },
  payByQr: { vi: 'Chuyển khoản bằng mã VietQR', en: 'Bank transfer with VietQR' },
  payByQrHint: {
    vi: 'Quét mã bằng ứng dụng của bất kỳ ngân hàng nào.',
    en: 'Scan the code with any banking app.',
  },
  payByGateway: { vi: 'Thanh toán qua cổng thanh toán', en: 'Pay through a payment gateway' },
  payByGatewayHint: {
    vi: 'Bạn sẽ được chuyển sang trang của cổng thanh toán, rồi quay lại đây.',
    en: "You go to the gateway's page, then come back here.",
  },
  payAtDesk: {
    vi: 'Hoặc nộp trực tiếp tại Bộ phận Một cửa; cán bộ sẽ xác nhận.',
    en: 'Or pay at the one-stop desk; an officer confirms it.',
  },
  demo: { vi: 'DEMO: không có tiền thật', en: 'DEMO: no real money' },
  starting: { vi: 'Đang tạo giao dịch…', en: 'Starting the payment…' },
  qrLoading: { vi: 'Đang vẽ mã QR…', en: 'Drawing the QR code…' },
  copied: (what: string): LocalizedText => ({ vi: `Đã chép ${what}.`, en: `${what} copied.` }),
  copyFailed: {
    vi: 'Không chép được; hãy chọn và chép bằng tay.',
    en: 'Could not copy; select and copy it by hand.',
  },
  expiresAt: (when: string): LocalizedText => ({
    vi: `Giao dịch hết hạn lúc ${when}.`,
    en: `This payment expires at ${when}.`,
  }),
  waiting: {
    vi: 'Đang chờ ngân hàng xác nhận. Trang tự cập nhật khi nhận được tiền.',
    en: 'Waiting for the bank to confirm. This page updates itself once the money arrives.',
  },
  waitingGateway: {
    vi: 'Đang chờ cổng thanh toán xác nhận.',
    en: 'Waiting for the gateway to confirm.',
  },
  paused: {
    vi: 'Tạm dừng cập nhật trong khi trang bị ẩn.',
    en: 'Updates paused while the page is hidden.',
  },
  continueAtGateway: { vi: 'Tiếp tục tại cổng thanh toán', en: 'Continue at the gateway' },
  redirecting: { vi: 'Đang chuyển sang cổng thanh toán…', en: 'Going to the payment gateway…' },
  otherMethod: { vi: 'Chọn cách thanh toán khác', en: 'Choose another way to pay' },
  checkNow: { vi: 'Kiểm tra ngay', en: 'Check now' },
  paid: { vi: 'Đã thanh toán. Hồ sơ tiếp tục được giải quyết.', en: 'Paid. The dossier goes on.' },
  paidDetails: (receipt: string, when: string): LocalizedText => ({
    vi: `Biên lai số ${receipt}, thu lúc ${when}.`,
    en: `Receipt ${receipt}, paid at ${when}.`,
  }),
  downloadReceipt: { vi: 'Tải biên lai điện tử (PDF)', en: 'Download the e-receipt (PDF)' },
  downloading: { vi: 'Đang tải biên lai…', en: 'Downloading the receipt…' },
  failed: {
    vi: 'Giao dịch không thành công hoặc đã bị từ chối. Bạn chưa bị trừ tiền cho giao dịch này.',
    en: 'The payment failed or was declined. You were not charged for it.',
  },
  expired: {
    vi: 'Giao dịch đã hết hạn. Đừng chuyển khoản theo mã cũ; hãy tạo giao dịch mới.',
    en: 'The payment expired. Do not transfer with the old code; start a new payment.',
  },
  overdue: {
    vi: 'Đã quá hạn nộp phí. Hãy liên hệ cơ quan giải quyết hồ sơ.',
    en: 'The time to pay has passed. Contact the agency handling the dossier.',
  },
  retry: { vi: 'Thanh toán lại', en: 'Pay again' },
  nothingDue: {
    vi: 'Hồ sơ không có khoản phí nào đang chờ nộp.',
    en: 'No fees are due on this dossier.',
  },
  error: {
    vi: 'Không tải được thông tin thanh toán. Hãy thử lại.',
    en: 'The payment could not be loaded. Try again.',
  },
  offline: {
    vi: 'Mất kết nối mạng. Trang sẽ thử lại khi có mạng.',
    en: 'You are offline. The page tries again when the connection is back.',
  },
  tryAgain: { vi: 'Thử lại', en: 'Try again' },
});
