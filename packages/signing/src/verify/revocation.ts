import * as asn1js from 'asn1js';
import {
  BasicOCSPResponse,
  CertID,
  type Certificate,
  CertificateRevocationList,
  getCrypto,
  OCSPRequest,
  OCSPResponse,
  RelativeDistinguishedNames,
  Request,
  TBSRequest,
} from 'pkijs';
import { equalBytes, toArrayBuffer } from '../internal/bytes.js';
import { keyUsages } from './certificate-info.js';
import { crlUrls, extendedKeyUsages, ocspUrls, sameCertificate, X509 } from './x509.js';

/** Where a piece of revocation information came from. */
export type RevocationOrigin = 'given' | 'embedded' | 'online';

/** The revocation status of one certificate, and what it rests on. */
export type RevocationStatus =
  | {
      readonly status: 'good';
      readonly source: 'crl' | 'ocsp';
      readonly origin: RevocationOrigin;
      /** When the CRL or OCSP answer was issued. */
      readonly thisUpdate: Date;
      readonly nextUpdate: Date | undefined;
    }
  | {
      readonly status: 'revoked';
      readonly source: 'crl' | 'ocsp';
      readonly origin: RevocationOrigin;
      readonly revokedAt: Date;
      /** The CRL reason (RFC 5280 §5.3.1), e.g. `keyCompromise`, when given. */
      readonly reason: string | undefined;
    }
  | {
      readonly status: 'unknown';
      /** True when the certificate names a CRL distribution point or an OCSP responder. */
      readonly declared: boolean;
      readonly reason: string;
    };

/** Answers "was this certificate revoked?" from the information at hand and, if allowed, online. */
export interface RevocationChecker {
  status(
    certificate: Certificate,
    issuer: Certificate,
    at: Date,
    options: { readonly online: boolean },
  ): Promise<RevocationStatus>;
}

/** Revocation information and how to get more, as the verify functions take it. */
export interface RevocationOptions {
  /** CRLs (DER) you already have, e.g. downloaded by a scheduled job. */
  readonly crls?: readonly Uint8Array[];
  /** OCSP responses (DER `OCSPResponse` or `BasicOCSPResponse`) you already have. */
  readonly ocspResponses?: readonly Uint8Array[];
  /**
   * How to fetch CRLs and ask OCSP responders named in the certificates (only for certificates
   * already chained to a trusted root). Default: the global `fetch`; `false` stays offline.
   */
  readonly fetch?: typeof fetch | false;
  /** Time limit of one download or OCSP request, in milliseconds (default 5,000). */
  readonly fetchTimeoutMs?: number;
  /** Keeps downloaded CRLs and OCSP answers between verifications (see {@link RevocationCache}). */
  readonly revocationCache?: RevocationCache;
}

/**
 * A cache of downloaded CRLs and OCSP answers, kept until their `nextUpdate` (or an hour when
 * they give none). Share one between verifications to avoid downloading a CA's CRL each time.
 */
export class RevocationCache {
  readonly #entries = new Map<
    string,
    { expires: number; value: Promise<Uint8Array | undefined> }
  >();
  readonly #maxEntries: number;

  constructor(options: { maxEntries?: number } = {}) {
    this.#maxEntries = options.maxEntries ?? 500;
  }

  /** @internal */
  async get(key: string, load: () => Promise<{ der: Uint8Array; expires: number } | undefined>) {
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    const value = load().then((loaded) => {
      const entry = this.#entries.get(key);
      if (entry && entry.value === value) {
        if (loaded) entry.expires = loaded.expires;
        else this.#entries.delete(key);
      }
      return loaded?.der;
    });
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { expires: now + 60_000, value });
    return value;
  }
}

const MAX_DOWNLOAD_BYTES = 32 * 1024 * 1024;
const CLOCK_SKEW_MS = 5 * 60_000;
const OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1';
const CRL_REASONS = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'unused',
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
];
/** CRL extensions this package processes when critical (CRL number, IDP, authority key id). */
const CRL_CRITICAL_OK = new Set(['2.5.29.20', '2.5.29.28', '2.5.29.35']);

interface Item<T> {
  readonly value: T;
  readonly origin: RevocationOrigin;
}

/**
 * A revocation checker over CRLs and OCSP answers given or embedded, going online (through
 * `options.fetch`) for certificates the offline information does not settle.
 */
