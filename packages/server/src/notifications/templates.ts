import { type NotificationKind, STATUS_LABELS } from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import type { NotificationData } from './outbox.js';

/** A message's wording: a subject and a plain-text body with `{{placeholders}}`. */
export interface TemplateText {
  readonly subject: string;
  readonly body: string;
}

/** A message ready for a channel. */
export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

type Locale = 'vi' | 'en';

/**
 * The built-in wording, Vietnamese first. Agencies override any of them per kind and language
 * (`notification_templates`); the values are the same for both.
 */
export const DEFAULT_TEMPLATES: Readonly<Record<NotificationKind, Record<Locale, TemplateText>>> = {
  submitted: {
    vi: {
      subject: 'Đã nộp hồ sơ {{code}}',
      body: 'Kính gửi {{applicant}},\n\nHồ sơ {{code}} về thủ tục “{{procedure}}” đã được nộp lúc {{submittedDate}} và đang chờ {{agency}} tiếp nhận.\n\nMã tra cứu: {{code}} — mã xác minh: {{verifier}}. Vui lòng giữ kín mã xác minh.\n\nBước tiếp theo: {{nextStep}}\n\nTheo dõi hồ sơ: {{link}}',
    },
    en: {
      subject: 'Dossier {{code}} submitted',
      body: 'Dear {{applicant}},\n\nDossier {{code}} for “{{procedure}}” was submitted on {{submittedDate}} and is waiting to be received by {{agency}}.\n\nLook-up code: {{code}} — verification code: {{verifier}}. Keep the verification code to yourself.\n\nNext step: {{nextStep}}\n\nTrack the dossier: {{link}}',
    },
  },
  received: {
    vi: {
      subject: 'Hồ sơ {{code}} đã được tiếp nhận — hẹn trả kết quả {{dueDate}}',
      body: 'Kính gửi {{applicant}},\n\n{{agency}} đã tiếp nhận hồ sơ {{code}} về thủ tục “{{procedure}}”.\n\nNgày hẹn trả kết quả: {{dueDate}}.\n\nBước tiếp theo: {{nextStep}}\n\nTheo dõi hồ sơ: {{link}}',
    },
    en: {
      subject: 'Dossier {{code}} received — result due {{dueDate}}',
      body: 'Dear {{applicant}},\n\n{{agency}} has received dossier {{code}} for “{{procedure}}”.\n\nOfficial due date of the result: {{dueDate}}.\n\nNext step: {{nextStep}}\n\nTrack the dossier: {{link}}',
    },
  },
  supplement_requested: {
    vi: {
      subject: 'Hồ sơ {{code}} cần bổ sung giấy tờ',
      body: 'Kính gửi {{applicant}},\n\n{{agency}} đề nghị bổ sung hồ sơ {{code}} (thủ tục “{{procedure}}”) các giấy tờ sau:\n{{documents}}\n\nLý do: {{reason}}\n\nThời gian chờ bổ sung không tính vào thời hạn giải quyết.\n\nBổ sung hồ sơ: {{link}}',
    },
    en: {
      subject: 'Dossier {{code}} needs more documents',
      body: 'Dear {{applicant}},\n\n{{agency}} asks you to supply these documents for dossier {{code}} (“{{procedure}}”):\n{{documents}}\n\nReason: {{reason}}\n\nThe time spent waiting for them does not count towards the processing time.\n\nSupply them: {{link}}',
    },
  },
  payment_requested: {
    vi: {
      subject: 'Hồ sơ {{code}}: đề nghị nộp phí, lệ phí',
      body: 'Kính gửi {{applicant}},\n\nĐể tiếp tục giải quyết hồ sơ {{code}} (thủ tục “{{procedure}}”), vui lòng nộp:\n{{fees}}\n\nNộp trực tuyến: {{link}}',
    },
    en: {
      subject: 'Dossier {{code}}: fees to pay',
      body: 'Dear {{applicant}},\n\nTo continue processing dossier {{code}} (“{{procedure}}”), please pay:\n{{fees}}\n\nPay online: {{link}}',
    },
  },
  result_ready: {
    vi: {
      subject: 'Hồ sơ {{code}} đã có kết quả',
      body: 'Kính gửi {{applicant}},\n\nHồ sơ {{code}} về thủ tục “{{procedure}}” đã có kết quả.\n\nBước tiếp theo: {{nextStep}}\n\nXem hồ sơ: {{link}}',
    },
    en: {
      subject: 'The result of dossier {{code}} is ready',
      body: 'Dear {{applicant}},\n\nThe result of dossier {{code}} (“{{procedure}}”) is ready.\n\nNext step: {{nextStep}}\n\nSee the dossier: {{link}}',
    },
  },
  returned: {
    vi: {
      subject: 'Đã trả kết quả hồ sơ {{code}}',
      body: 'Kính gửi {{applicant}},\n\nKết quả hồ sơ {{code}} (thủ tục “{{procedure}}”) đã được trả ngày {{date}}.\n\nXem hồ sơ: {{link}}',
    },
    en: {
      subject: 'Dossier {{code}}: result delivered',
      body: 'Dear {{applicant}},\n\nThe result of dossier {{code}} (“{{procedure}}”) was delivered on {{date}}.\n\nSee the dossier: {{link}}',
    },
  },
  refused: {
    vi: {
      subject: 'Hồ sơ {{code}} không được chấp thuận',
      body: 'Kính gửi {{applicant}},\n\n{{agency}} thông báo hồ sơ {{code}} (thủ tục “{{procedure}}”) không được chấp thuận.\n\nLý do: {{reason}}\n\nXem hồ sơ: {{link}}',
    },
    en: {
      subject: 'Dossier {{code}} was refused',
      body: 'Dear {{applicant}},\n\n{{agency}} has refused dossier {{code}} (“{{procedure}}”).\n\nReason: {{reason}}\n\nSee the dossier: {{link}}',
    },
  },
  survey_invitation: {
    vi: {
      subject: 'Mời đánh giá mức độ hài lòng — hồ sơ {{code}}',
      body: 'Kính gửi {{applicant}},\n\nCảm ơn bạn đã sử dụng dịch vụ công. Mời bạn dành một phút đánh giá việc giải quyết hồ sơ {{code}} (thủ tục “{{procedure}}”).\n\nĐánh giá: {{link}}',
    },
    en: {
      subject: 'How did we do? — dossier {{code}}',
      body: 'Dear {{applicant}},\n\nThank you for using our online services. Please take a minute to rate how dossier {{code}} (“{{procedure}}”) was handled.\n\nRate it: {{link}}',
    },
  },
  new_dossier: {
    vi: {
      subject: 'Hồ sơ mới {{code}}: {{procedure}}',
      body: '{{agency}} có hồ sơ mới {{code}} về thủ tục “{{procedure}}”, nộp lúc {{submittedDate}}.\n\nTrạng thái: {{status}}\n\nXử lý hồ sơ: {{link}}',
    },
    en: {
      subject: 'New dossier {{code}}: {{procedure}}',
      body: '{{agency}} has a new dossier {{code}} for “{{procedure}}”, submitted on {{submittedDate}}.\n\nStatus: {{status}}\n\nHandle it: {{link}}',
    },
  },
  due_soon: {
    vi: {
      subject: 'Sắp đến hạn: hồ sơ {{code}} hẹn trả {{dueDate}}',
      body: 'Hồ sơ {{code}} (thủ tục “{{procedure}}”) hẹn trả kết quả {{dueDate}}.\n\nTrạng thái: {{status}}\n\nXử lý hồ sơ: {{link}}',
    },
    en: {
      subject: 'Due soon: dossier {{code}}, due {{dueDate}}',
      body: 'Dossier {{code}} (“{{procedure}}”) is due on {{dueDate}}.\n\nStatus: {{status}}\n\nHandle it: {{link}}',
    },
  },
  overdue: {
    vi: {
      subject: 'Quá hạn: hồ sơ {{code}} (hẹn trả {{dueDate}})',
      body: 'Hồ sơ {{code}} (thủ tục “{{procedure}}”) đã quá hạn trả kết quả {{dueDate}}.\n\nTrạng thái: {{status}}\n\nXử lý hồ sơ và gửi văn bản xin lỗi, hẹn lại nếu cần: {{link}}',
    },
    en: {
      subject: 'Overdue: dossier {{code}} (due {{dueDate}})',
      body: 'Dossier {{code}} (“{{procedure}}”) is past its due date, {{dueDate}}.\n\nStatus: {{status}}\n\nHandle it, and send an apology with a new date if needed: {{link}}',
    },
  },
  status_changed: {
    vi: {
      subject: 'Hồ sơ {{code}}: {{status}}',
      body: 'Hồ sơ {{code}} (thủ tục “{{procedure}}”) chuyển sang trạng thái: {{status}}.\n\nXem hồ sơ: {{link}}',
    },
    en: {
      subject: 'Dossier {{code}}: {{status}}',
      body: 'Dossier {{code}} (“{{procedure}}”) is now: {{status}}.\n\nSee the dossier: {{link}}',
    },
  },
};

