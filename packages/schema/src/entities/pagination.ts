import * as z from 'zod/mini';
import { described } from '../internal/described.js';

/**
 * A page of a cursor-paginated list. `nextCursor` is opaque: pass it back as `?cursor=` for the
 * next page; `null` on the last page.
 */
export function pageOf<Item extends z.ZodMiniType>(item: Item, id: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z.nullable(
        described(z.string(), 'Pass as ?cursor= for the next page; null at the end.'),
      ),
    })
    .register(z.globalRegistry, { id, description: `A page of ${id.replace(/Page$/, '')} items.` });
}

/** The type of a page of `Item`. */
export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}