export function createRevocationChecker(
  offline: {
    readonly crls: readonly Item<Uint8Array>[];
    readonly ocspResponses: readonly Item<Uint8Array>[];
  },
  options: RevocationOptions = {},
): RevocationChecker {
  const crls = offline.crls.flatMap((item) => {
    const crl = parseCrl(item.value);
    return crl ? [{ value: crl, origin: item.origin }] : [];
  });
  const ocsps = offline.ocspResponses.flatMap((item) => {
    const basic = parseOcsp(item.value);
    return basic ? [{ value: basic, origin: item.origin }] : [];
  });
  const fetcher = options.fetch === false ? undefined : (options.fetch ?? globalThis.fetch);
  const cache = options.revocationCache ?? new RevocationCache();
  const timeoutMs = options.fetchTimeoutMs ?? 5000;

  return {
    async status(certificate, issuer, at, { online }) {
      const problems: string[] = [];
      const decide = async (
        source: 'crl' | 'ocsp',
        origin: RevocationOrigin,
        check: () => Promise<Decision>,
      ): Promise<RevocationStatus | undefined> => {
        const decision = await check();
        if (decision.kind === 'skip') {
          if (decision.why) problems.push(decision.why);
          return undefined;
        }
        return decision.kind === 'good'
          ? {
              status: 'good',
              source,
              origin,
              thisUpdate: decision.thisUpdate,
              nextUpdate: decision.nextUpdate,
            }
          : {
              status: 'revoked',
              source,
              origin,
              revokedAt: decision.revokedAt,
              reason: decision.reason,
            };
      };

      // Offline first: a revocation found anywhere wins over a "good" found elsewhere.
      const offlineResults: RevocationStatus[] = [];
      for (const item of ocsps) {
        const result = await decide('ocsp', item.origin, () =>
          ocspDecision(item.value, certificate, issuer, at),
        );
        if (result) offlineResults.push(result);
      }
      for (const item of crls) {
        const result = await decide('crl', item.origin, () =>
          crlDecision(item.value, certificate, issuer, at),
        );
        if (result) offlineResults.push(result);
      }
      const revoked = offlineResults.find((item) => item.status === 'revoked');
      if (revoked) return revoked;
      if (offlineResults[0]) return offlineResults[0];

      const ocspAt = ocspUrls(certificate);
      const crlAt = crlUrls(certificate);
      const declared = ocspAt.length + crlAt.length > 0;
      if (online && fetcher) {
        for (const url of ocspAt) {
          const der = await cache.get(`ocsp ${url} ${serialKey(certificate, issuer)}`, async () => {
            const request = await ocspRequest(certificate, issuer);
            const body = await download(fetcher, url, timeoutMs, {
              method: 'POST',
              headers: {
                'content-type': 'application/ocsp-request',
                accept: 'application/ocsp-response',
              },
              body: request,
            }).catch((error: unknown) => {
              problems.push(`OCSP ${url}: ${describe(error)}`);
              return undefined;
            });
            const basic = body && parseOcsp(body);
            if (!body || !basic) {
              if (body) problems.push(`OCSP ${url}: not a successful OCSP response.`);
              return undefined;
            }
            return { der: body, expires: expiryOf(basic.tbsResponseData.responses[0]?.nextUpdate) };
          });
          const basic = der && parseOcsp(der);
          if (!basic) continue;
          const result = await decide('ocsp', 'online', () =>
            ocspDecision(basic, certificate, issuer, at),
          );
          if (result) return result;
        }
        for (const url of crlAt) {
          const der = await cache.get(`crl ${url}`, async () => {
            const body = await download(fetcher, url, timeoutMs, { method: 'GET' }).catch(
              (error: unknown) => {
                problems.push(`CRL ${url}: ${describe(error)}`);
                return undefined;
              },
            );
            const crl = body && parseCrl(body);
            if (!body || !crl) {
              if (body) problems.push(`CRL ${url}: not a DER CRL.`);
              return undefined;
            }
            return { der: body, expires: expiryOf(crl.nextUpdate?.value) };
          });
          const crl = der && parseCrl(der);
          if (!crl) continue;
          const result = await decide('crl', 'online', () =>
            crlDecision(crl, certificate, issuer, at),
          );
          if (result) return result;
        }
      }
      const reason = declared
        ? problems.length > 0
          ? problems.join(' ')
          : online && fetcher
            ? 'No CRL or OCSP answer covers it.'
            : 'No CRL or OCSP answer at hand, and fetching is off.'
        : 'It names no CRL distribution point or OCSP responder, and no CRL or OCSP answer at hand covers it.';
      return { status: 'unknown', declared, reason };
    },
  };
}

/** CRLs and OCSP answers (DER) that a signature or a document carries. */
export interface CarriedRevocation {
  readonly crls?: readonly Uint8Array[];
  readonly ocspResponses?: readonly Uint8Array[];
}

