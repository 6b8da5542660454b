/**
 * The part of the administrative units the address field needs to offer choices: the 34
 * provinces, and a function that fetches one province's communes when it is picked. Loaded with
 * a dynamic `import()` (see address-field.ts); each province's communes are a module of their
 * own (`@egov-kit/schema/units/lazy`), so an address costs a few kB, not the whole country.
 */
export { listProvinces, loadCommunes } from '@egov-kit/schema/units/lazy';
