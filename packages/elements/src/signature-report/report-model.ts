// Types only: the report reads results, it never verifies, so pkijs and pdf-lib stay out.
import type {
  CertificateInfo,
  ChangeKind,
  CheckedAtSource,
  PadesVerification,
  PdfSignatureReport,
  RevocationStatus,
  SignatureVerification,
  TimestampReport,
  VerificationFailureResult,
  VerifiedSigner,
} from '@egov-kit/signing';
import type { Translatable } from '../base/localization.js';
import { signatureReportMessages as t } from './signature-report.messages.js';

/** What a result given to the report can be: a PDF's, or one CMS signature's. */
export type SignatureReportResult = PadesVerification | SignatureVerification;

/**
 * The decision a person takes from a check (ETSI EN 319 102-1 §5.1.3 in plain words):
 * `valid` (TOTAL-PASSED), `invalid` (TOTAL-FAILED: forged, changed, revoked) or
 * `indeterminate` (cannot be decided with what is known now).
 */
export type Verdict = 'valid' | 'invalid' | 'indeterminate';

/** A time proven by a time-stamp, and by whom. */
export interface ProvenTime {
  readonly time: Date;
  readonly kind: 'signature' | 'document';
  readonly authority: string | undefined;
}

/** What a person reads about the revocation of the signer's certificate. */
export type RevocationLine =
  | { readonly kind: 'good'; readonly status: Extract<RevocationStatus, { status: 'good' }> }
  | { readonly kind: 'revoked'; readonly status: Extract<RevocationStatus, { status: 'revoked' }> }
  | { readonly kind: 'revoked-failure' }
  | { readonly kind: 'ca-revoked' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'not-checked' }
  | { readonly kind: 'skipped' };

/** What later revisions of a PDF did, as the report says it. */
export type ChangeLine =
  | { readonly kind: 'none' }
  | { readonly kind: 'validation-data' }
  | { readonly kind: 'allowed'; readonly what: readonly ChangeKind[]; readonly certified: boolean }
  | { readonly kind: 'forbidden'; readonly what: readonly ChangeKind[] }
  | { readonly kind: 'page-content' };

/** One signature (or a PDF's document time-stamp, or one signer of a CMS signature). */
export interface ReportEntry {
  readonly type: 'signature' | 'document-timestamp';
  readonly verdict: Verdict;
  /** The sentence for this entry: the result's own message when it failed. */
  readonly message: Translatable | undefined;
  readonly certificate: CertificateInfo | undefined;
  /** Display name: the certificate's common name, else the PDF's `/Name`, else the field. */
  readonly who: string | undefined;
  /** Vietnamese identifiers in the subject (`UID=CCCD:…`, `MST:…`), as written. */
  readonly identifiers: readonly string[];
  readonly organization: string | undefined;
  /** Issuing CAs' names, the signer's own CA first; empty when the chain was not checked. */
  readonly chain: readonly string[];
  /**
   * True when `chain` is a validated path that ends at a trusted root; a failed signature's
   * chain is only the path that came closest.
   */
  readonly chainTrusted: boolean;
  /** The issuer's name, for when the chain was not checked. */
  readonly issuer: string | undefined;
  readonly proven: ProvenTime | undefined;
  readonly claimed: Date | undefined;
  readonly checkedAt: Date | undefined;
  readonly checkedAtSource: CheckedAtSource | undefined;
  readonly revocation: RevocationLine;
  /** `undefined` for a detached (CAdES) signature: it has no later revisions. */
  readonly changes: ChangeLine | undefined;
  readonly certification: 1 | 2 | 3 | undefined;
  readonly reason: string | undefined;
  readonly location: string | undefined;
  readonly technical: TechnicalDetails;
}

/** What an official or a developer checks. */
export interface TechnicalDetails {
  readonly indication: string;
  readonly subIndication: string | undefined;
  readonly code: string | undefined;
  readonly reason: string | undefined;
  readonly fieldName: string | undefined;
  readonly subFilter: string | undefined;
  readonly algorithms: string | undefined;
  readonly serialNumber: string | undefined;
  readonly subject: string | undefined;
  readonly byteRange: readonly number[] | undefined;
  readonly coversWholeFile: boolean | undefined;
  readonly changeDetails: readonly string[];
}

