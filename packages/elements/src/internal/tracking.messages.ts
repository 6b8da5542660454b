import type { DossierStatus, LocalizedText, NoticeKind } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';
import { plural } from '../base/plural.js';

/** A plain sentence per status: where the dossier is and who has it. */
export const STATUS_EXPLAINED = /* @__PURE__ */ defineMessages('tracking.status-explained', {
  draft: {
    vi: 'Hồ sơ chưa được nộp. Chỉ bạn nhìn thấy bản nháp này.',
    en: 'The application has not been submitted. Only you can see this draft.',
  },
  submitted: {
    vi: 'Bạn đã nộp hồ sơ. Cơ quan sẽ kiểm tra và tiếp nhận hồ sơ.',
    en: 'You have submitted the application. The agency will check it and receive it.',
  },
  received: {
    vi: 'Cơ quan đã tiếp nhận hồ sơ và hẹn ngày trả kết quả.',
    en: 'The agency has received your application and set a date for the result.',
  },
  in_progress: {
    vi: 'Cán bộ đang giải quyết hồ sơ của bạn. Bạn chưa cần làm gì.',
    en: 'An official is working on your application. You do not need to do anything yet.',
  },
  awaiting_supplement: {
    vi: 'Cơ quan cần bạn bổ sung giấy tờ. Thời hạn giải quyết tạm dừng cho đến khi bạn bổ sung.',
    en: 'The agency needs more documents from you. The time limit is paused until you send them.',
  },
  awaiting_payment: {
    vi: 'Bạn cần nộp phí, lệ phí. Thời hạn giải quyết tạm dừng cho đến khi bạn nộp.',
    en: 'You need to pay the fees. The time limit is paused until you pay.',
  },
  stopped: {
    vi: 'Cơ quan đã tạm dừng giải quyết hồ sơ.',
    en: 'The agency has suspended work on your application.',
  },
  resolved: {
    vi: 'Đã có kết quả. Bạn có thể nhận kết quả.',
    en: 'The result is ready. You can collect it.',
  },
  returned: {
    vi: 'Bạn đã nhận kết quả. Hồ sơ đã hoàn thành.',
    en: 'You have received the result. The application is complete.',
  },
  rejected: {
    vi: 'Cơ quan không tiếp nhận hồ sơ.',
    en: 'The agency did not accept the application.',
  },
  withdrawn: {
    vi: 'Bạn đã rút hồ sơ. Hồ sơ không được giải quyết tiếp.',
    en: 'You withdrew the application. It will not be processed further.',
  },
} satisfies Record<DossierStatus, LocalizedText>);

/**
 * The same sentences at the officer's desk (`audience="officer"`): the citizen is "công dân",
 * never "bạn" (issue #18).
 */
export const STATUS_EXPLAINED_OFFICER = /* @__PURE__ */ defineMessages(
  'tracking.status-explained-officer',
  {
    draft: {
      vi: 'Hồ sơ chưa được nộp; chỉ người nộp nhìn thấy bản nháp.',
      en: 'Not submitted yet; only the applicant sees the draft.',
    },
    submitted: {
      vi: 'Công dân đã nộp hồ sơ. Hồ sơ chờ cơ quan kiểm tra và tiếp nhận.',
      en: 'The applicant has submitted the application. It waits to be checked and received.',
    },
    received: {
      vi: 'Cơ quan đã tiếp nhận hồ sơ và hẹn ngày trả kết quả.',
      en: 'The agency has received the application and set the result date.',
    },
    in_progress: {
      vi: 'Hồ sơ đang được giải quyết.',
      en: 'The application is being processed.',
    },
    awaiting_supplement: {
      vi: 'Đang chờ công dân bổ sung giấy tờ; thời hạn giải quyết tạm dừng.',
      en: 'Waiting for the applicant to send more documents; the time limit is paused.',
    },
    awaiting_payment: {
      vi: 'Đang chờ công dân nộp phí, lệ phí; thời hạn giải quyết tạm dừng.',
      en: 'Waiting for the applicant to pay; the time limit is paused.',
    },
    stopped: {
      vi: 'Cơ quan đã tạm dừng giải quyết hồ sơ.',
      en: 'The agency has suspended work on the application.',
    },
    resolved: {
      vi: 'Đã có kết quả, chờ trả cho công dân.',
      en: 'The result is ready to hand to the applicant.',
    },
    returned: {
      vi: 'Công dân đã nhận kết quả. Hồ sơ đã hoàn thành.',
      en: 'The applicant has the result. The application is complete.',
    },
    rejected: {
      vi: 'Cơ quan không tiếp nhận hồ sơ.',
      en: 'The agency did not accept the application.',
    },
    withdrawn: {
      vi: 'Công dân đã rút hồ sơ. Hồ sơ không được giải quyết tiếp.',
      en: 'The applicant withdrew the application. It will not be processed further.',
    },
  } satisfies Record<DossierStatus, LocalizedText>,
);