/**
 * The checker a verification uses: the caller's CRLs and OCSP answers (`given`), those the
 * signature or the document carries (`embedded`), then online as `options` allow.
 */
export function revocationCheckerFor(
  options: RevocationOptions,
  ...carried: readonly CarriedRevocation[]
): RevocationChecker {
  const tag = (values: readonly Uint8Array[] | undefined, origin: RevocationOrigin) =>
    (values ?? []).map((value) => ({ value, origin }));
  return createRevocationChecker(
    {
      crls: [
        ...tag(options.crls, 'given'),
        ...carried.flatMap((item) => tag(item.crls, 'embedded')),
      ],
      ocspResponses: [
        ...tag(options.ocspResponses, 'given'),
        ...carried.flatMap((item) => tag(item.ocspResponses, 'embedded')),
      ],
    },
    options,
  );
}

type Decision =
  | { kind: 'skip'; why?: string }
  | { kind: 'good'; thisUpdate: Date; nextUpdate: Date | undefined }
  | { kind: 'revoked'; revokedAt: Date; reason: string | undefined };

/**
 * Whether revocation information issued at `thisUpdate` (valid until `nextUpdate`) speaks for
 * time `at`: issued after it, or current at it. Never information from the future.
 */
function covers(thisUpdate: Date, nextUpdate: Date | undefined, at: Date): string | undefined {
  const now = Date.now();
  if (thisUpdate.getTime() > now + CLOCK_SKEW_MS)
    return `issued in the future (${thisUpdate.toISOString()})`;
  if (thisUpdate.getTime() >= at.getTime() - CLOCK_SKEW_MS) return undefined;
  if (nextUpdate && nextUpdate.getTime() >= at.getTime()) return undefined;
  return `stale for ${at.toISOString()} (issued ${thisUpdate.toISOString()}${nextUpdate ? `, next update ${nextUpdate.toISOString()}` : ''})`;
}

async function crlDecision(
  crl: CertificateRevocationList,
  certificate: Certificate,
  issuer: Certificate,
  at: Date,
): Promise<Decision> {
  if (!crl.issuer.isEqual(certificate.issuer)) return { kind: 'skip' };
  const usages = keyUsages(issuer);
  if (usages && !usages.includes('cRLSign'))
    return { kind: 'skip', why: 'The CRL issuer may not sign CRLs.' };
  const critical = (crl.crlExtensions?.extensions ?? []).filter(
    (item) => item.critical && !CRL_CRITICAL_OK.has(item.extnID),
  );
  if (critical.length > 0)
    return { kind: 'skip', why: 'A CRL has critical extensions not processed here (delta CRL?).' };
  if (!scopeCovers(crl, certificate)) return { kind: 'skip' };
  let valid = false;
  try {
    valid = await crl.verify({ issuerCertificate: issuer });
  } catch {
    valid = false;
  }
  if (!valid)
    return { kind: 'skip', why: "A CRL's signature does not verify with its issuer's key." };

  const entry = crl.revokedCertificates?.find((item) =>
    item.userCertificate.isEqual(certificate.serialNumber),
  );
  if (entry) {
    const reasonExtension = entry.crlEntryExtensions?.extensions.find(
      (item) => item.extnID === '2.5.29.21',
    );
    const code = reasonExtension
      ? asn1js.fromBER(reasonExtension.extnValue.valueBlock.valueHexView)
      : undefined;
    const reasonCode =
      code?.result instanceof asn1js.Enumerated ? code.result.valueBlock.valueDec : undefined;
    if (reasonCode === 8) return { kind: 'skip' }; // removeFromCRL: only meaningful in delta CRLs
    return {
      kind: 'revoked',
      revokedAt: entry.revocationDate.value,
      reason: reasonCode === undefined ? undefined : CRL_REASONS[reasonCode],
    };
  }
  const thisUpdate = crl.thisUpdate.value;
  const nextUpdate = crl.nextUpdate?.value;
  const stale = covers(thisUpdate, nextUpdate, at);
  if (stale) return { kind: 'skip', why: `The CRL is ${stale}.` };
  // A CRL drops certificates once they expire: it speaks only for certificates still valid then.
  if (certificate.notAfter.value.getTime() < thisUpdate.getTime()) {
    return { kind: 'skip', why: 'The CRL was issued after the certificate expired.' };
  }
  return { kind: 'good', thisUpdate, nextUpdate };
}

