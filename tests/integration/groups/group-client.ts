// Helpers for the Groups tests: users to put in groups, the Group URN, a filter as on the wire.
import { CORE, type ScimClient, uniqueUserName } from "../scim/scim-client";

export const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

/** The ids, typed so that destructuring the first few needs no checks (the caller asked for that many). */
type Ids = [string, string, string, string, ...string[]];

/** Creates `n` SCIM users and returns their ids. */
export async function createUsers(scim: ScimClient, n: number, tag = "member"): Promise<Ids> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const userName = uniqueUserName(`${tag}${i}`);
    const res = await scim.post("/Users", {
      schemas: [CORE],
      userName,
      name: { givenName: `Given${i}`, familyName: "Member" },
      displayName: `${tag} ${i}`,
      emails: [{ value: userName, primary: true }],
    });
    if (res.status !== 201) throw new Error(`POST /Users answered ${res.status}: ${res.text}`);
    ids.push(res.body.id as string);
  }
  return ids as Ids;
}

export function uniqueGroupName(tag: string): string {
  return `${tag} ${Math.random().toString(36).slice(2, 8)}`;
}

/** `?filter=…` encoded as Entra sends it (`+` for spaces). */
export function filterQuery(filter: string, extra = ""): string {
  return `?filter=${encodeURIComponent(filter).replace(/%20/g, "+")}${extra}`;
}

export async function memberIdsOf(scim: ScimClient, groupId: string): Promise<string[]> {
  const res = await scim.get(`/Groups/${groupId}`);
  if (res.status !== 200) throw new Error(`GET /Groups/${groupId} answered ${res.status}`);
  return ((res.body.members ?? []) as { value: string }[]).map((m) => m.value).sort();
}
