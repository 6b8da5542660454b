import * as z from 'zod/mini';

/**
 * A page of a cursor-paginated list. `nextCursor` is opaque: pass it back as `?cursor=` for the
 * next page; `null` on the last page.
 */
export function pageOf<Item extends z.ZodMiniType>(item: Item, id: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z.nullable(
        z.string().check(z.describe('Pass as ?cursor= for the next page; null at the end.')),
      ),
    })
    .register(z.globalRegistry, { id, description: `A page of ${id.replace(/Page$/, '')} items.` });
}

/** The type of a page of `Item`. */
export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}