/** The whole report: a verdict and its sentence, then every signature. */
export interface ReportModel {
  readonly verdict: Verdict;
  readonly message: Translatable;
  readonly entries: readonly ReportEntry[];
  /** True for a PDF's result (changes after signing are part of it). */
  readonly pdf: boolean;
}

/** Reads a result of `verifyPades`, `verifyCades` or `verifySignedData` into what the report shows. */
export function reportModel(result: SignatureReportResult): ReportModel {
  return 'signatures' in result ? padesModel(result) : cmsModel(result);
}

function padesModel(result: PadesVerification): ReportModel {
  const entries = result.signatures.map(pdfEntry);
  const signatures = entries.filter((entry) => entry.type === 'signature');
  if (result.ok) {
    return {
      verdict: 'valid',
      message: signatures.length > 1 ? t.passedAll(signatures.length) : t.passedPdf,
      entries,
      pdf: true,
    };
  }
  if (result.code === 'invalid-signature') {
    // The PDF's sentence says only "an invalid signature": the first one that is not valid says why.
    const failed = entries.find((entry) => entry.verdict === 'invalid');
    const undecided = entries.find(
      (entry) => entry.verdict === 'indeterminate' && entry.type === 'signature',
    );
    const worst = failed ?? undecided;
    return {
      verdict: failed ? 'invalid' : 'indeterminate',
      message: worst?.message ?? result.message,
      entries,
      pdf: true,
    };
  }
  // `no-signature` and `modified-after-signing` are failures whatever the signatures say.
  return { verdict: 'invalid', message: result.message, entries, pdf: true };
}

function cmsModel(result: SignatureVerification): ReportModel {
  if (result.ok) {
    return {
      verdict: 'valid',
      message: t.passed,
      entries: result.signers.map((signer) => signerEntry(signer)),
      pdf: false,
    };
  }
  return {
    verdict: verdictOf(result),
    message: result.message,
    entries: [failureEntry(result)],
    pdf: false,
  };
}

function verdictOf(failure: VerificationFailureResult): Verdict {
  return failure.indication === 'TOTAL-FAILED' ? 'invalid' : 'indeterminate';
}

function pdfEntry(report: PdfSignatureReport): ReportEntry {
  const { result } = report;
  const base =
    report.type === 'document-timestamp'
      ? timestampEntry(report)
      : result.ok
        ? signerEntry(result.signers[0], report)
        : failureEntry(result, report);
  const changes = changeLine(report);
  let verdict = base.verdict;
  let message = base.message;
  if (report.type === 'signature' && !report.changesPermitted) {
    verdict = 'invalid';
    if (result.ok) message = changes.kind === 'page-content' ? t.changePageContent : undefined;
  }
  // A document time-stamp that proves no time (an untrusted TSA) does not make the PDF invalid,
  // but it is not valid either: only a forged or broken one is invalid.
  if (report.type === 'document-timestamp' && !result.ok) {
    verdict =
      result.code === 'tampered' || result.code === 'malformed' ? 'invalid' : 'indeterminate';
  }
  return {
    ...base,
    verdict,
    message,
    who: base.who ?? report.name ?? report.fieldName,
    changes,
    certification: report.certification,
    reason: report.reason,
    location: report.location,
    claimed: report.type === 'signature' ? (base.claimed ?? report.signingTime) : undefined,
    technical: {
      ...base.technical,
      fieldName: report.fieldName,
      subFilter: report.subFilter,
      byteRange: report.byteRange,
      coversWholeFile: report.coversWholeFile,
      changeDetails: report.changes.details,
    },
  };
}

function changeLine(report: PdfSignatureReport): ChangeLine {
  const kinds = report.changes.kinds;
  if (kinds.includes('page-content')) return { kind: 'page-content' };
  const beyondData = kinds.filter((kind) => kind !== 'validation-data');
  if (!beyondData.length) return kinds.length ? { kind: 'validation-data' } : { kind: 'none' };
  if (!report.changesPermitted) return { kind: 'forbidden', what: beyondData };
  return { kind: 'allowed', what: beyondData, certified: report.certification !== undefined };
}

