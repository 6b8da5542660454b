import { ROUTES } from '@egov-kit/schema';

/** A route of the contract, by its operation id. */
export type OperationId = (typeof ROUTES)[number]['operationId'];
export type Route = (typeof ROUTES)[number];

/** The sections of DESIGN.md the checks cite. */
export const DESIGN = {
  contract: 'DESIGN.md § The contract (HTTP)',
  machine: 'DESIGN.md § Dossier status machine',
  domain: 'DESIGN.md § Domain model',
} as const;

/** RFC 9457, as the contract uses it. */
export const RFC9457 = 'RFC 9457 (problem details), as DESIGN.md § The contract (HTTP) uses it';

/** The route with this operation id. */
export function routeOf(operationId: OperationId): Route {
  const route = ROUTES.find((r) => r.operationId === operationId);
  if (!route) throw new Error(`no route ${operationId}`);
  return route;
}

/** How a report names a route: `POST /api/v1/dossiers (createDossier)`. */
export function routeName(operationId: OperationId): string {
  const route = routeOf(operationId);
  return `${route.method.toUpperCase()} /api/v1${route.path} (${operationId})`;
}

/** The route's operation in the OpenAPI document, as a JSON pointer. */
export function openApiPointer(operationId: OperationId): string {
  const route = routeOf(operationId);
  return `openapi.json#/paths/${route.path.replaceAll('~', '~0').replaceAll('/', '~1')}/${route.method}`;
}

/** The citations of a check: its sections, then each route with its OpenAPI pointer. */
export function cites(sections: readonly string[], operations: readonly OperationId[]): string[] {
  return [
    ...sections,
    ...operations.flatMap((operationId) => [routeName(operationId), openApiPointer(operationId)]),
  ];
}
