import type { Page } from '@egov-kit/schema';

/**
 * Every item of a cursor-paginated list, page after page, fetching the next page only when
 * the caller has taken the items of the one before.
 */
export async function* paginate<Item>(
  page: (cursor: string | undefined) => Promise<Page<Item>>,
): AsyncGenerator<Item, void, undefined> {
  let cursor: string | undefined;
  do {
    const current = await page(cursor);
    yield* current.items;
    if (current.nextCursor !== null && current.nextCursor === cursor) {
      throw new Error(`The server gave the same cursor twice (${cursor}); stopping.`);
    }
    cursor = current.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
