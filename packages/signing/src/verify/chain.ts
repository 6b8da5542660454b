import type { Certificate } from 'pkijs';
import { weakCertificate } from './algorithms.js';
import { keyUsages } from './certificate-info.js';
import type { SubIndication } from './report.js';
import type { RevocationChecker, RevocationStatus } from './revocation.js';
import {
  basicConstraints,
  extendedKeyUsages,
  isSelfIssued,
  mayHaveIssued,
  sameCertificate,
  unknownCriticalExtensions,
  X509,
} from './x509.js';

/**
 * What the end certificate of a path is used for:
 * - `signing`: signing documents (CAdES, PAdES);
 * - `timestamping`: an RFC 3161 time-stamping authority;
 * - `ocsp-signing`: a delegated OCSP responder.
 */
export type CertificatePurpose = 'signing' | 'timestamping' | 'ocsp-signing';

/** When missing revocation information makes a validation indeterminate. */
export type RevocationPolicy =
  /** Every certificate of the path but the root must have a known status. */
  | 'require'
  /**
   * Certificates that name a CRL distribution point or an OCSP responder must have a known
   * status; those that name none (a CA that publishes no revocation information) pass.
   */
  | 'when-declared'
  /** Revocation is not checked (a revoked certificate is still refused when a CRL or OCSP answer at hand says so). */
  | 'off';

/** Inputs of {@link validateChain}. */
export interface ChainOptions {
  /** Trust anchors. */
  readonly roots: readonly Certificate[];
  /** Certificates that may be intermediate CAs (from the signature, the caller, a PDF's DSS). */
  readonly candidates: readonly Certificate[];
  /** The time to validate at: the proven time of the signature, or now. */
  readonly at: Date;
  readonly purpose: CertificatePurpose;
  /** Where revocation statuses come from; without it revocation is not checked. */
  readonly revocation?: RevocationChecker;
  /** Default `when-declared`. */
  readonly revocationPolicy?: RevocationPolicy;
}

/** A validated path. */
export interface ValidChain {
  readonly ok: true;
  /** The end certificate first, the trust anchor last. */
  readonly path: readonly Certificate[];
  /** The revocation status of each certificate of the path but the anchor, in path order. */
  readonly revocation: readonly RevocationStatus[];
}

/** Why no path holds. */
export interface ChainFailure {
  readonly ok: false;
  readonly subIndication: SubIndication;
  /** A developer's detail (English). */
  readonly reason: string;
  /** The path that came closest, when one reached a trust anchor. */
  readonly path?: readonly Certificate[];
  /** For `OUT_OF_BOUNDS_NO_POE`: whether the failing certificate was expired or not yet valid. */
  readonly bounds?: 'expired' | 'not-yet-valid';
  /** For revocations: when the certificate was revoked. */
  readonly revokedAt?: Date;
  /** True when the failure concerns the end certificate, not a CA. */
  readonly endCertificate?: boolean;
}

/** Outcome of {@link validateChain}. */
export type ChainResult = ValidChain | ChainFailure;

const MAX_DEPTH = 10;
/**
 * Bounds on the search, whatever a signature carries: a CMS may hold hundreds of certificates
 * with the same names to make path building explode. Past these, no path is found.
 */
const MAX_ISSUER_CHECKS = 256;
const MAX_COMPLETE_PATHS = 16;

/** Key purposes that allow signing documents (besides having no extended key usage at all). */
const SIGNING_PURPOSES: ReadonlySet<string> = new Set([
  X509.anyExtendedKeyUsage,
  X509.kpEmailProtection,
  X509.kpDocumentSigning,
  X509.kpAdobeAuthenticDocuments,
  X509.kpMicrosoftDocumentSigning,
]);

/**
 * Builds a path from `leaf` to one of `roots` through `candidates` and validates it (RFC 5280
 * §6 in the parts that matter for signatures): every certificate's signature by the next, the
 * validity of every certificate at `at`, basicConstraints and pathLenConstraint, key usage
 * (keyCertSign for CAs; digitalSignature or nonRepudiation for the end certificate), extended
 * key usage for the purpose, no critical extension left unprocessed, no weak algorithm, and —
 * with `revocation` — that no certificate of the path was revoked at `at`.
 *
 * Every path that reaches a trust anchor is tried; the first that holds wins. When none holds,
 * the failure of the path that came closest is returned; `NO_CERTIFICATE_CHAIN_FOUND` when no
 * path reaches a trust anchor at all.
 */
