import { type Context, Hono } from 'hono';
import type { Principal } from '../http/auth.js';
import { HttpProblem } from '../http/problem.js';
import { DEMO_USERS } from '../seed/demo-users.js';
import { type DemoPaymentOptions, demoPaymentRoutes } from './demo-payments.js';
import type { DemoSigner, DemoSigningIdentities } from './signing-identities.js';

/**
 * What the demo endpoints need. They exist so that a person can try the portal in a browser
 * with no identity provider and no signing token: never enable them on a real deployment.
 */
export interface DemoOptions {
  /**
   * Signs a token for a demo user with the server's development secret; absent when tokens come
   * from an identity provider (JWKS), and then demo sign-in explains that it is unavailable.
   */
  readonly signToken?: ((principal: Principal) => Promise<string>) | undefined;
  /** The demo CA and signing identities (made once, kept in DATA_DIR by `startServer`). */
  readonly signingIdentities: () => Promise<DemoSigningIdentities>;
  /** The demo bank and demo gateway (`configurePayments`); none when absent. */
  readonly payments?: DemoPaymentOptions | undefined;
}

/** A demo role one may sign in as. */
const SIGN_IN_ROLES = { citizen: DEMO_USERS.citizen, officer: DEMO_USERS.officer } as const;

const PEM_TYPE = 'application/x-pem-file';

/**
 * `POST /demo/sign-in`, `GET /demo/signing-identity/{citizen|officer}`, `GET /demo/ca.pem`.
 * Outside `/api/v1` on purpose: they are no part of the contract.
 */
export function demoRoutes(options: DemoOptions): Hono {
  const routes = new Hono();
  const noStore = { 'cache-control': 'no-store' };

  routes.post('/sign-in', async (c) => {
    const role = await signInRole(c);
    if (!options.signToken) {
      throw new HttpProblem('not_found', {
        vi: 'Đăng nhập thử không dùng được khi máy chủ xác thực qua nhà cung cấp định danh (JWKS_URL).',
        en: 'Demo sign-in is unavailable when the server verifies tokens with an identity provider (JWKS_URL).',
      });
    }
    const user = SIGN_IN_ROLES[role];
    const token = await options.signToken(user);
    return c.json(
      {
        token,
        user: {
          id: user.id,
          name: user.name,
          role: user.role,
          ...('agencyCode' in user ? { agencyCode: user.agencyCode } : {}),
        },
      },
      200,
      noStore,
    );
  });

  routes.get('/signing-identity/:who', async (c) => {
    const who = c.req.param('who');
    if (who !== 'citizen' && who !== 'officer') {
      throw new HttpProblem('not_found', {
        vi: 'Chỉ có chứng thư thử của công dân (citizen) và cán bộ (officer).',
        en: 'There are demo signing identities for citizen and officer only.',
      });
    }
    const identity = (await options.signingIdentities())[who as DemoSigner];
    return c.json(identity, 200, noStore);
  });

  routes.get('/ca.pem', async (c) =>
    c.body((await options.signingIdentities()).caPem, 200, {
      'content-type': PEM_TYPE,
      'content-disposition': 'attachment; filename="egov-kit-demo-ca.pem"',
    }),
  );

  demoPaymentRoutes(routes, options.payments ?? {});

  routes.all('/*', () => {
    throw new HttpProblem('not_found', {
      vi: 'Không có đường dẫn demo này.',
      en: 'There is no such demo path.',
    });
  });
  return routes;
}

async function signInRole(c: Context): Promise<keyof typeof SIGN_IN_ROLES> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    body = undefined;
  }
  const role = (body as { role?: unknown } | undefined)?.role;
  if (role === 'citizen' || role === 'officer') return role;
  throw new HttpProblem(
    'validation',
    {
      vi: 'Gửi JSON { "role": "citizen" } hoặc { "role": "officer" }.',
      en: 'Send JSON { "role": "citizen" } or { "role": "officer" }.',
    },
    {
      errors: [
        {
          path: 'role',
          code: 'invalid',
          message: { vi: 'Chọn citizen hoặc officer.', en: 'Choose citizen or officer.' },
        },
      ],
    },
  );
}
