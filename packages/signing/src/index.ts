/**
 * @egov-kit/signing — CAdES/PAdES signatures, signers and verification.
 *
 * The package is wired into the workspace (build, tests, size budget, package checks); its
 * signers and verifiers arrive with the signing issue. See `README.md` for the planned surface.
 *
 * @packageDocumentation
 */
export {};