const EMPTY_TECHNICAL: TechnicalDetails = {
  indication: 'TOTAL-PASSED',
  subIndication: undefined,
  code: undefined,
  reason: undefined,
  fieldName: undefined,
  subFilter: undefined,
  algorithms: undefined,
  serialNumber: undefined,
  subject: undefined,
  byteRange: undefined,
  coversWholeFile: undefined,
  changeDetails: [],
};

function signerEntry(signer: VerifiedSigner | undefined, report?: PdfSignatureReport): ReportEntry {
  const certificate = signer?.certificate;
  const names = certificate ? subjectNames(certificate) : undefined;
  return {
    type: 'signature',
    verdict: 'valid',
    message: undefined,
    certificate,
    who: certificate?.commonName,
    identifiers: names?.identifiers ?? [],
    organization: names?.organization,
    chain: signer ? chainNames(signer.chain) : [],
    chainTrusted: signer?.trusted ?? false,
    issuer: certificate ? issuerName(certificate) : undefined,
    proven: signer
      ? provenTime(signer.timestamps, signer.checkedAtSource, signer.checkedAt)
      : undefined,
    claimed: signer?.signingTime ?? report?.signingTime,
    checkedAt: signer?.checkedAt,
    checkedAtSource: signer?.checkedAtSource,
    revocation: revocationLine(signer),
    changes: undefined,
    certification: undefined,
    reason: undefined,
    location: undefined,
    technical: {
      ...EMPTY_TECHNICAL,
      algorithms: signer ? `${signer.signatureAlgorithm}, ${signer.digestAlgorithm}` : undefined,
      serialNumber: certificate?.serialNumber,
      subject: certificate?.subject,
    },
  };
}

function failureEntry(
  failure: VerificationFailureResult,
  report?: PdfSignatureReport,
): ReportEntry {
  const certificate = failure.certificate;
  const names = certificate ? subjectNames(certificate) : undefined;
  // The path that came closest starts with the signer's own certificate.
  const path = failure.chain ?? [];
  const issuers =
    path[0] && certificate && path[0].serialNumber === certificate.serialNumber
      ? path.slice(1)
      : path;
  return {
    type: 'signature',
    verdict: verdictOf(failure),
    message: failure.message,
    certificate,
    who: certificate?.commonName,
    identifiers: names?.identifiers ?? [],
    organization: names?.organization,
    chain: chainNames(issuers),
    chainTrusted: false,
    issuer: certificate ? issuerName(certificate) : undefined,
    proven: provenTime(failure.timestamps ?? [], undefined, undefined),
    claimed: report?.signingTime,
    checkedAt: undefined,
    checkedAtSource: undefined,
    revocation: failureRevocation(failure),
    changes: undefined,
    certification: undefined,
    reason: undefined,
    location: undefined,
    technical: {
      ...EMPTY_TECHNICAL,
      indication: failure.indication,
      subIndication: failure.subIndication,
      code: failure.code,
      reason: failure.reason,
      serialNumber: certificate?.serialNumber,
      subject: certificate?.subject,
    },
  };
}

function timestampEntry(report: PdfSignatureReport): ReportEntry {
  const stamp = report.timestamp;
  const authority = stamp?.tsa;
  const failed = report.result.ok ? undefined : report.result;
  return {
    type: 'document-timestamp',
    verdict: failed ? verdictOf(failed) : 'valid',
    message: failed?.message,
    certificate: authority,
    who: authority?.commonName,
    identifiers: [],
    organization: undefined,
    chain: stamp?.ok ? chainNames(stamp.path.slice(1)) : [],
    chainTrusted: stamp?.ok ?? false,
    issuer: authority ? issuerName(authority) : undefined,
    proven: stamp?.ok
      ? { time: stamp.genTime, kind: 'document', authority: authority?.commonName }
      : undefined,
    claimed: undefined,
    checkedAt: undefined,
    checkedAtSource: undefined,
    revocation: { kind: 'not-checked' },
    changes: undefined,
    certification: undefined,
    reason: undefined,
    location: undefined,
    technical: {
      ...EMPTY_TECHNICAL,
      indication: failed?.indication ?? 'TOTAL-PASSED',
      subIndication: failed?.subIndication,
      code: failed?.code,
      reason: failed?.reason,
      algorithms: stamp?.ok ? stamp.hashAlgorithm : undefined,
      serialNumber: stamp?.ok ? stamp.serialNumber : undefined,
      subject: authority?.subject,
    },
  };
}

