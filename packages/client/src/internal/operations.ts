import type { ROUTES } from '@egov-kit/schema';
import { OPERATIONS as SCHEMA_OPERATIONS } from '@egov-kit/schema/operations';

type Route = (typeof ROUTES)[number];

/** The `operationId` of every route of the contract. */
export type OperationId = Route['operationId'];

/** The route of the contract with this `operationId`. */
export type RouteOf<Id extends OperationId> = Extract<Route, { operationId: Id }>;

type Flag<R, Key extends string> = R extends { readonly [K in Key]: true } ? true : false;

/** What the client needs of a route at run time: no schema, so that none is bundled with it. */
export interface Operation {
  readonly id: OperationId;
  readonly method: 'get' | 'post' | 'patch' | 'delete';
  readonly path: string;
  readonly auth: 'public' | 'citizen' | 'officer' | 'admin' | 'any_user';
  /** Creating POST: gets an Idempotency-Key, and may then be retried. */
  readonly idempotent: boolean;
  /** Needs If-Match. */
  readonly ifMatch: boolean;
}

/**
 * The route table as the compiler sees it: every operation of `ROUTES` with its method, path,
 * auth and flags as literal types. `OPERATIONS` must satisfy it exactly, so a route changed in
 * the schema package without the client following does not compile.
 */
type Contract = {
  readonly [Id in OperationId]: {
    readonly id: Id;
    readonly method: RouteOf<Id>['method'];
    readonly path: RouteOf<Id>['path'];
    readonly auth: RouteOf<Id>['auth'];
    readonly idempotent: Flag<RouteOf<Id>, 'idempotent'>;
    readonly ifMatch: Flag<RouteOf<Id>, 'ifMatch'>;
  };
};

/**
 * The route table without its schemas (which would pull every schema and zod into the first
 * bundle a page loads; they load lazily instead, see `validators/`), generated from `ROUTES` by
 * the schema package. Checked against `ROUTES` again by the compiler here.
 */
export const OPERATIONS = SCHEMA_OPERATIONS satisfies Contract;
