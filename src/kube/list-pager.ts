/**
 * The paged initial list of a list+watch: GET with limit/continue, handing each page over as it
 * arrives so the first rows show long before a 10,000-object list is complete.
 */
import type { ApiClient, Query } from './api-client.ts';
import { tableAccept } from './api-client.ts';
import { decodePage, type DecodedPage } from './stream-decode.ts';
import type { ResourceInfo } from './resource-info.ts';

/** Objects on the first page of a paged list: more than a tall terminal shows. */
export const firstPageSize = 100;

/** One full list, page by page. */
export interface PagedList {
  client: ApiClient;
  path: string;
  resource: Pick<ResourceInfo, 'group' | 'version' | 'kind'>;
  /** Selectors and other fixed query parameters. */
  query: Query;
  table: boolean;
  /** Objects per page; 0 lists everything in one request. */
  pageSize: number;
  signal: AbortSignal;
  timeoutMs: number;
}

/** Progress after a page: how many objects so far and, when the server says, how many in all. */
export interface PageProgress {
  loaded: number;
  total: number | undefined;
}

/**
 * Fetches every page, calling `onPage` for each (in order), and resolves with the list's
 * resourceVersion. The next page is asked for as soon as this one's continue token is known,
 * before `onPage` runs: the server prepares page N+1 while kx files page N into the cache
 * (a 10,000-pod list is twenty round trips). Rejects with the KxError of a failed page.
 */
export async function listPages(req: PagedList, onPage: (page: DecodedPage, progress: PageProgress) => void): Promise<string> {
  const fetchPage = (continueToken: string | undefined): Promise<unknown> => {
    // The first page is a screenful: the server answers it, and kx parses and draws it, sooner
    // than a full page; the pages after it are full.
    const limit = req.pageSize > 0 ? (continueToken === undefined ? Math.min(req.pageSize, firstPageSize) : req.pageSize) : undefined;
    const pending = req.client.get(req.path, {
      query: { ...req.query, limit, continue: continueToken },
      ...(req.table ? { accept: tableAccept } : {}),
      signal: req.signal,
      // One unpaged list of a big cluster can take a while.
      timeoutMs: req.pageSize > 0 ? req.timeoutMs : Math.max(req.timeoutMs, 300_000),
    });
    // Awaited below; this only keeps a page that fails while onPage throws from going unhandled.
    pending.catch(() => undefined);
    return pending;
  };
  let loaded = 0;
  let rv = '';
  let next: Promise<unknown> | undefined = fetchPage(undefined);
  while (next) {
    const body = await next;
    if (req.signal.aborted) return rv;
    const page = decodePage(body, req.resource, req.table);
    loaded += page.objects.length;
    next = page.continueToken ? fetchPage(page.continueToken) : undefined;
    rv = page.resourceVersion ?? rv;
    const total = page.remainingItemCount !== undefined ? loaded + page.remainingItemCount : page.continueToken ? undefined : loaded;
    onPage(page, { loaded, total });
  }
  return rv;
}
