import * as asn1js from 'asn1js';
import type { Certificate, RelativeDistinguishedNames } from 'pkijs';
import { toHex } from '../internal/bytes.js';
import { OID } from '../internal/oids.js';

/** The facts about a certificate a person or a program checks. */
export interface CertificateInfo {
  /** Subject distinguished name, RFC 4514 order (`CN=…, O=…, C=VN`). */
  readonly subject: string;
  /** The subject's common name (the person or organisation), when it has one. */
  readonly commonName: string | undefined;
  /** Issuer distinguished name (the certification authority). */
  readonly issuer: string;
  /** Serial number, lower-case hexadecimal. */
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Key usages the certificate allows (`digitalSignature`, `nonRepudiation`, …); empty when it does not say. */
  readonly keyUsage: readonly KeyUsage[];
  /** The certificate itself, DER. */
  readonly der: Uint8Array;
}

/** The key usages of RFC 5280 §4.2.1.3, in bit order. */
export const KEY_USAGES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

/** One of {@link KEY_USAGES}. */
export type KeyUsage = (typeof KEY_USAGES)[number];

// Short names of RFC 4514 §3, plus the ones Vietnamese certificates carry (UID holds
// "CMND:…", "CCCD:…" or "MST:…" there; ST the province).
const NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.42': 'GN',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'E',
};

/** Reads the facts of a pkijs certificate. */
export function certificateInfo(certificate: Certificate, der: Uint8Array): CertificateInfo {
  const subject = formatName(certificate.subject);
  return {
    subject,
    commonName: nameValue(certificate.subject, '2.5.4.3'),
    issuer: formatName(certificate.issuer),
    serialNumber: toHex(new Uint8Array(certificate.serialNumber.valueBlock.valueHexView)),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
    keyUsage: keyUsages(certificate) ?? [],
    der,
  };
}

/** The key usages a certificate declares, or `undefined` when it has no KeyUsage extension. */
export function keyUsages(certificate: Certificate): KeyUsage[] | undefined {
  const extension = certificate.extensions?.find((ext) => ext.extnID === OID.keyUsage);
  if (!extension) return undefined;
  const parsed = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.BitString)) return [];
  const bits = parsed.result.valueBlock.valueHexView;
  return KEY_USAGES.filter((_, index) => {
    const byte = bits[index >> 3] ?? 0;
    return (byte & (0x80 >> (index & 7))) !== 0;
  });
}

function attributeText(value: unknown): string {
  const block = (value as { valueBlock?: { value?: unknown } }).valueBlock;
  if (block && typeof block.value === 'string') return block.value;
  return '';
}

function nameValue(name: RelativeDistinguishedNames, oid: string): string | undefined {
  const entry = name.typesAndValues.find((item) => item.type === oid);
  return entry ? attributeText(entry.value) : undefined;
}

function formatName(name: RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((item) => `${NAMES[item.type] ?? item.type}=${escapeValue(attributeText(item.value))}`)
    .reverse()
    .join(', ');
}

function escapeValue(value: string): string {
  return value.replace(/([,+"\\<>;])/g, '\\$1').replace(/^([ #])|( )$/g, '\\$1$2');
}