const NEXT_STEPS: Partial<Record<NotificationKind, Record<Locale, string>>> = {
  submitted: {
    vi: 'cơ quan kiểm tra và tiếp nhận hồ sơ; bạn sẽ nhận thông báo kèm ngày hẹn trả kết quả.',
    en: 'the agency checks and receives the dossier; you will be told the due date of the result.',
  },
  received: {
    vi: 'cơ quan giải quyết hồ sơ; bạn sẽ được báo nếu cần bổ sung hoặc nộp phí.',
    en: 'the agency processes the dossier; you will be told if anything is needed from you.',
  },
  result_ready: {
    vi: 'nhận kết quả trực tuyến hoặc tại nơi nộp hồ sơ, mang theo giấy hẹn.',
    en: 'collect the result online or where you applied, with your receipt.',
  },
};

/** Placeholders an agency's template may use. */
export const TEMPLATE_VARIABLES = [
  'code',
  'procedure',
  'status',
  'nextStep',
  'dueDate',
  'submittedDate',
  'date',
  'reason',
  'documents',
  'fees',
  'link',
  'agency',
  'applicant',
  'verifier',
] as const;

/** Where links in messages point: the public address of the portal. */
export interface LinkBase {
  readonly publicUrl: string;
}

/** The wording for a kind and language: the agency's own if it set one, else the built-in one. */
export async function templateFor(
  db: Queryable,
  agencyCode: string | undefined,
  kind: NotificationKind,
  locale: Locale,
): Promise<TemplateText> {
  if (agencyCode) {
    const [own] = await db.query<TemplateText>(
      'select subject, body from notification_templates where agency_code = $1 and kind = $2 and locale = $3',
      [agencyCode, kind, locale],
    );
    if (own) return own;
  }
  return DEFAULT_TEMPLATES[kind][locale];
}

