import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import type { Queryable } from '../db/database.js';
import type { Principal } from '../http/auth.js';
import { DomainError } from './domain-error.js';
import { loadPayment } from './payments.js';
import { getProcedure } from './procedures.js';

const PROVIDERS: Record<string, string> = {
  national_payment_platform: 'Nền tảng thanh toán trực tuyến (Cổng Dịch vụ công quốc gia)',
  vietqr: 'Chuyển khoản ngân hàng (VietQR)',
  cash: 'Nộp trực tiếp tại bộ phận Một cửa',
  demo_gateway: 'Cổng thanh toán thử nghiệm (DEMO — không có tiền thật)',
};

/**
 * The electronic receipt (biên lai điện tử) of a paid payment, as a PDF: the agency, receipt
 * number, payer, dossier, each fee with what it is for and its legal basis, the total, how and
 * when it was paid. A receipt of fees and charges (Decree 123/2020/NĐ-CP) — the reference
 * server's rendering; an agency issuing receipts through its treasury system keeps that number.
 *
 * `font` is a TrueType font that covers Vietnamese (RECEIPT_FONT); without one, the standard
 * PDF font is used and the marks are dropped (the letters stay readable).
 */
export async function paymentReceiptPdf(
  db: Queryable,
  principal: Principal,
  dossierId: string,
  paymentId: string,
  font?: Uint8Array,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const payment = await loadPayment(db, principal, dossierId, paymentId);
  if (payment.status !== 'paid' || !payment.receipt_number || !payment.paid_at) {
    throw new DomainError(
      'conflict',
      { vi: 'Khoản này chưa được thanh toán.', en: 'This payment is not paid.' },
      { subcode: 'not_paid' },
    );
  }
  const { dossier } = payment;
  const [agency] = await db.query<{ name: string }>('select name from agencies where code = $1', [
    dossier.agency_code,
  ]);
  const procedure = await getProcedure(db, dossier.procedure_code).then(
    (p) => p.name,
    () => undefined,
  );

  const pdf = await PDFDocument.create();
  pdf.setTitle(`Biên lai ${payment.receipt_number}`);
  pdf.setLanguage('vi-VN');
  pdf.setCreator('egov-kit');
  let regular: PDFFont;
  let text = (value: string) => value;
  if (font) {
    pdf.registerFontkit(fontkit);
    regular = await pdf.embedFont(font, { subset: true });
  } else {
    regular = await pdf.embedFont(StandardFonts.Helvetica);
    // Marks dropped, case kept ("Biên lai" → "Bien lai"): the standard font has no Vietnamese.
    text = (value) =>
      value
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D')
        .replace(/[^\x20-\x7e]/g, '?');
  }
  const page = pdf.addPage([595.28, 841.89]); // A4
  const margin = 56;
  const width = page.getWidth() - 2 * margin;
  let y = page.getHeight() - margin;
  const line = (value: string, size = 11, options: { right?: number; x?: number } = {}) => {
    const shown = text(value);
    const x =
      options.right !== undefined
        ? options.right - regular.widthOfTextAtSize(shown, size)
        : (options.x ?? margin);
    page.drawText(shown, { x, y, size, font: regular, color: rgb(0, 0, 0) });
  };
  const wrap = (value: string, size: number, maxWidth: number): string[] => {
    const words = text(value).split(/\s+/);
    const lines: string[] = [];
    let current = '';
    for (const word of words) {
      const next = current ? `${current} ${word}` : word;
      if (regular.widthOfTextAtSize(next, size) > maxWidth && current) {
        lines.push(current);
        current = word;
      } else current = next;
    }
    if (current) lines.push(current);
    return lines;
  };
  const paragraph = (value: string, size = 11, x = margin, maxWidth = width) => {
    for (const part of wrap(value, size, maxWidth)) {
      page.drawText(part, { x, y, size, font: regular });
      y -= size * 1.4;
    }
  };

  paragraph(agency?.name ?? dossier.agency_code ?? '', 11);
  y -= 12;
  const title = 'BIÊN LAI THU PHÍ, LỆ PHÍ';
  page.drawText(text(title), {
    x: (page.getWidth() - regular.widthOfTextAtSize(text(title), 16)) / 2,
    y,
    size: 16,
    font: regular,
  });
  y -= 20;
  const subtitle = '(Biên lai điện tử)';
  page.drawText(text(subtitle), {
    x: (page.getWidth() - regular.widthOfTextAtSize(text(subtitle), 10)) / 2,
    y,
    size: 10,
    font: regular,
  });
  y -= 28;
  const paidAt = new Date(payment.paid_at);
  const when = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(paidAt);
  const applicant = dossier.applicant as { fullName?: string; name?: string } | null;
  for (const [label, value] of [
    ['Số biên lai', payment.receipt_number],
    ['Ngày thu', when],
    ['Người nộp', applicant?.fullName ?? applicant?.name ?? ''],
    ['Mã hồ sơ', dossier.code ?? dossier.id],
    ['Thủ tục', procedure ?? dossier.procedure_code],
    ['Hình thức nộp', PROVIDERS[payment.provider] ?? payment.provider],
    ['Mã giao dịch', payment.reference ?? ''],
  ] as const) {
    line(`${label}:`, 11);
    paragraph(value, 11, margin + 110, width - 110);
    y -= 2;
  }
  y -= 12;
  const vnd = (amount: number) => `${new Intl.NumberFormat('vi-VN').format(amount)} đồng`;
  line('Khoản thu', 11);
  line('Số tiền', 11, { right: margin + width });
  y -= 6;
  page.drawLine({ start: { x: margin, y }, end: { x: margin + width, y }, thickness: 0.5 });
  y -= 16;
  for (const item of payment.items) {
    const kind = item.kind === 'charge' ? 'Lệ phí' : 'Phí';
    line(vnd(item.amount), 11, { right: margin + width });
    paragraph(`${kind}: ${item.purpose ?? item.note ?? ''}`.trim(), 11, margin, width - 130);
    if (item.legalBasis) paragraph(`Căn cứ: ${item.legalBasis}`, 9, margin + 12, width - 142);
    y -= 6;
  }
  page.drawLine({
    start: { x: margin, y: y + 8 },
    end: { x: margin + width, y: y + 8 },
    thickness: 0.5,
  });
  y -= 8;
  line('Tổng cộng', 12);
  line(vnd(Number(payment.total)), 12, { right: margin + width });
  y -= 40;
  paragraph(
    'Biên lai được lập bằng phương tiện điện tử, có giá trị như biên lai giấy. Tra cứu hồ sơ bằng mã hồ sơ và mã xác minh trên giấy tiếp nhận.',
    9,
  );
  return {
    bytes: await pdf.save(),
    fileName: `bien-lai-${payment.receipt_number}.pdf`,
  };
}