/** The issuingDistributionPoint scope: only user certificates, only CA certificates, indirect. */
function scopeCovers(crl: CertificateRevocationList, certificate: Certificate): boolean {
  const idp = crl.crlExtensions?.extensions.find((item) => item.extnID === '2.5.29.28')
    ?.parsedValue as
    | {
        onlyContainsUserCerts?: boolean;
        onlyContainsCACerts?: boolean;
        indirectCRL?: boolean;
        onlySomeReasons?: number;
      }
    | undefined;
  if (!idp) return true;
  if (idp.indirectCRL || idp.onlySomeReasons !== undefined) return false;
  const isCa = certificate.extensions?.some(
    (item) => item.extnID === X509.basicConstraints && (item.parsedValue as { cA?: boolean })?.cA,
  );
  if (idp.onlyContainsUserCerts && isCa) return false;
  if (idp.onlyContainsCACerts && !isCa) return false;
  return true;
}

async function ocspDecision(
  basic: BasicOCSPResponse,
  certificate: Certificate,
  issuer: Certificate,
  at: Date,
): Promise<Decision> {
  const single = await findSingleResponse(basic, certificate, issuer);
  if (!single) return { kind: 'skip' };
  const signer = await responderOf(basic, issuer);
  if (!signer.ok) return { kind: 'skip', why: signer.why };

  const status = single.certStatus as asn1js.BaseBlock;
  if (status.idBlock.tagClass === 3 && status.idBlock.tagNumber === 1) {
    const info = (status as asn1js.Constructed).valueBlock.value;
    const time = info[0];
    const revokedAt = time instanceof asn1js.GeneralizedTime ? time.toDate() : undefined;
    const reasonBlock = info[1] as asn1js.Constructed | undefined;
    const reasonValue = reasonBlock?.valueBlock?.value?.[0];
    const reasonCode =
      reasonValue instanceof asn1js.Enumerated ? reasonValue.valueBlock.valueDec : undefined;
    if (!revokedAt)
      return { kind: 'skip', why: 'An OCSP answer says revoked without a readable time.' };
    return {
      kind: 'revoked',
      revokedAt,
      reason: reasonCode === undefined ? undefined : CRL_REASONS[reasonCode],
    };
  }
  if (status.idBlock.tagClass === 3 && status.idBlock.tagNumber === 0) {
    const stale = covers(single.thisUpdate, single.nextUpdate, at);
    if (stale) return { kind: 'skip', why: `The OCSP answer is ${stale}.` };
    return { kind: 'good', thisUpdate: single.thisUpdate, nextUpdate: single.nextUpdate };
  }
  return { kind: 'skip', why: 'The OCSP responder does not know the certificate.' };
}

async function findSingleResponse(
  basic: BasicOCSPResponse,
  certificate: Certificate,
  issuer: Certificate,
) {
  const ids = new Map<string, CertID>();
  for (const response of basic.tbsResponseData.responses) {
    if (!response.certID.serialNumber.isEqual(certificate.serialNumber)) continue;
    const algorithm = response.certID.hashAlgorithm.algorithmId;
    let id = ids.get(algorithm);
    if (!id) {
      const name = hashName(algorithm);
      if (!name) continue;
      id = new CertID();
      await id.createForCertificate(certificate, {
        hashAlgorithm: name,
        issuerCertificate: issuer,
      });
      ids.set(algorithm, id);
    }
    if (response.certID.isEqual(id)) return response;
  }
  return undefined;
}

/**
 * Who signed an OCSP answer, and may they: the issuer itself, or a responder certificate the
 * issuer issued with the OCSPSigning purpose, valid when the answer was produced (RFC 6960 §4.2.2.2).
 */
async function responderOf(
  basic: BasicOCSPResponse,
  issuer: Certificate,
): Promise<{ ok: true } | { ok: false; why: string }> {
  const responderId = basic.tbsResponseData.responderID;
  const candidates = [issuer, ...(basic.certs ?? [])];
  const matches: Certificate[] = [];
  for (const candidate of candidates) {
    if (responderId instanceof RelativeDistinguishedNames) {
      if (candidate.subject.isEqual(responderId)) matches.push(candidate);
    } else if (responderId instanceof asn1js.OctetString) {
      const key = candidate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
      const hash = new Uint8Array(await crypto.subtle.digest('SHA-1', toArrayBuffer(key)));
      if (equalBytes(hash, responderId.valueBlock.valueHexView)) matches.push(candidate);
    }
  }
  for (const responder of matches) {
    let valid = false;
    try {
      valid = await getCrypto(true).verifyWithPublicKey(
        toArrayBuffer(basic.tbsResponseData.tbsView),
        basic.signature,
        responder.subjectPublicKeyInfo,
        basic.signatureAlgorithm,
      );
    } catch {
      valid = false;
    }
    if (!valid) continue;
    if (sameCertificate(responder, issuer) || sameKey(responder, issuer)) return { ok: true };
    // A delegated responder.
    const producedAt = basic.tbsResponseData.producedAt;
    const purposes = extendedKeyUsages(responder)?.purposes ?? [];
    if (!purposes.includes(X509.kpOcspSigning)) continue;
    if (!responder.issuer.isEqual(issuer.subject)) continue;
    if (!(await responder.verify(issuer).catch(() => false))) continue;
    if (producedAt < responder.notBefore.value || producedAt > responder.notAfter.value) continue;
    return { ok: true };
  }
  return {
    ok: false,
    why: 'An OCSP answer is not signed by the issuer or a responder it authorised.',
  };
}