/** The values of the placeholders, in the recipient's language. */
export function templateValues(
  kind: NotificationKind,
  data: NotificationData,
  locale: Locale,
  links: LinkBase,
  audience: 'citizen' | 'officer',
): Record<string, string> {
  const none = locale === 'vi' ? '(không có)' : '(none)';
  const base = links.publicUrl.replace(/\/+$/, '');
  const link =
    audience === 'officer'
      ? `${base}/officer/dossier.html?id=${encodeURIComponent(data.dossierId)}`
      : kind === 'survey_invitation' || !data.verifier || !data.code
        ? `${base}/my.html`
        : `${base}/track.html#code=${encodeURIComponent(data.code)}&verifier=${encodeURIComponent(data.verifier)}`;
  return {
    code: data.code ?? data.dossierId,
    procedure: data.procedureName ?? data.procedureCode,
    status: STATUS_LABELS[data.status]?.[locale] ?? data.status,
    nextStep: NEXT_STEPS[kind]?.[locale] ?? STATUS_LABELS[data.status]?.[locale] ?? '',
    dueDate: data.dueAt ? formatDate(data.dueAt, locale) : none,
    submittedDate: data.submittedAt ? formatDateTime(data.submittedAt, locale) : none,
    date: formatDate(data.at, locale),
    reason: data.note?.trim() || none,
    documents: data.documents?.length ? data.documents.map((name) => `- ${name}`).join('\n') : none,
    fees: data.fees?.length
      ? data.fees.map((fee) => `- ${fee.name}: ${formatVnd(fee.amount)}`).join('\n')
      : none,
    link,
    agency: data.agencyName ?? data.agencyCode ?? (locale === 'vi' ? 'Cơ quan' : 'The agency'),
    applicant: data.applicantName ?? (locale === 'vi' ? 'Quý ông/bà' : 'Sir or Madam'),
    // Only the applicant's own messages carry it (outbox.ts); for anyone else it is empty.
    verifier: audience === 'citizen' ? (data.verifier ?? '') : '',
  };
}

