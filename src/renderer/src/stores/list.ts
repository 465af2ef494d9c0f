import { create, type StoreApi } from 'zustand';
import type { ListedThread } from '../../../shared/types';
import type { View } from '../../../shared/team';
import { api } from '../api';
import { errorText } from '../callErrors';

/** Rows fetched per `threads.list` call; the list windows through offsets page by page. */
export const PAGE_SIZE = 500;
/** Most results one search shows (the contract caps `threads.search` at 5000). */
export const SEARCH_LIMIT = 1000;

/** Where the list's rows come from: a view of the mailbox or a search. */
export type ListSource = { kind: 'all'; view?: View; sort?: 'recent' | 'due' } | { kind: 'search'; query: string };

/** The thread list as the service last described it; pages are fetched as they come into view. */
interface ListState {
  source: ListSource;
  /** Fetched pages by page number; a missing page is shown as placeholder rows. */
  pages: Record<number, ListedThread[]>;
  /** The exact row count once known (last page seen, or a search); null while paging. */
  total: number | null;
  /** Rows the list shows: the exact total, or what is known plus one page to scroll into. */
  count: number;
  selectedIndex: number;
  selectedId: number | null;
  loading: boolean;
  error: string | null;
  /** Bumped on every reload so late answers for an older source are dropped. */
  generation: number;
  setSource(source: ListSource): Promise<void>;
  ensure(start: number, end: number): Promise<void>;
  reload(): Promise<void>;
  move(delta: number): void;
  select(index: number): void;
  selectById(id: number): void;
}

const inFlight = new Set<string>();

function countOf(pages: Record<number, ListedThread[]>, total: number | null): number {
  if (total !== null) return total;
  const loaded = Object.keys(pages).map(Number);
  const last = loaded.length === 0 ? -1 : Math.max(...loaded);
  return (last + 1) * PAGE_SIZE + PAGE_SIZE;
}

/** The thread at `index`, if its page is loaded. */
export function threadAt(state: Pick<ListState, 'pages'>, index: number): ListedThread | undefined {
  return state.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

function indexOfId(pages: Record<number, ListedThread[]>, id: number | null): number {
  if (id === null) return -1;
  for (const [page, rows] of Object.entries(pages)) {
    const at = rows.findIndex((t) => t.id === id);
    if (at >= 0) return Number(page) * PAGE_SIZE + at;
  }
  return -1;
}

type SetList = StoreApi<ListState>['setState'];
type GetList = StoreApi<ListState>['getState'];

/** Fetches one page of the current view; an answer for an older generation is dropped. */
async function fetchPage(set: SetList, get: GetList, page: number, generation: number): Promise<void> {
  const key = `${generation}:${page}`;
  if (inFlight.has(key)) return;
  inFlight.add(key);
  try {
    const source = get().source;
    const view = source.kind === 'all' ? (source.view ?? 'all') : 'all';
    const sort =
      (source.kind === 'all' ? source.sort : undefined) ??
      (view === 'due' || view === 'overdue' || view === 'promised' ? 'due' : 'recent');
    const rows = await api['threads.list']({ view, sort, limit: PAGE_SIZE, offset: page * PAGE_SIZE });
    if (get().generation !== generation) return;
    const pages = { ...get().pages, [page]: rows };
    const total = rows.length < PAGE_SIZE ? page * PAGE_SIZE + rows.length : get().total;
    const found = indexOfId(pages, get().selectedId);
    const selectedIndex = found >= 0 ? found : get().selectedIndex;
    const count = countOf(pages, total);
    set({
      pages,
      total,
      count,
      selectedIndex: Math.min(selectedIndex, Math.max(0, count - 1)),
      selectedId: threadAt({ pages }, selectedIndex)?.id ?? get().selectedId,
      error: null,
    });
  } catch (error) {
    if (get().generation === generation) set({ error: errorText(error) });
  } finally {
    inFlight.delete(key);
  }
}

/** A search's results, all at once (they are capped), split into pages. */
async function loadSearch(
  set: SetList,
  get: GetList,
  query: string,
  generation: number,
  keepSelection: boolean,
): Promise<void> {
  const { selectedIndex } = get();
  try {
    const rows = await api['threads.search']({
      query,
      limit: SEARCH_LIMIT,
      tzOffsetMinutes: -new Date().getTimezoneOffset(),
    });
    if (get().generation !== generation) return;
    const pages: Record<number, ListedThread[]> = {};
    for (let i = 0; i < rows.length; i += PAGE_SIZE) pages[i / PAGE_SIZE] = rows.slice(i, i + PAGE_SIZE);
    const found = keepSelection ? indexOfId(pages, get().selectedId) : -1;
    const index = found >= 0 ? found : keepSelection ? Math.min(selectedIndex, Math.max(0, rows.length - 1)) : 0;
    set({
      pages,
      total: rows.length,
      count: rows.length,
      selectedIndex: index,
      selectedId: threadAt({ pages }, index)?.id ?? null,
      loading: false,
      error: null,
    });
  } catch (error) {
    if (get().generation === generation)
      set({ loading: false, error: errorText(error), pages: {}, total: 0, count: 0 });
  }
}

/** Loads the current source again; `keepSelection` keeps the highlighted row where it can. */
async function load(set: SetList, get: GetList, keepSelection: boolean): Promise<void> {
  const generation = get().generation + 1;
  const { source, selectedIndex } = get();
  set({ generation, loading: true });
  if (source.kind === 'search') return loadSearch(set, get, source.query, generation, keepSelection);
  // Keep the rows on screen while the fresh pages arrive, so nothing flickers.
  const firstPage = Math.floor(Math.max(0, selectedIndex - PAGE_SIZE / 2) / PAGE_SIZE);
  const wanted = new Set([0, firstPage, Math.floor(selectedIndex / PAGE_SIZE)]);
  if (!keepSelection) set({ pages: {}, total: null, count: 0, selectedIndex: 0, selectedId: null });
  await Promise.all([...wanted].map((page) => fetchPage(set, get, page, generation)));
  if (get().generation !== generation) return;
  const keep = new Set(wanted);
  const pages = Object.fromEntries(Object.entries(get().pages).filter(([p]) => keep.has(Number(p))));
  set({ pages, count: countOf(pages, get().total), loading: false });
}

/** The list store: windowed pages, selection by id (kept when new mail pushes it down). */
export const useThreadList = create<ListState>((set, get) => {
  return {
    source: { kind: 'all' },
    pages: {},
    total: null,
    count: 0,
    selectedIndex: 0,
    selectedId: null,
    loading: false,
    error: null,
    generation: 0,
    async setSource(source) {
      set({ source, selectedIndex: 0, selectedId: null });
      await load(set, get, false);
    },
    async ensure(start, end) {
      const { generation, pages, source, count } = get();
      if (source.kind === 'search') return;
      const last = Math.min(end, Math.max(0, count - 1));
      const wanted: Promise<void>[] = [];
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page += 1) {
        if (!pages[page]) wanted.push(fetchPage(set, get, page, generation));
      }
      await Promise.all(wanted);
    },
    reload: () => load(set, get, true),
    move(delta) {
      const { count, selectedIndex } = get();
      if (count === 0) return;
      get().select(Math.min(count - 1, Math.max(0, selectedIndex + delta)));
    },
    select(index) {
      const id = threadAt(get(), index)?.id ?? null;
      set({ selectedIndex: index, selectedId: id });
      if (id === null) void get().ensure(index, index);
    },
    selectById(id) {
      const index = indexOfId(get().pages, id);
      if (index >= 0) set({ selectedIndex: index, selectedId: id });
    },
  };
});
