import { api } from '../api';

/** Conversations matching a search (operators as in the search box), best first. */
export function searchThreads(query: string, limit: number) {
  return api['threads.search']({ query, limit });
}