export async function validateChain(
  leaf: Certificate,
  options: ChainOptions,
): Promise<ChainResult> {
  const own = checkEndCertificate(leaf, options.purpose);
  if (own) return own;

  // Each (certificate, issuer) signature is checked once, however many paths share the step.
  const signatureChecks = new Map<Certificate, Map<Certificate, Promise<boolean>>>();
  const issuedBy = (subject: Certificate, issuer: Certificate): Promise<boolean> => {
    let byIssuer = signatureChecks.get(subject);
    if (!byIssuer) {
      byIssuer = new Map();
      signatureChecks.set(subject, byIssuer);
    }
    let pending = byIssuer.get(issuer);
    if (!pending) {
      pending = subject.verify(issuer).catch(() => false);
      byIssuer.set(issuer, pending);
    }
    return pending;
  };
  const pool = [...options.roots, ...options.candidates];
  const isAnchor = (certificate: Certificate) =>
    options.roots.some(
      (root) =>
        sameCertificate(root, certificate) ||
        (root.subject.isEqual(certificate.subject) &&
          samePublicKey(root, certificate) &&
          isSelfIssued(root)),
    );

  let best: ChainFailure | undefined;
  let tried = 0;
  const budget = { issuerChecks: MAX_ISSUER_CHECKS };
  const paths = buildPaths(leaf, pool, isAnchor, issuedBy, budget);
  for await (const path of paths) {
    const result = await checkPath(path, options);
    if (result.ok) return result;
    if (!best || rank(result) > rank(best)) best = result;
    tried += 1;
    if (tried >= MAX_COMPLETE_PATHS) break;
  }
  if (!best && budget.issuerChecks <= 0) {
    return {
      ok: false,
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
      reason: `Gave up building a path after ${MAX_ISSUER_CHECKS} candidate issuers: the signature carries too many look-alike certificates.`,
    };
  }
  return (
    best ?? {
      ok: false,
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
      reason:
        options.roots.length === 0
          ? 'No trusted roots were given.'
          : 'No path from the certificate to a trusted root: its issuer is not a trusted root nor an intermediate at hand, or a signature on the way does not verify.',
    }
  );
}

/** Later checks failing means the path got further: prefer reporting those. */
function rank(failure: ChainFailure): number {
  return failure.subIndication === 'NO_CERTIFICATE_CHAIN_FOUND' ? 0 : 1;
}

/**
 * Every path from `leaf` to a trust anchor, leaf first, depth first. A step from a certificate
 * to its issuer is taken only when names and key identifiers match and the issuer's key
 * verifies the certificate's signature.
 */
async function* buildPaths(
  leaf: Certificate,
  pool: readonly Certificate[],
  isAnchor: (certificate: Certificate) => boolean,
  issuedBy: (subject: Certificate, issuer: Certificate) => Promise<boolean>,
  budget: { issuerChecks: number },
): AsyncGenerator<Certificate[]> {
  const walk = async function* (path: Certificate[]): AsyncGenerator<Certificate[]> {
    const current = path[path.length - 1] as Certificate;
    if (isAnchor(current)) {
      yield path;
      return;
    }
    if (path.length > MAX_DEPTH) return;
    for (const issuer of pool) {
      if (path.some((item) => sameCertificate(item, issuer))) continue;
      if (!mayHaveIssued(issuer, current)) continue;
      if (budget.issuerChecks <= 0) return;
      budget.issuerChecks -= 1;
      if (!(await issuedBy(current, issuer))) continue;
      yield* walk([...path, issuer]);
    }
  };
  yield* walk([leaf]);
}

