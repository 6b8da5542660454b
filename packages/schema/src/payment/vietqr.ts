/**
 * VietQR: the NAPAS profile of the EMVCo merchant-presented QR code (EMV® QRCPS-MPM 1.1, NAPAS
 * "Quy cách kỹ thuật mã QR chuyển nhanh 24/7 VietQR" 1.5). A payload is a string of TLV fields —
 * a two-digit tag, a two-digit length, the value — ending with tag 63, the CRC.
 *
 * Written here rather than taken from a package: the payload is ~40 lines of rules, and the
 * libraries that build it (e.g. `vietnam-qr-pay`) also parse, carry bank lists and Node globals
 * that a browser page does not need. Dependency-free, so the element and the server share it.
 */

/** The NAPAS application identifier (tag 38, sub-tag 00). */
export const NAPAS_GUID = 'A000000727';
/** NAPAS service code: transfer to an account (tag 38, sub-tag 02); QRIBFTTC is to a card. */
export const VIETQR_ACCOUNT_SERVICE = 'QRIBFTTA';

/** What a VietQR payment to an account carries. */
export interface VietQrInput {
  /** The receiving bank's 6-digit NAPAS BIN (e.g. 970436 for Vietcombank). */
  readonly bankBin: string;
  /** The receiving account number (up to 19 characters). */
  readonly accountNumber: string;
  /** Whole đồng; omitted for a static code the payer types the amount into. */
  readonly amount?: number | undefined;
  /** Tag 62 sub-tag 08, purpose of transaction: the transfer content, e.g. the payment reference. */
  readonly purpose?: string | undefined;
  /** Tag 62 sub-tag 01, bill number: e.g. the dossier code. */
  readonly billNumber?: string | undefined;
}

/** A reason a VietQR payload cannot be built. */
export class InvalidVietQrError extends Error {
  override name = 'InvalidVietQrError';
}

/**
 * The payload of a dynamic VietQR (point of initiation 12: one payment, one amount).
 * Only characters banking apps accept in the transfer content survive: letters without marks,
 * digits, space and `-`; a value that would need more is refused, never silently cut.
 */
export function vietQrPayload(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bankBin)) throw new InvalidVietQrError('bankBin must be 6 digits');
  if (!/^[0-9A-Za-z]{1,19}$/.test(input.accountNumber)) {
    throw new InvalidVietQrError('accountNumber must be 1–19 letters or digits');
  }
  if (input.amount !== undefined && (!Number.isSafeInteger(input.amount) || input.amount <= 0)) {
    throw new InvalidVietQrError('amount must be a positive whole number of đồng');
  }
  if (input.amount !== undefined && String(input.amount).length > 13) {
    throw new InvalidVietQrError('amount is longer than 13 digits');
  }
  const beneficiary = tlv('00', input.bankBin) + tlv('01', input.accountNumber);
  const merchant =
    tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', VIETQR_ACCOUNT_SERVICE);
  const additional =
    (input.billNumber ? tlv('01', plain(input.billNumber, 'billNumber')) : '') +
    (input.purpose ? tlv('08', plain(input.purpose, 'purpose')) : '');
  const body =
    tlv('00', '01') +
    tlv('01', input.amount === undefined ? '11' : '12') +
    tlv('38', merchant) +
    tlv('53', '704') +
    (input.amount === undefined ? '' : tlv('54', String(input.amount))) +
    tlv('58', 'VN') +
    (additional ? tlv('62', additional) : '') +
    '6304';
  return body + crc16Ccitt(body);
}

/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF) over the payload up to and including
 * "6304", as four upper-case hex digits — EMVCo's checksum.
 */
export function crc16Ccitt(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

function tlv(tag: string, value: string): string {
  if (value.length > 99) throw new InvalidVietQrError(`tag ${tag} is longer than 99 characters`);
  return tag + String(value.length).padStart(2, '0') + value;
}

function plain(value: string, field: string): string {
  if (!/^[0-9A-Za-z -]{1,25}$/.test(value)) {
    throw new InvalidVietQrError(
      `${field} must be 1–25 letters without marks, digits, spaces or "-"`,
    );
  }
  return value;
}
