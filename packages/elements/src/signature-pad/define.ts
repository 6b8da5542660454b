import { EgovSignaturePad } from './signature-pad.js';

export {
  EgovSignaturePad,
  parseSignatureValue,
  SIGNATURE_MODES,
  type SignatureMode,
  type SignaturePoint,
  type SignatureValue,
} from './signature-pad.js';

if (!customElements.get('egov-signature-pad')) {
  customElements.define('egov-signature-pad', EgovSignaturePad);
}

declare global {
  interface HTMLElementTagNameMap {
    'egov-signature-pad': EgovSignaturePad;
  }
}
