/**
 * The map from pre-2025 units to today's, loaded with a dynamic `import()` only when an address
 * field is given an old code: its data (≈70 kB) is the largest part of the units module.
 */
export { mapOldUnit } from '@egov-kit/schema/units';
