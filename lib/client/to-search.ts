/** A query string of the values that say something: empty strings and undefined are left out. */
export function toSearch(params: object): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== undefined && v !== null) sp.set(k, String(v));
  return sp.toString();
}