/**
 * Fills a template: the text part as is; the HTML part with every value and every literal
 * escaped, paragraphs on blank lines and the link as an anchor. An unknown placeholder stays as
 * written, so that an agency sees its typo in the message rather than losing a sentence.
 */
export function render(template: TemplateText, values: Record<string, string>): RenderedMessage {
  const fill = (
    source: string,
    value: (name: string, raw: string) => string,
    literal: (s: string) => string,
  ) =>
    source
      .split(/(\{\{\s*\w+\s*\}\})/)
      .map((part) => {
        const match = /^\{\{\s*(\w+)\s*\}\}$/.exec(part);
        if (!match) return literal(part);
        const name = match[1] as string;
        return Object.hasOwn(values, name) ? value(name, values[name] as string) : literal(part);
      })
      .join('');
  // A subject is one header line: no line breaks from a value (header injection).
  const subject = fill(
    template.subject,
    (_n, raw) => raw,
    (s) => s,
  )
    .replace(/[\r\n]+/g, ' ')
    .trim();
  const text = fill(
    template.body,
    (_n, raw) => raw,
    (s) => s,
  );
  const htmlBody = fill(
    template.body,
    (name, raw) =>
      name === 'link' && /^https?:\/\//.test(raw)
        ? `<a href="${escapeHtml(raw)}">${escapeHtml(raw)}</a>`
        : escapeHtml(raw),
    escapeHtml,
  );
  const paragraphs = htmlBody
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
  const html = `<!doctype html><html lang="${/[À-ỹ]/.test(text) ? 'vi' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em">\n${paragraphs}\n</body></html>`;
  return { subject, text, html };
}

/** Renders a notification in its language with its agency's wording. */
export async function renderNotification(
  db: Queryable,
  notification: {
    kind: NotificationKind;
    locale: Locale;
    data: NotificationData;
    audience: 'citizen' | 'officer';
  },
  links: LinkBase,
): Promise<RenderedMessage> {
  const template = await templateFor(
    db,
    notification.data.agencyCode,
    notification.kind,
    notification.locale,
  );
  return render(
    template,
    templateValues(
      notification.kind,
      notification.data,
      notification.locale,
      links,
      notification.audience,
    ),
  );
}

const ZONE = 'Asia/Ho_Chi_Minh';

/** `06/12/2026` in Vietnamese (ngày/tháng/năm), `6 December 2026` in English; Vietnam time. */
export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    day: locale === 'vi' ? '2-digit' : 'numeric',
    month: locale === 'vi' ? '2-digit' : 'long',
    year: 'numeric',
    timeZone: ZONE,
  }).format(new Date(iso));
}

/** `08:30 ngày 06/12/2026` / `08:30, 6 December 2026`; Vietnam time. */
export function formatDateTime(iso: string, locale: Locale): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: ZONE,
  }).format(new Date(iso));
  return locale === 'vi'
    ? `${time} ngày ${formatDate(iso, 'vi')}`
    : `${time}, ${formatDate(iso, 'en')}`;
}

function formatVnd(amount: number): string {
  return `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