/**
 * The time a valid time-stamp proves. With `checkedAtSource: 'timestamp'` the verifier used it:
 * that time is the one shown; otherwise the earliest valid time-stamp found.
 */
function provenTime(
  timestamps: readonly TimestampReport[],
  source: CheckedAtSource | undefined,
  checkedAt: Date | undefined,
): ProvenTime | undefined {
  const valid = timestamps.filter(
    (stamp): stamp is TimestampReport & { time: Date } => stamp.ok && stamp.time !== undefined,
  );
  if (!valid.length) return undefined;
  const used =
    (source === 'timestamp' && checkedAt
      ? valid.find((stamp) => stamp.time.getTime() === checkedAt.getTime())
      : undefined) ?? [...valid].sort((a, b) => a.time.getTime() - b.time.getTime())[0];
  if (!used) return undefined;
  return { time: used.time, kind: used.kind, authority: used.authority?.commonName };
}

function revocationLine(signer: VerifiedSigner | undefined): RevocationLine {
  const status = signer?.revocation[0];
  if (!status) return { kind: 'not-checked' };
  if (status.status === 'good') return { kind: 'good', status };
  if (status.status === 'revoked') return { kind: 'revoked', status };
  return status.declared ? { kind: 'unknown' } : { kind: 'not-checked' };
}

function failureRevocation(failure: VerificationFailureResult): RevocationLine {
  switch (failure.subIndication) {
    case 'REVOKED':
    case 'REVOKED_NO_POE':
      return { kind: 'revoked-failure' };
    case 'REVOKED_CA_NO_POE':
      return { kind: 'ca-revoked' };
    case 'TRY_LATER':
      return { kind: 'unknown' };
    default:
      return { kind: 'skipped' };
  }
}

function chainNames(chain: readonly CertificateInfo[]): string[] {
  return chain.map((certificate) => certificate.commonName ?? certificate.subject);
}

function issuerName(certificate: CertificateInfo): string {
  return attributes(certificate.issuer).find(([key]) => key === 'CN')?.[1] ?? certificate.issuer;
}

// Vietnamese CAs put the holder's identity number in UID ("CCCD:…", "CMND:…", "MST:…") and
// sometimes in serialNumber with the same prefixes.
const IDENTIFIER_PREFIX = /^(CCCD|CMND|MST|HC|CMT|MNS|BHXH|DDCN)\s*[:-]/i;

function subjectNames(certificate: CertificateInfo): {
  identifiers: string[];
  organization: string | undefined;
} {
  const pairs = attributes(certificate.subject);
  const identifiers = pairs
    .filter(
      ([key, value]) => key === 'UID' || (key === 'serialNumber' && IDENTIFIER_PREFIX.test(value)),
    )
    .map(([, value]) => value);
  const organization = pairs.find(([key]) => key === 'O')?.[1];
  return { identifiers: [...new Set(identifiers)], organization };
}

/** `CN=A\, B, UID=CCCD:1` → `[['CN', 'A, B'], ['UID', 'CCCD:1']]` (RFC 4514 escapes undone). */
export function attributes(dn: string): [string, string][] {
  const pairs: [string, string][] = [];
  let current = '';
  const parts: string[] = [];
  for (let i = 0; i < dn.length; i++) {
    const char = dn[i];
    if (char === '\\' && i + 1 < dn.length) {
      current += char + dn[i + 1];
      i++;
    } else if (char === ',' || char === '+') {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  for (const part of parts) {
    const equals = part.indexOf('=');
    if (equals < 1) continue;
    const key = part.slice(0, equals).trim();
    const value = unescapeValue(part.slice(equals + 1).trim());
    pairs.push([key, value]);
  }
  return pairs;
}

function unescapeValue(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}
