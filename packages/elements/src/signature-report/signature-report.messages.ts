import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';

/**
 * The words of `egov-signature-report`. The sentences for a failed check come with the result
 * itself (the signing package's ETSI sub-indication messages); these are the report's own.
 */
export const signatureReportMessages = /* @__PURE__ */ defineMessages('signature-report', {
  heading: { vi: 'Kết quả kiểm tra chữ ký số', en: 'Signature check' },
  empty: { vi: 'Chưa có kết quả kiểm tra chữ ký.', en: 'No signature check yet.' },
  verdict: {
    valid: { vi: 'Hợp lệ', en: 'Valid' },
    invalid: { vi: 'Không hợp lệ', en: 'Not valid' },
    indeterminate: { vi: 'Chưa kết luận được', en: 'Cannot be decided yet' },
  },
  passed: { vi: 'Chữ ký số hợp lệ.', en: 'The digital signature is valid.' },
  passedAll: (count: number): LocalizedText => ({
    vi: `Tất cả ${count} chữ ký số đều hợp lệ và tài liệu không bị thay đổi sau khi ký.`,
    en: `All ${count} digital signatures are valid and the document was not changed after signing.`,
  }),
  passedPdf: {
    vi: 'Chữ ký số hợp lệ và tài liệu không bị thay đổi sau khi ký.',
    en: 'The digital signature is valid and the document was not changed after signing.',
  },
  indeterminateAdvice: {
    vi: 'Chưa thể coi chữ ký là hợp lệ. Kiểm tra lại sau hoặc đề nghị người nộp cung cấp bản ký khác.',
    en: 'Do not rely on the signature yet. Check again later or ask for a newly signed copy.',
  },
  signatureTitle: (index: number, count: number, who: string): LocalizedText => ({
    vi: count > 1 ? `Chữ ký ${index}/${count}: ${who}` : `Chữ ký: ${who}`,
    en: count > 1 ? `Signature ${index} of ${count}: ${who}` : `Signature: ${who}`,
  }),
  timestampTitle: (index: number, count: number): LocalizedText => ({
    vi: count > 1 ? `Dấu thời gian ${index}/${count} của tài liệu` : 'Dấu thời gian của tài liệu',
    en: count > 1 ? `Document time-stamp ${index} of ${count}` : 'Document time-stamp',
  }),
  // "17:00:05 GMT+7 ngày 3 tháng 12, 2026" is how a Vietnamese official writes it.
  dateTime: (day: string, time: string): LocalizedText => ({
    vi: `${time} ngày ${day}`,
    en: `${day}, ${time}`,
  }),
  unknownSigner: { vi: 'không rõ người ký', en: 'unknown signer' },
  signedBy: { vi: 'Người ký', en: 'Signed by' },
  identifier: { vi: 'Mã định danh', en: 'Identifier' },
  organization: { vi: 'Tổ chức', en: 'Organisation' },
  issuedBy: { vi: 'Tổ chức cấp chứng thư số', en: 'Certificate issued by' },
  chainNotChecked: (issuer: string): LocalizedText => ({
    vi: `${issuer} (chưa đối chiếu với danh sách tổ chức tin cậy)`,
    en: `${issuer} (not checked against the trusted authorities)`,
  }),
  trustedRoot: { vi: 'tổ chức gốc được tin cậy', en: 'trusted root' },
  timeProven: { vi: 'Thời điểm ký đã được chứng minh', en: 'Time proven' },
  provenBy: (time: string, tsa: string | undefined, kind: 'signature' | 'document') =>
    ({
      vi: `${time} — do dấu thời gian${kind === 'document' ? ' của tài liệu' : ''}${tsa ? ` của ${tsa}` : ''} chứng minh`,
      en: `${time} — proven by a ${kind === 'document' ? 'document ' : ''}time-stamp${tsa ? ` from ${tsa}` : ''}`,
    }) satisfies LocalizedText,
  noProof: {
    vi: 'Không có dấu thời gian hợp lệ: thời điểm ký chưa được chứng minh.',
    en: 'No valid time-stamp: the time of signing is not proven.',
  },
  timeClaimed: { vi: 'Thời điểm ký do người ký khai', en: 'Time claimed by the signer' },
  claimedNote: {
    vi: '(chỉ là lời khai, không phải bằng chứng)',
    en: '(a claim, not a proof)',
  },
  notClaimed: { vi: 'Không ghi', en: 'Not given' },
  checkedAt: { vi: 'Chứng thư số được kiểm tra tại', en: 'Certificate checked at' },
  checkedAtSource: {
    timestamp: { vi: 'thời điểm dấu thời gian chứng minh', en: 'the time the time-stamp proves' },
    option: { vi: 'thời điểm được chỉ định', en: 'the time requested' },
    now: { vi: 'thời điểm kiểm tra', en: 'the time of this check' },
  },
  timestampTime: { vi: 'Thời điểm được chứng minh', en: 'Time proven' },
  timestampAuthority: { vi: 'Đơn vị cấp dấu thời gian', en: 'Time-stamping authority' },
  revocation: { vi: 'Tình trạng thu hồi', en: 'Revocation status' },
  notRevoked: { vi: 'Chưa bị thu hồi', en: 'Not revoked' },
  revokedOn: (date: string, reason: string | undefined): LocalizedText => ({
    vi: `Đã bị thu hồi lúc ${date}${reason ? ` (lý do: ${reason})` : ''}`,
    en: `Revoked on ${date}${reason ? ` (reason: ${reason})` : ''}`,
  }),
  origin: {
    online: { vi: 'đã kiểm tra trực tuyến', en: 'checked online' },
    embedded: { vi: 'theo dữ liệu kèm trong tài liệu', en: 'from the data in the document' },
    given: { vi: 'theo dữ liệu do nơi kiểm tra cung cấp', en: 'from data the verifier supplied' },
  },
  revocationSource: (source: 'crl' | 'ocsp', date: string): LocalizedText => ({
    vi: `${source === 'crl' ? 'danh sách thu hồi (CRL)' : 'OCSP'} lúc ${date}`,
    en: `${source === 'crl' ? 'revocation list (CRL)' : 'OCSP'} of ${date}`,
  }),
  revocationUnknown: {
    vi: 'Chưa kiểm tra được (không có danh sách thu hồi hay câu trả lời OCSP)',
    en: 'Could not be checked (no revocation list or OCSP answer)',
  },
  revocationNotChecked: { vi: 'Chưa kiểm tra', en: 'Not checked' },
  revocationRevokedFailure: {
    vi: 'Đã bị thu hồi',
    en: 'Revoked',
  },
  revocationCaRevoked: {
    vi: 'Chứng thư số của tổ chức cấp đã bị thu hồi',
    en: "The issuing authority's certificate was revoked",
  },
  revocationSkipped: {
    vi: 'Chưa kiểm tra (chữ ký không qua được bước trước)',
    en: 'Not checked (the signature failed an earlier step)',
  },
  changes: { vi: 'Thay đổi sau chữ ký này', en: 'Changes after this signature' },
  changeNone: { vi: 'Không có thay đổi nào.', en: 'Nothing was changed.' },
  changeValidationData: {
    vi: 'Chỉ thêm dữ liệu kiểm tra hiệu lực (thông tin thu hồi, dấu thời gian) — không phải thay đổi nội dung.',
    en: 'Only validation data was added (revocation information, time-stamps) — not a change to the document.',
  },
  changeAllowed: (what: string, certified: boolean): LocalizedText => ({
    vi: `Có thêm ${what}${certified ? ', được chứng thực của tài liệu cho phép' : ', được phép sau khi ký'}.`,
    en: `${capitalize(what)} were added or changed${certified ? ', as the certification of the document allows' : ', which is allowed after signing'}.`,
  }),
  changeForbidden: (what: string): LocalizedText => ({
    vi: `Có thêm hoặc sửa ${what}, điều mà chứng thực của tài liệu không cho phép.`,
    en: `${capitalize(what)} were added or changed, which the certification of the document does not allow.`,
  }),
  changePageContent: {
    vi: 'Nội dung trang — tài liệu đã bị thay đổi sau chữ ký này.',
    en: 'Page content — the document was changed after this signature.',
  },
  changeKinds: {
    'validation-data': { vi: 'dữ liệu kiểm tra hiệu lực', en: 'validation data' },
    signatures: { vi: 'chữ ký mới', en: 'new signatures' },
    'form-fields': { vi: 'nội dung biểu mẫu', en: 'form fields' },
    annotations: { vi: 'ghi chú', en: 'annotations' },
    'page-content': { vi: 'nội dung trang', en: 'page content' },
  },
  joinAnd: { vi: ' và ', en: ' and ' },
  certified: (p: 1 | 2 | 3): LocalizedText =>
    ({
      1: {
        vi: 'Chữ ký chứng thực: không cho phép thay đổi nào sau khi ký.',
        en: 'Certifying signature: no changes allowed after it.',
      },
      2: {
        vi: 'Chữ ký chứng thực: chỉ cho phép điền biểu mẫu và ký thêm.',
        en: 'Certifying signature: only filling in forms and signing allowed after it.',
      },
      3: {
        vi: 'Chữ ký chứng thực: cho phép điền biểu mẫu, ký thêm và ghi chú.',
        en: 'Certifying signature: filling in forms, signing and annotations allowed after it.',
      },
    })[p],
  reasonLocation: { vi: 'Lý do, nơi ký', en: 'Reason, place' },
  technical: { vi: 'Chi tiết kỹ thuật (cho cán bộ)', en: 'Technical details (for officials)' },
  indication: { vi: 'Kết luận (ETSI EN 319 102-1)', en: 'Indication (ETSI EN 319 102-1)' },
  subIndication: { vi: 'Lý do theo ETSI', en: 'Sub-indication' },
  code: { vi: 'Mã lỗi', en: 'Failure code' },
  detail: { vi: 'Chi tiết', en: 'Detail' },
  field: { vi: 'Trường chữ ký', en: 'Signature field' },
  format: { vi: 'Định dạng', en: 'Format' },
  algorithms: { vi: 'Thuật toán', en: 'Algorithms' },
  serial: { vi: 'Số hiệu chứng thư số', en: 'Certificate serial number' },
  subject: { vi: 'Chủ thể chứng thư số', en: 'Certificate subject' },
  byteRange: { vi: 'Phạm vi byte được ký', en: 'Signed byte range' },
  wholeFile: { vi: '(đến cuối tệp)', en: '(to the end of the file)' },
  notWholeFile: { vi: '(có phần thêm sau)', en: '(more was added after)' },
  changeDetails: { vi: 'Các thay đổi sau', en: 'Changes after' },
});

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
