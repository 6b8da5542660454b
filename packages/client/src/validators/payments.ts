// Loaded with `import()` on first use; see procedures.ts.
import { Payment, PaymentMethod } from '@egov-kit/schema';
import * as z from 'zod/mini';

export { Payment };

/** The answer of `GET /dossiers/{id}/payments`: the route table declares it inline, unnamed. */
export const PaymentList = z.object({ items: z.array(Payment) });

/** The answer of `GET /payment-methods`, declared inline too. */
export const PaymentMethodList = z.object({ items: z.array(PaymentMethod) });
