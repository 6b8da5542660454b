import {
  EgovDigitalSignature,
  type SignErrorDetail,
  type SignedDetail,
} from './digital-signature.js';

export {
  type DigitalSignatureStatus,
  EgovDigitalSignature,
  type SignatureFormat,
  type SignErrorDetail,
  type SignedDetail,
  type SigningFailure,
} from './digital-signature.js';

EgovDigitalSignature.define('egov-digital-signature');

declare global {
  interface HTMLElementTagNameMap {
    'egov-digital-signature': EgovDigitalSignature;
  }
  interface GlobalEventHandlersEventMap {
    'egov-signed': CustomEvent<SignedDetail>;
    'egov-sign-error': CustomEvent<SignErrorDetail>;
  }
}
