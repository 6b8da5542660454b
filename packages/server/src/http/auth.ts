import {
  createRemoteJWKSet,
  type JWTPayload,
  type JWTVerifyGetKey,
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

/** How tokens are verified. */
export type AuthConfig =
  | { readonly kind: 'secret'; readonly secret: Uint8Array; readonly issuer?: string | undefined }
  | {
      readonly kind: 'jwks';
      readonly jwksUrl: string;
      readonly issuer: string;
      readonly audience?: string | undefined;
    };

const ROLES: readonly Role[] = ['citizen', 'officer', 'admin'];

/** Verifies bearer tokens: HS256 with a shared secret (development) or a JWKS (an identity provider). */
export class TokenVerifier {
  readonly #config: AuthConfig;
  readonly #jwks: JWTVerifyGetKey | undefined;

  constructor(config: AuthConfig) {
    this.#config = config;
    this.#jwks = config.kind === 'jwks' ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;
  }

  /** The caller, or `undefined` without an Authorization header; a 401 for a bad token. */
  async principal(authorization: string | undefined | null): Promise<Principal | undefined> {
    if (!authorization) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw unauthorized();
    let payload: JWTPayload;
    try {
      payload =
        this.#config.kind === 'secret'
          ? (
              await jwtVerify(match[1], this.#config.secret, {
                algorithms: ['HS256'],
                ...(this.#config.issuer ? { issuer: this.#config.issuer } : {}),
              })
            ).payload
          : (
              await jwtVerify(match[1], this.#jwks as JWTVerifyGetKey, {
                issuer: this.#config.issuer,
                ...(this.#config.audience ? { audience: this.#config.audience } : {}),
              })
            ).payload;
    } catch {
      throw unauthorized();
    }
    const role = payload.role;
    if (typeof payload.sub !== 'string' || !ROLES.includes(role as Role)) throw unauthorized();
    return {
      id: payload.sub,
      role: role as Role,
      name: typeof payload.name === 'string' ? payload.name : undefined,
      agencyCode: typeof payload.agency === 'string' ? payload.agency : undefined,
    };
  }
}

/** Signs a development token (HS256). Only for the dev secret: a real deployment uses its IdP. */
export function signDevToken(
  secret: Uint8Array,
  principal: Principal,
  options: { issuer?: string | undefined; expiresIn?: string } = {},
): Promise<string> {
  const jwt = new SignJWT({
    role: principal.role,
    ...(principal.name ? { name: principal.name } : {}),
    ...(principal.agencyCode ? { agency: principal.agencyCode } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.id)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '30d');
  if (options.issuer) jwt.setIssuer(options.issuer);
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
