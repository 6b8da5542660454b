/**
 * Files the package ships beside its code. This module sits at the root of `src/`, and the build
 * bundles into `dist/` at the same depth, so one relative URL works from source and from dist.
 */
export const PACKAGE_ROOT = new URL('../', import.meta.url);
export const PORTAL_DIR = new URL('portal/', PACKAGE_ROOT);
export const NATIONAL_PROCEDURES = new URL('data/national-procedures.json.gz', PACKAGE_ROOT);
