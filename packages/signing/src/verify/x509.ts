import {
  type AccessDescription,
  BasicConstraints,
  type Certificate,
  CRLDistributionPoints,
  ExtKeyUsage,
  GeneralName,
  InfoAccess,
} from 'pkijs';
import { equalBytes } from '../internal/bytes.js';
import { readElement } from '../internal/der.js';

/** Extension identifiers (RFC 5280 §4.2) and key purposes this package reads. */
export const X509 = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  nameConstraints: '2.5.29.30',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
  accessOcsp: '1.3.6.1.5.5.7.48.1',
  anyExtendedKeyUsage: '2.5.29.37.0',
  kpEmailProtection: '1.3.6.1.5.5.7.3.4',
  kpTimeStamping: '1.3.6.1.5.5.7.3.8',
  kpOcspSigning: '1.3.6.1.5.5.7.3.9',
  kpDocumentSigning: '1.3.6.1.5.5.7.3.36',
  kpAdobeAuthenticDocuments: '1.2.840.113583.1.1.5',
  kpMicrosoftDocumentSigning: '1.3.6.1.4.1.311.10.3.12',
} as const;

/**
 * Extensions whose meaning this package checks or that do not constrain a path: a certificate
 * with any other extension marked critical is refused (RFC 5280 §4.2).
 */
export const UNDERSTOOD_CRITICAL: ReadonlySet<string> = new Set([
  X509.subjectKeyIdentifier,
  X509.keyUsage,
  X509.subjectAltName,
  X509.basicConstraints,
  X509.crlDistributionPoints,
  X509.certificatePolicies,
  X509.authorityKeyIdentifier,
  X509.extKeyUsage,
  X509.authorityInfoAccess,
  X509.ocspNoCheck,
  '1.3.6.1.5.5.7.1.3', // qcStatements (eIDAS qualified certificates)
  '2.5.29.9', // subjectDirectoryAttributes
  '2.5.29.16', // privateKeyUsagePeriod (informational for verifiers, RFC 5280 §4.2.1.4 note)
]);

function extension(certificate: Certificate, oid: string) {
  return certificate.extensions?.find((item) => item.extnID === oid);
}

/** basicConstraints, or `undefined` when the certificate has none. */
export function basicConstraints(
  certificate: Certificate,
): { readonly ca: boolean; readonly pathLength: number | undefined } | undefined {
  const parsed = extension(certificate, X509.basicConstraints)?.parsedValue;
  if (!(parsed instanceof BasicConstraints)) return undefined;
  const length = parsed.pathLenConstraint;
  const pathLength =
    typeof length === 'number' ? length : length ? Number(length.valueBlock.valueDec) : undefined;
  return { ca: parsed.cA === true, pathLength };
}

/** The extended key usages (key purpose OIDs), or `undefined` when the certificate has none. */
export function extendedKeyUsages(
  certificate: Certificate,
): { readonly purposes: readonly string[]; readonly critical: boolean } | undefined {
  const found = extension(certificate, X509.extKeyUsage);
  if (!found) return undefined;
  const parsed = found.parsedValue;
  return {
    purposes: parsed instanceof ExtKeyUsage ? parsed.keyPurposes : [],
    critical: found.critical,
  };
}

/** True when the certificate carries the OCSP no-check extension (RFC 6960 §4.2.2.2.1). */
export function hasOcspNoCheck(certificate: Certificate): boolean {
  return extension(certificate, X509.ocspNoCheck) !== undefined;
}

/** The critical extensions this package does not understand. */
export function unknownCriticalExtensions(certificate: Certificate): string[] {
  return (certificate.extensions ?? [])
    .filter((item) => item.critical && !UNDERSTOOD_CRITICAL.has(item.extnID))
    .map((item) => item.extnID);
}

/** The http(s) addresses of the CRL distribution points (full names only). */
export function crlUrls(certificate: Certificate): string[] {
  const parsed = extension(certificate, X509.crlDistributionPoints)?.parsedValue;
  if (!(parsed instanceof CRLDistributionPoints)) return [];
  return parsed.distributionPoints.flatMap((point) =>
    Array.isArray(point.distributionPoint) && !point.cRLIssuer
      ? point.distributionPoint.flatMap(httpUri)
      : [],
  );
}

/** The http(s) addresses of the OCSP responders in authorityInfoAccess. */
export function ocspUrls(certificate: Certificate): string[] {
  const parsed = extension(certificate, X509.authorityInfoAccess)?.parsedValue;
  if (!(parsed instanceof InfoAccess)) return [];
  return parsed.accessDescriptions.flatMap((item: AccessDescription) =>
    item.accessMethod === X509.accessOcsp ? httpUri(item.accessLocation) : [],
  );
}

function httpUri(name: GeneralName): string[] {
  // uniformResourceIdentifier [6] IA5String
  if (!(name instanceof GeneralName) || name.type !== 6 || typeof name.value !== 'string')
    return [];
  return /^https?:\/\//i.test(name.value) ? [name.value] : [];
}

/** subjectKeyIdentifier's key id, when present. */
export function subjectKeyId(certificate: Certificate): Uint8Array | undefined {
  const found = extension(certificate, X509.subjectKeyIdentifier);
  return found && readElement(found.extnValue.valueBlock.valueHexView)?.value;
}

/** authorityKeyIdentifier's key id ([0] IMPLICIT), when present. */
export function authorityKeyId(certificate: Certificate): Uint8Array | undefined {
  const found = extension(certificate, X509.authorityKeyIdentifier);
  const outer = found && readElement(found.extnValue.valueBlock.valueHexView);
  const first = outer && readElement(outer.value);
  return first?.tag === 0x80 ? first.value : undefined;
}

/** A certificate's DER bytes (as it was read, not re-encoded). */
export function derOf(certificate: Certificate): Uint8Array {
  let der = ders.get(certificate);
  if (!der) {
    der = new Uint8Array(certificate.toSchema().toBER(false));
    ders.set(certificate, der);
  }
  return der;
}
const ders = new WeakMap<Certificate, Uint8Array>();

/** The same certificate, byte for byte. */
export function sameCertificate(a: Certificate, b: Certificate): boolean {
  return a === b || equalBytes(derOf(a), derOf(b));
}

/** Subject equals issuer (a root, or a CA's re-keyed self-issued certificate). */
export function isSelfIssued(certificate: Certificate): boolean {
  return certificate.subject.isEqual(certificate.issuer);
}

/**
 * Could `issuer` have issued `subject`, going by names and key identifiers alone? The
 * signature is checked after.
 */
export function mayHaveIssued(issuer: Certificate, subject: Certificate): boolean {
  if (!issuer.subject.isEqual(subject.issuer)) return false;
  const aki = authorityKeyId(subject);
  const ski = subjectKeyId(issuer);
  return !aki || !ski || equalBytes(aki, ski);
}
