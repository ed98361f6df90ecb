export interface Queries {
  byUserName: unknown;
  byId: unknown;
}
export function openQueries(file: string | undefined): Queries;
export function answer(q: Queries, orgId: string, rest: string[], search: URLSearchParams, base: string): [number, unknown];
