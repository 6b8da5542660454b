/// <reference path="./pdf-lib-bundle.d.ts" />
/**
 * A throw-away PKI made in the browser at test time with WebCrypto and pkijs: a root CA and
 * signer certificates (valid, expired, not yet valid), ECDSA P-256. No key is committed.
 *
 * pkijs and pdf-lib are dependencies of @egov-kit/signing, not of the elements: they are
 * imported from that package's folder.
 */
import * as asn1js from '../../signing/node_modules/asn1js/build/index.js';
import { PDFDocument, StandardFonts } from '../../signing/node_modules/pdf-lib/dist/pdf-lib.esm.js';
import * as pkijs from '../../signing/node_modules/pkijs/build/index.js';

export interface Issued {
  readonly der: Uint8Array;
  readonly pem: string;
  readonly privateKey: CryptoKey;
  readonly pkcs8: Uint8Array;
}

const DAY = 86_400_000;
let serial = 0x1000;

function pem(der: Uint8Array, label = 'CERTIFICATE'): string {
  let binary = '';
  for (const byte of der) binary += String.fromCharCode(byte);
  const base64 = btoa(binary).replace(/.{64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${base64}\n-----END ${label}-----\n`;
}

function cn(value: string) {
  return [
    new pkijs.AttributeTypeAndValue({
      type: '2.5.4.6',
      value: new asn1js.PrintableString({ value: 'VN' }),
    }),
    new pkijs.AttributeTypeAndValue({
      type: '2.5.4.10',
      value: new asn1js.Utf8String({ value: 'egov-kit test' }),
    }),
    new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value }) }),
  ];
}

/** Issues a certificate; a root when `issuer` is absent. */
export async function issue(
  commonName: string,
  options: { issuer?: Issued; ca?: boolean; notBefore?: Date; notAfter?: Date } = {},
): Promise<Issued> {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  serial += 1;
  certificate.serialNumber = new asn1js.Integer({ value: serial });
  certificate.subject.typesAndValues.push(...cn(commonName));
  const issuerCertificate = options.issuer
    ? pkijs.Certificate.fromBER(options.issuer.der as Uint8Array<ArrayBuffer>)
    : certificate;
  if (options.issuer) certificate.issuer = issuerCertificate.subject;
  else certificate.issuer.typesAndValues.push(...cn(commonName));
  certificate.notBefore.value = options.notBefore ?? new Date(Date.now() - DAY);
  certificate.notAfter.value = options.notAfter ?? new Date(Date.now() + 365 * DAY);
  const keyUsage = options.ca
    ? new asn1js.BitString({ valueHex: new Uint8Array([0x06]).buffer, unusedBits: 1 })
    : new asn1js.BitString({ valueHex: new Uint8Array([0xc0]).buffer, unusedBits: 6 });
  certificate.extensions = [
    new pkijs.Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: Boolean(options.ca) }).toSchema().toBER(false),
    }),
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: keyUsage.toBER(false) }),
  ];
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey);
  await certificate.sign(options.issuer?.privateKey ?? keys.privateKey, 'SHA-256');
  const der = new Uint8Array(certificate.toSchema(true).toBER(false));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { der, pem: pem(der), privateKey: keys.privateKey, pkcs8 };
}

export interface TestPki {
  readonly root: Issued;
  readonly signer: Issued;
  readonly expired: Issued;
  readonly notYetValid: Issued;
  /** The signer's key as PKCS #8 PEM, as `WebCryptoSigner.fromPkcs8` takes it. */
  readonly signerKeyPem: string;
}

let made: Promise<TestPki> | undefined;

/** The PKI, made once per test file. */
export function testPki(): Promise<TestPki> {
  made ??= (async () => {
    const root = await issue('egov-kit Test Root CA', { ca: true });
    const signer = await issue('Nguyễn Văn Thử', { issuer: root });
    const expired = await issue('Trần Hết Hạn', {
      issuer: root,
      notBefore: new Date(Date.now() - 400 * DAY),
      notAfter: new Date(Date.now() - 30 * DAY),
    });
    const notYetValid = await issue('Lê Chưa Đến', {
      issuer: root,
      notBefore: new Date(Date.now() + 30 * DAY),
      notAfter: new Date(Date.now() + 400 * DAY),
    });
    return { root, signer, expired, notYetValid, signerKeyPem: pem(signer.pkcs8, 'PRIVATE KEY') };
  })();
  return made;
}

/** A small real PDF with one page of text, made with pdf-lib. */
export async function smallPdf(text = 'Tờ khai đăng ký khai sinh'): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  // Helvetica has no Vietnamese letters: write the text without its marks.
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd');
  page.drawText(plain, { x: 50, y: 780, size: 14, font });
  return pdf.save({ useObjectStreams: false });
}
