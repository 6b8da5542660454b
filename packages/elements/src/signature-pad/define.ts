import { EgovSignaturePad } from './signature-pad.js';

export {
  EgovSignaturePad,
  parseSignatureValue,
  SIGNATURE_MODES,
  type SignatureMode,
  type SignaturePoint,
  type SignatureValue,
} from './signature-pad.js';

EgovSignaturePad.define('egov-signature-pad');

declare global {
  interface HTMLElementTagNameMap {
    'egov-signature-pad': EgovSignaturePad;
  }
}