/** The reason a dossier was stopped or refused, shown under the status. */
export const REASON_WORDS = /* @__PURE__ */ defineMessages('tracking.reason', {
  reason: { vi: 'Lý do', en: 'Reason' },
  noReason: {
    vi: 'Cơ quan chưa ghi lý do ở đây; lý do có trong thông báo của cơ quan.',
    en: "The agency gave no reason here; it is in the agency's notice.",
  },
});

/** Notices as a citizen knows them (phiếu, thông báo). */
export const NOTICE_LABELS = /* @__PURE__ */ defineMessages('tracking.notice', {
  receipt: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt and result date' },
  supplement_request: { vi: 'Phiếu yêu cầu bổ sung hồ sơ', en: 'Request for documents' },
  refusal: { vi: 'Phiếu từ chối tiếp nhận hồ sơ', en: 'Refusal notice' },
  payment_request: { vi: 'Thông báo nộp phí, lệ phí', en: 'Payment request' },
  stop: { vi: 'Thông báo tạm dừng giải quyết', en: 'Suspension notice' },
  apology: { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new date' },
  result: { vi: 'Thông báo có kết quả', en: 'Result notice' },
} satisfies Record<NoticeKind, LocalizedText>);

/** Why a dossier could not be loaded, as the tracker and the lookup say it. */
export const LOAD_ERRORS = /* @__PURE__ */ defineMessages('tracking.load', {
  noMatch: {
    vi: 'Không có hồ sơ nào khớp mã hồ sơ và mã xác thực này. Kiểm tra lại cả hai mã in trên giấy tiếp nhận.',
    en: 'No application matches this code and verification code. Check both on your receipt.',
  },
  unknownCode: {
    vi: 'Không tìm thấy hồ sơ có mã này. Kiểm tra lại mã hồ sơ in trên giấy tiếp nhận.',
    en: 'No application has this code. Check the application code printed on your receipt.',
  },
  wrongVerifier: {
    vi: 'Mã xác thực không đúng. Nhập đúng mã xác thực in trên giấy tiếp nhận.',
    en: 'The verification code is wrong. Enter the verification code printed on your receipt.',
  },
  tooMany: (seconds: number): LocalizedText => {
    const minutes = Math.ceil(seconds / 60);
    return seconds < 60
      ? {
          vi: `Bạn đã tra cứu quá nhiều lần. Hãy thử lại sau ${seconds} giây.`,
          en: plural('en', seconds, {
            one: `You have looked up too many times. Try again in ${seconds} second.`,
            other: `You have looked up too many times. Try again in ${seconds} seconds.`,
          }),
        }
      : {
          vi: `Bạn đã tra cứu quá nhiều lần. Hãy thử lại sau ${minutes} phút.`,
          en: plural('en', minutes, {
            one: `You have looked up too many times. Try again in ${minutes} minute.`,
            other: `You have looked up too many times. Try again in ${minutes} minutes.`,
          }),
        };
  },
  failed: {
    vi: 'Không tải được thông tin hồ sơ. Kiểm tra kết nối mạng rồi thử lại.',
    en: 'The application could not be loaded. Check your connection and try again.',
  },
});
