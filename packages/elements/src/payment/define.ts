import { EgovPayment, type PaymentPaidDetail, type PaymentRedirectDetail } from './payment.js';

export {
  EgovPayment,
  type PaymentClient,
  type PaymentDossier,
  type PaymentPaidDetail,
  type PaymentRedirectDetail,
  type PaymentView,
} from './payment.js';

EgovPayment.define('egov-payment');

declare global {
  interface HTMLElementTagNameMap {
    'egov-payment': EgovPayment;
  }
  interface GlobalEventHandlersEventMap {
    'egov-payment-paid': CustomEvent<PaymentPaidDetail>;
    'egov-payment-redirect': CustomEvent<PaymentRedirectDetail>;
  }
}
