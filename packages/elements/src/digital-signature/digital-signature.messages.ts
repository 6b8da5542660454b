import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';

/** The words of `egov-digital-signature`. */
export const digitalSignatureMessages = /* @__PURE__ */ defineMessages('digital-signature', {
  heading: { vi: 'Ký số tài liệu', en: 'Digitally sign a document' },
  document: { vi: 'Tài liệu', en: 'Document' },
  name: { vi: 'Tên tệp', en: 'File name' },
  size: { vi: 'Dung lượng', en: 'Size' },
  sha256: { vi: 'Mã băm SHA-256', en: 'SHA-256 digest' },
  hashing: { vi: 'Đang tính mã băm…', en: 'Computing the digest…' },
  format: { vi: 'Kiểu chữ ký', en: 'Signature format' },
  pades: {
    vi: 'PAdES — chữ ký nằm trong tệp PDF',
    en: 'PAdES — the signature is inside the PDF',
  },
  cades: {
    vi: 'CAdES — chữ ký tách rời (tệp .p7s đi kèm tài liệu)',
    en: 'CAdES — a detached signature (a .p7s file kept with the document)',
  },
  certificate: { vi: 'Chứng thư số của người ký', en: 'Signer’s certificate' },
  holder: { vi: 'Người được cấp', en: 'Issued to' },
  issuer: { vi: 'Tổ chức cấp', en: 'Issued by' },
  serial: { vi: 'Số hiệu', en: 'Serial number' },
  validFrom: { vi: 'Hiệu lực từ', en: 'Valid from' },
  validTo: { vi: 'Hiệu lực đến', en: 'Valid until' },
  reading: { vi: 'Đang đọc chứng thư số…', en: 'Reading the certificate…' },
  noDocument: {
    vi: 'Chưa có tài liệu để ký. Chọn hoặc tải lên tài liệu trước.',
    en: 'There is no document to sign yet. Choose or upload the document first.',
  },
  noSigner: {
    vi: 'Chưa có chứng thư số để ký. Cắm thiết bị ký số (USB token) hoặc chọn dịch vụ ký số từ xa.',
    en: 'There is no signing certificate yet. Connect your signing device (USB token) or choose a remote signing service.',
  },
  sign: { vi: 'Ký số', en: 'Sign' },
  signing: { vi: 'Đang ký số…', en: 'Signing…' },
  approveOnPhone: {
    vi: 'Mở ứng dụng ký số trên điện thoại và xác nhận yêu cầu ký. Trang này sẽ tự tiếp tục.',
    en: 'Open your signing app on your phone and approve the request. This page will carry on by itself.',
  },
  verifying: { vi: 'Đang kiểm tra chữ ký…', en: 'Checking the signature…' },
  cancel: { vi: 'Hủy ký', en: 'Cancel signing' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  signedTitle: { vi: 'Đã ký số', en: 'Signed' },
  valid: { vi: 'Chữ ký hợp lệ', en: 'The signature is valid' },
  trusted: {
    vi: 'Chứng thư số do tổ chức chứng thực được tin cậy cấp',
    en: 'The certificate was issued by a trusted certification authority',
  },
  untrustedNote: {
    vi: 'Chưa kiểm tra được tổ chức cấp chứng thư số (không có danh sách tổ chức tin cậy).',
    en: 'The certification authority was not checked (no trusted roots given).',
  },
  signedBy: { vi: 'Người ký', en: 'Signed by' },
  signedAt: { vi: 'Thời điểm ký', en: 'Signed at' },
  download: (name: string): LocalizedText => ({
    vi: `Tải về ${name}`,
    en: `Download ${name}`,
  }),
  failedTitle: { vi: 'Chưa ký được', en: 'The document was not signed' },
  expiredBefore: (vi: string, en: string): LocalizedText => ({
    vi: `Chứng thư số đã hết hạn ngày ${vi}. Gia hạn chứng thư số hoặc dùng chứng thư số khác.`,
    en: `The certificate expired on ${en}. Renew it or use another certificate.`,
  }),
  notYetValidBefore: (vi: string, en: string): LocalizedText => ({
    vi: `Chứng thư số chỉ có hiệu lực từ ngày ${vi}. Ký lại sau ngày đó hoặc dùng chứng thư số khác.`,
    en: `The certificate is only valid from ${en}. Sign after that date or use another certificate.`,
  }),
  expiredWarning: {
    vi: 'Chứng thư số này đã hết hạn: không thể dùng để ký.',
    en: 'This certificate has expired: it cannot be used to sign.',
  },
  notYetValidWarning: {
    vi: 'Chứng thư số này chưa có hiệu lực: chưa thể dùng để ký.',
    en: 'This certificate is not valid yet: it cannot be used to sign yet.',
  },
  cancelled: {
    vi: 'Bạn đã hủy việc ký. Tài liệu chưa được ký; bấm "Thử lại" khi sẵn sàng.',
    en: 'You cancelled the signing. The document is not signed; choose "Try again" when ready.',
  },
  timedOut: {
    vi: 'Hết thời gian chờ xác nhận trên điện thoại. Bấm "Thử lại" rồi xác nhận yêu cầu ký trong ứng dụng.',
    en: 'The approval on your phone timed out. Choose "Try again", then approve the request in the app.',
  },
  rejected: {
    vi: 'Yêu cầu ký đã bị từ chối trên điện thoại. Nếu bạn không chủ ý từ chối, bấm "Thử lại".',
    en: 'The signing request was declined on your phone. If you did not mean to decline, choose "Try again".',
  },
  unreachable: {
    vi: 'Không kết nối được với dịch vụ ký số. Kiểm tra kết nối mạng rồi bấm "Thử lại".',
    en: 'The signing service could not be reached. Check your connection, then choose "Try again".',
  },
  invalidPdf: {
    vi: 'Không ký được tệp PDF này: tệp bị hỏng, được đặt mật khẩu hoặc không phải PDF. Hãy chọn tệp PDF khác.',
    en: 'This PDF cannot be signed: it is damaged, password-protected or not a PDF. Choose another PDF file.',
  },
  // `reason` is put in the reader's language before it is given here.
  verificationFailed: (reason: string): LocalizedText => ({
    vi: `Đã ký nhưng chữ ký không vượt qua bước kiểm tra: ${reason} Tệp đã ký không được dùng.`,
    en: `The signature was made but did not pass the check: ${reason} The signed file was not used.`,
  }),
  serviceError: (reason: string): LocalizedText => ({
    vi: `${reason} Bấm "Thử lại"; nếu vẫn lỗi, liên hệ nhà cung cấp dịch vụ ký số.`,
    en: `${reason} Choose "Try again"; if it fails again, contact your signing service provider.`,
  }),
  unknown: {
    vi: 'Đã có lỗi khi ký số. Tài liệu chưa được ký; bấm "Thử lại".',
    en: 'Something went wrong while signing. The document is not signed; choose "Try again".',
  },
  unreadableCertificate: {
    vi: 'Không đọc được chứng thư số của người ký. Kiểm tra thiết bị hoặc dịch vụ ký số rồi bấm "Thử lại".',
    en: 'The signer’s certificate could not be read. Check your signing device or service, then choose "Try again".',
  },
  loadFailed: {
    vi: 'Không tải được thành phần ký số. Kiểm tra kết nối mạng rồi bấm "Thử lại".',
    en: 'The signing component could not be loaded. Check your connection, then choose "Try again".',
  },
  signedAnnouncement: (name: string): LocalizedText => ({
    vi: `Đã ký số và kiểm tra chữ ký. Tệp đã ký: ${name}.`,
    en: `Signed and checked. Signed file: ${name}.`,
  }),
});