function sameKey(a: Certificate, b: Certificate): boolean {
  return equalBytes(
    a.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView,
    b.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView,
  );
}

function hashName(oid: string): string | undefined {
  return (
    {
      '1.3.14.3.2.26': 'SHA-1',
      '2.16.840.1.101.3.4.2.1': 'SHA-256',
      '2.16.840.1.101.3.4.2.2': 'SHA-384',
      '2.16.840.1.101.3.4.2.3': 'SHA-512',
    } as Record<string, string>
  )[oid];
}

/** A CRL from DER (or PEM), or `undefined`. */
export function parseCrl(bytes: Uint8Array): CertificateRevocationList | undefined {
  try {
    return CertificateRevocationList.fromBER(toArrayBuffer(bytes));
  } catch {
    return undefined;
  }
}

/** The basic response inside an `OCSPResponse` (or a bare `BasicOCSPResponse`), or `undefined`. */
export function parseOcsp(bytes: Uint8Array): BasicOCSPResponse | undefined {
  try {
    const parsed = asn1js.fromBER(toArrayBuffer(bytes));
    if (parsed.offset === -1) return undefined;
    const first = (parsed.result as asn1js.Sequence).valueBlock?.value?.[0];
    if (first instanceof asn1js.Enumerated) {
      const response = new OCSPResponse({ schema: parsed.result });
      if (response.responseStatus.valueBlock.valueDec !== 0 || !response.responseBytes)
        return undefined;
      if (response.responseBytes.responseType !== OCSP_BASIC) return undefined;
      return BasicOCSPResponse.fromBER(
        toArrayBuffer(response.responseBytes.response.valueBlock.valueHexView),
      );
    }
    return new BasicOCSPResponse({ schema: parsed.result });
  } catch {
    return undefined;
  }
}

/** An OCSP request for one certificate (CertID by SHA-1, as every responder accepts, RFC 5019). */
async function ocspRequest(certificate: Certificate, issuer: Certificate): Promise<Uint8Array> {
  const id = new CertID();
  await id.createForCertificate(
    certificate,
    { hashAlgorithm: 'SHA-1', issuerCertificate: issuer },
    getCrypto(true),
  );
  const request = new OCSPRequest({
    tbsRequest: new TBSRequest({ requestList: [new Request({ reqCert: id })] }),
  });
  return new Uint8Array(request.toSchema(true).toBER(false));
}

async function download(
  fetcher: typeof fetch,
  url: string,
  timeoutMs: number,
  init: { method: string; headers?: Record<string, string>; body?: Uint8Array },
): Promise<Uint8Array> {
  const response = await fetcher(url, {
    method: init.method,
    ...(init.headers ? { headers: init.headers } : {}),
    ...(init.body ? { body: toArrayBuffer(init.body) } : {}),
    redirect: 'follow',
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > MAX_DOWNLOAD_BYTES) throw new Error(`the answer is ${length} bytes, over the limit`);
  const body = new Uint8Array(await response.arrayBuffer());
  if (body.length > MAX_DOWNLOAD_BYTES) throw new Error('the answer is over the size limit');
  return body;
}

function expiryOf(nextUpdate: Date | undefined): number {
  const hour = Date.now() + 3_600_000;
  return nextUpdate ? Math.min(nextUpdate.getTime(), Date.now() + 24 * 3_600_000) : hour;
}

function serialKey(certificate: Certificate, issuer: Certificate): string {
  const hex = (bytes: Uint8Array) =>
    Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex(issuer.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).slice(-40)}:${hex(
    certificate.serialNumber.valueBlock.valueHexView,
  )}`;
}

function describe(error: unknown): string {
  return error instanceof Error
    ? error.name === 'TimeoutError'
      ? 'timed out'
      : error.message
    : String(error);
}