/** The checks on a complete path, end certificate first, anchor last. */
async function checkPath(
  path: readonly Certificate[],
  options: ChainOptions,
): Promise<ChainResult> {
  const fail = (
    subIndication: SubIndication,
    reason: string,
    extra: Partial<ChainFailure> = {},
  ): ChainFailure => ({ ok: false, subIndication, reason, path, ...extra });
  const last = path.length - 1;

  for (const [index, certificate] of path.entries()) {
    const who = describe(certificate, index, last);
    const atTime = options.at.getTime();
    if (atTime < certificate.notBefore.value.getTime()) {
      return fail(
        'OUT_OF_BOUNDS_NO_POE',
        `${who} is valid from ${certificate.notBefore.value.toISOString()}.`,
        {
          bounds: 'not-yet-valid',
          endCertificate: index === 0,
        },
      );
    }
    if (atTime > certificate.notAfter.value.getTime()) {
      return fail(
        'OUT_OF_BOUNDS_NO_POE',
        `${who} expired on ${certificate.notAfter.value.toISOString()}.`,
        {
          bounds: 'expired',
          endCertificate: index === 0,
        },
      );
    }
    const unknown = unknownCriticalExtensions(certificate);
    if (unknown.length > 0 && index !== last) {
      return fail(
        'CHAIN_CONSTRAINTS_FAILURE',
        `${who} has critical extensions this verifier does not process: ${unknown.join(', ')}.`,
      );
    }
    const weak = weakCertificate(certificate, index !== last);
    if (weak) {
      return fail('CRYPTO_CONSTRAINTS_FAILURE_NO_POE', `${who} uses ${weak}.`);
    }
    if (index === 0) continue;

    // A CA: it must say so, may sign certificates, and allows this many CAs below it.
    const constraints = basicConstraints(certificate);
    const v1Anchor = index === last && certificate.version < 2 && !constraints;
    if (!v1Anchor && !constraints?.ca) {
      return fail(
        'CHAIN_CONSTRAINTS_FAILURE',
        `${who} is not a CA (basicConstraints cA is not set) but issued ${describe(path[index - 1] as Certificate, index - 1, last)}.`,
      );
    }
    const usages = keyUsages(certificate);
    if (usages && !usages.includes('keyCertSign')) {
      return fail(
        'CHAIN_CONSTRAINTS_FAILURE',
        `${who} may not sign certificates (no keyCertSign).`,
      );
    }
    const below = path.slice(1, index).filter((item) => !isSelfIssued(item)).length;
    if (constraints?.pathLength !== undefined && below > constraints.pathLength) {
      return fail(
        'CHAIN_CONSTRAINTS_FAILURE',
        `${who} allows ${constraints.pathLength} CA(s) below it; the path has ${below}.`,
      );
    }
  }

  const revocation: RevocationStatus[] = [];
  const policy = options.revocationPolicy ?? 'when-declared';
  if (options.revocation) {
    for (let index = 0; index < last; index += 1) {
      const certificate = path[index] as Certificate;
      const issuer = path[index + 1] as Certificate;
      const status = await options.revocation.status(certificate, issuer, options.at, {
        online: policy !== 'off',
      });
      revocation.push(status);
      const who = describe(certificate, index, last);
      if (status.status === 'revoked' && status.revokedAt.getTime() <= options.at.getTime()) {
        return fail(
          index === 0 ? 'REVOKED' : 'REVOKED_CA_NO_POE',
          `${who} was revoked on ${status.revokedAt.toISOString()}${status.reason ? ` (${status.reason})` : ''}, per ${status.source.toUpperCase()} (${status.origin}).`,
          { revokedAt: status.revokedAt, endCertificate: index === 0 },
        );
      }
      if (status.status === 'unknown') {
        const needed = policy === 'require' || (policy === 'when-declared' && status.declared);
        if (needed) {
          return fail('TRY_LATER', `No revocation status for ${who}: ${status.reason}`, {
            endCertificate: index === 0,
          });
        }
      }
    }
  }
  return { ok: true, path, revocation };
}

/** Key usage and extended key usage of the end certificate, for its purpose. */
function checkEndCertificate(
  certificate: Certificate,
  purpose: CertificatePurpose,
): ChainFailure | undefined {
  const fail = (reason: string): ChainFailure => ({
    ok: false,
    subIndication: 'CHAIN_CONSTRAINTS_FAILURE',
    reason,
    endCertificate: true,
  });
  const usages = keyUsages(certificate);
  const allowed =
    purpose === 'ocsp-signing'
      ? ['digitalSignature', 'nonRepudiation']
      : ['digitalSignature', 'nonRepudiation'];
  if (usages && !usages.some((usage) => allowed.includes(usage))) {
    return fail(
      `Key usage is ${usages.join(', ') || 'empty'}; digitalSignature or nonRepudiation is required.`,
    );
  }
  const extended = extendedKeyUsages(certificate);
  if (purpose === 'signing') {
    if (extended && !extended.purposes.some((oid) => SIGNING_PURPOSES.has(oid))) {
      return fail(
        `Extended key usage allows only ${extended.purposes.join(', ')}; none of them is document signing, e-mail protection or any purpose.`,
      );
    }
  } else if (purpose === 'timestamping') {
    // RFC 3161 §2.3: exactly one key purpose, timeStamping, and the extension critical.
    if (
      !extended?.critical ||
      extended.purposes.length !== 1 ||
      extended.purposes[0] !== X509.kpTimeStamping
    ) {
      return fail(
        'A time-stamping authority needs a critical extended key usage of timeStamping only.',
      );
    }
  } else if (!extended?.purposes.includes(X509.kpOcspSigning)) {
    return fail('An OCSP responder needs the OCSPSigning extended key usage.');
  }
  return undefined;
}

function describe(certificate: Certificate, index: number, last: number): string {
  const cn = certificate.subject.typesAndValues.find((item) => item.type === '2.5.4.3');
  const name = (cn?.value as { valueBlock?: { value?: string } } | undefined)?.valueBlock?.value;
  const role = index === 0 ? 'The certificate' : index === last ? 'The root' : 'The CA certificate';
  return name ? `${role} "${name}"` : role;
}

function samePublicKey(a: Certificate, b: Certificate): boolean {
  const x = a.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  const y = b.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  return x.length === y.length && x.every((byte, i) => byte === y[i]);
}
