import {
  createRemoteJWKSet,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
  jwtVerify,
  SignJWT,
} from 'jose';
import { HttpProblem } from './problem.js';

/** The roles of the contract. */
export type Role = 'citizen' | 'officer' | 'admin';

/** Who is calling, from a verified token. */
export interface Principal {
  readonly id: string;
  readonly role: Role;
  readonly name?: string | undefined;
  /** An officer's agency: they see and act on its dossiers only. */
  readonly agencyCode?: string | undefined;
}

/** What every verified token must also satisfy, whatever verifies its signature. */
export interface TokenPolicy {
  /** Signature algorithms accepted (`alg`); anything else, `none` included, is refused. */
  readonly algorithms?: readonly string[] | undefined;
  /** The longest lifetime accepted, from `iat` to `exp`, in seconds; 24 hours by default. */
  readonly maxLifetimeSeconds?: number | undefined;
  /** Clock difference tolerated on `exp`, `nbf` and `iat`, in seconds; 60 by default. */
  readonly clockSkewSeconds?: number | undefined;
  /** `iss` the token must carry, when set. */
  readonly issuer?: string | undefined;
  /** `aud` the token must name, when set. */
  readonly audience?: string | undefined;
}

/** How tokens are verified. */
export type AuthConfig =
  | ({ readonly kind: 'secret'; readonly secret: Uint8Array } & TokenPolicy)
  | ({
      readonly kind: 'jwks';
      readonly jwksUrl: string;
      readonly issuer: string;
      /** Required: an identity provider issues tokens for many applications. */
      readonly audience: string;
    } & TokenPolicy);

const ROLES: readonly Role[] = ['citizen', 'officer', 'admin'];

/** The default lifetime cap (24 h) and clock skew (60 s). */
export const TOKEN_DEFAULTS = { maxLifetimeSeconds: 86_400, clockSkewSeconds: 60 } as const;

/** Algorithms accepted by default: HMAC for a shared secret, public-key ones for a JWKS. */
export const DEFAULT_ALGORITHMS = {
  secret: ['HS256'],
  jwks: ['RS256', 'PS256', 'ES256', 'EdDSA'],
} as const;

/**
 * Verifies bearer tokens: HS256 with a shared secret (development) or a JWKS (an identity
 * provider). Every token needs `sub`, a known `role`, `exp` and `iat`, a lifetime of at most the
 * policy's maximum, an algorithm of the allow-list, and the configured issuer and audience.
 */
export class TokenVerifier {
  readonly #config: AuthConfig;
  /** The key for a token's header: from the JWKS, or the shared secret. */
  readonly #key: JWTVerifyGetKey;
  readonly #options: JWTVerifyOptions;
  /** The shared secret as HMAC keys, imported once per algorithm rather than on every request. */
  readonly #hmacKeys = new Map<string, Promise<CryptoKey>>();
  /**
   * Tokens verified lately, by their text: a client sends the same token with every request, and
   * an HMAC or RSA check (a WebCrypto job on the thread pool) is most of what authenticating
   * costs. The text is what was verified: the same text verifies again while the clock allows.
   */
  readonly #verified = new Map<string, { principal: Principal; until: number }>();

