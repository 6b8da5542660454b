/**
 * The part of `@egov-kit/schema/units` the address field needs to offer choices: loaded with a
 * dynamic `import()` (see address-field.ts), so that the ≈25 kB of unit data is a separate chunk
 * that a page fetches only when it shows an address — never part of the main bundle.
 */
export { listCommunes, listProvinces } from '@egov-kit/schema/units';
