/**
 * What the element uses of `@egov-kit/signing`, loaded on Sign. Naming the functions (instead
 * of importing the whole namespace) lets the bundler leave out what the element never calls:
 * the time-stamp client, document time-stamps, the DSS writer, the remote signer.
 */
export { digest, signCades, signPades, verifyCades, verifyPades } from '@egov-kit/signing';