  constructor(config: AuthConfig) {
    this.#config = config;
    this.#key =
      config.kind === 'jwks'
        ? createRemoteJWKSet(new URL(config.jwksUrl))
        : (header) => this.#hmacKey(config.secret, header.alg);
    const algorithms = config.algorithms ?? DEFAULT_ALGORITHMS[config.kind];
    const skew = config.clockSkewSeconds ?? TOKEN_DEFAULTS.clockSkewSeconds;
    this.#options = {
      algorithms: [...algorithms],
      clockTolerance: skew,
      requiredClaims: ['exp', 'iat', 'sub'],
      maxTokenAge: (config.maxLifetimeSeconds ?? TOKEN_DEFAULTS.maxLifetimeSeconds) + skew,
      ...(config.issuer ? { issuer: config.issuer } : {}),
      ...(config.audience ? { audience: config.audience } : {}),
    };
    const symmetric = algorithms.filter((alg) => /^HS/i.test(alg));
    if (algorithms.some((alg) => alg.toLowerCase() === 'none')) {
      throw new Error('JWT_ALGORITHMS must not allow "none".');
    }
    if (config.kind === 'jwks' && symmetric.length) {
      // A public key used as an HMAC secret is the classic algorithm-confusion forgery.
      throw new Error(`JWT_ALGORITHMS: ${symmetric.join(', ')} cannot be used with a JWKS.`);
    }
    if (config.kind === 'secret' && symmetric.length !== algorithms.length) {
      throw new Error('JWT_ALGORITHMS: a JWT_SECRET verifies HS256, HS384 or HS512 only.');
    }
  }

  /**
   * The secret as a WebCrypto key for `alg` (HS256, HS384 or HS512), made on first use. jose
   * checks `alg` against the allowed algorithms before it asks for the key.
   */
  #hmacKey(secret: Uint8Array, alg: string | undefined): Promise<CryptoKey> {
    const hash = /^HS(256|384|512)$/.exec(alg ?? '')?.[1];
    if (!hash) return Promise.reject(new Error(`no HMAC key for ${alg}`));
    let key = this.#hmacKeys.get(hash);
    if (!key) {
      key = crypto.subtle.importKey(
        'raw',
        secret as Uint8Array<ArrayBuffer>,
        { name: 'HMAC', hash: `SHA-${hash}` },
        false,
        ['verify'],
      );
      this.#hmacKeys.set(hash, key);
    }
    return key;
  }

  /** The caller, or `undefined` without an Authorization header; a 401 for a bad token. */
  async principal(authorization: string | undefined | null): Promise<Principal | undefined> {
    if (!authorization) return undefined;
    const match = /^Bearer +([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(authorization);
    if (!match?.[1] || match[1].length > 8192) throw unauthorized();
    const token = match[1];
    const known = this.#verified.get(token);
    if (known) {
      if (Date.now() < known.until) return known.principal;
      this.#verified.delete(token);
    }
    const config = this.#config;
    const skew = config.clockSkewSeconds ?? TOKEN_DEFAULTS.clockSkewSeconds;
    const maxLifetime = config.maxLifetimeSeconds ?? TOKEN_DEFAULTS.maxLifetimeSeconds;
    let payload: JWTPayload;
    try {
      payload = (await jwtVerify(match[1], this.#key, this.#options)).payload;
    } catch {
      throw unauthorized();
    }
    // maxTokenAge bounds the age from iat; a far exp with a fresh iat needs its own check.
    const { exp, iat } = payload as { exp: number; iat: number };
    if (exp - iat > maxLifetime + skew) throw unauthorized();
    const role = payload.role;
    if (
      typeof payload.sub !== 'string' ||
      payload.sub.length > 256 ||
      !ROLES.includes(role as Role)
    )
      throw unauthorized();
    const principal: Principal = {
      id: payload.sub,
      role: role as Role,
      name: typeof payload.name === 'string' ? payload.name : undefined,
      agencyCode: typeof payload.agency === 'string' ? payload.agency : undefined,
    };
    // Until it would fail a check that depends on the time (exp, the age from iat), and for a
    // few minutes at most (a JWKS may withdraw its key), the same token needs no new check.
    const until = Math.min(
      (exp + skew) * 1000,
      (iat + maxLifetime + skew) * 1000,
      Date.now() + VERIFIED_TOKEN_SECONDS * 1000,
    );
    this.#verified.set(token, { principal, until });
    if (this.#verified.size > VERIFIED_TOKENS) {
      this.#verified.delete(this.#verified.keys().next().value as string);
    }
    return principal;
  }
}

/** Tokens remembered as verified, and for how long at most. */
const VERIFIED_TOKENS = 1024;
const VERIFIED_TOKEN_SECONDS = 300;

/** Signs a development token (HS256). Only for the dev secret: a real deployment uses its IdP. */
export function signDevToken(
  secret: Uint8Array,
  principal: Principal,
  options: { issuer?: string | undefined; audience?: string | undefined; expiresIn?: string } = {},
): Promise<string> {
  const jwt = new SignJWT({
    role: principal.role,
    ...(principal.name ? { name: principal.name } : {}),
    ...(principal.agencyCode ? { agency: principal.agencyCode } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.id)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h');
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.audience) jwt.setAudience(options.audience);
  return jwt.sign(secret);
}

/** The caller, who must be signed in with one of `roles`. */
export function requireRole(principal: Principal | undefined, roles: readonly Role[]): Principal {
  if (!principal) throw unauthorized();
  if (!roles.includes(principal.role)) {
    throw new HttpProblem('forbidden', {
      vi: 'Tài khoản này không được thực hiện thao tác này.',
      en: 'This account may not do this.',
    });
  }
  return principal;
}

function unauthorized(): HttpProblem {
  return new HttpProblem(
    'unauthorized',
    {
      vi: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn.',
      en: 'The sign-in token is missing, invalid or expired.',
    },
    { headers: { 'www-authenticate': 'Bearer' } },
  );
}
