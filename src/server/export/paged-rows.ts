/**
 * Walks a paged list service page by page, so an export reuses the screen's own query (same scope, same filters)
 * without holding the whole list. The first page is read before anything is sent, so a refusal (out of scope,
 * bad filter) still becomes a proper error response instead of a broken download.
 */
export async function pagedRows<T>(fetchPage: (page: number, pageSize: number) => Promise<{ items: T[] }>, pageSize = 200): Promise<AsyncIterable<T>> {
  const first = await fetchPage(1, pageSize);
  async function* all(): AsyncIterable<T> {
    yield* first.items;
    if (first.items.length < pageSize) return;
    for (let page = 2; ; page++) {
      const { items } = await fetchPage(page, pageSize);
      yield* items;
      if (items.length < pageSize) return;
    }
  }
  return all();
}
