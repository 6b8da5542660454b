/**
 * `@egov-kit/schema/openapi` — the OpenAPI 3.1 document of the contract. A separate entry point:
 * generating JSON Schema is server- and tooling-side work a browser never pays for.
 */
export { buildOpenApiDocument, type OpenApiOptions } from './build-openapi-document.js';
export { COMPONENT_SCHEMAS } from './components.js';
