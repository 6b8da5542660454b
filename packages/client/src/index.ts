/**
 * @egov-kit/client — the typed HTTP client for the egov-kit contract.
 *
 * The package is wired into the workspace (build, tests, size budget, package checks); its
 * resources arrive with the client issue. See `README.md` for the planned surface.
 *
 * @packageDocumentation
 */
export {};
