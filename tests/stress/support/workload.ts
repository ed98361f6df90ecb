// The write load an IdP puts on the SCIM API, with a ledger of what was sent and what was
// answered. Every write stamps one tag on all the attributes it touches (name, title, emails,
// department, externalId), so any stored state names the single write it came from — and a
// state carrying two tags was applied by halves.
import { CORE, ENT, type Json } from "../../integration/scim/scim-client";
import type { ScimClientAt } from "./scim-at";

export type Op = "post" | "put" | "patch" | "delete";

export interface Sent {
  op: Op;
  tag: string;
  /** The member written (for a POST: the id it answered, if it answered). */
  id?: string;
  /** HTTP status, or null when no answer came back (server killed, connection reset). */
  status: number | null;
  body?: Json;
  retryAfter?: string | null;
}

/** A write that may or may not have been applied: no answer, or a 5xx. */
export const isUnknown = (s: Sent) => s.status === null || s.status >= 500;
export const isAcknowledged = (s: Sent) => s.status !== null && s.status >= 200 && s.status < 300;

/** Answers a correct server may give this load: success, 404 (deleted meanwhile), 503 (retry later). */
const EXPECTED = new Set([200, 201, 204, 404, 503]);

/** Answers outside EXPECTED, and 503s without Retry-After or without a SCIM error body. */
export function unexpectedAnswers(sent: Sent[]): string[] {
  return sent.flatMap((s) => {
    if (s.status === null) return [];
    if (!EXPECTED.has(s.status)) return [`${s.op} ${s.tag}: ${s.status} ${JSON.stringify(s.body).slice(0, 200)}`];
    if (s.status === 503 && (!s.retryAfter || s.body?.status !== "503" || "scimType" in (s.body ?? {})))
      return [`${s.op} ${s.tag}: 503 without Retry-After or SCIM body`];
    return [];
  });
}

export const userNameFor = (tag: string) => `stress-${tag}@contoso.example`;

/** The attributes a write with this tag sets, all at once. */
export function taggedAttributes(tag: string) {
  return {
    name: { givenName: `G-${tag}`, familyName: `F-${tag}` },
    title: `T-${tag}`,
    emails: [{ value: `${tag}@stress.example`, type: "work", primary: true }],
    externalId: `X-${tag}`,
    [ENT]: { department: `D-${tag}` },
  };
}

/** A multi-operation PATCH setting the same attributes: all of them land, or none. */
export function taggedPatch(tag: string) {
  const a = taggedAttributes(tag);
  return [
    { op: "replace", path: "name.givenName", value: a.name.givenName },
    { op: "replace", path: "name.familyName", value: a.name.familyName },
    { op: "replace", path: "title", value: a.title },
    { op: "replace", path: "emails", value: a.emails },
    { op: "replace", path: "externalId", value: a.externalId },
    { op: "replace", path: `${ENT}:department`, value: `D-${tag}` },
  ];
}

export class Ledger {
  readonly sent: Sent[] = [];
  /** Members believed to exist (targets for PUT/PATCH/DELETE), id → userName. */
  readonly live = new Map<string, string>();

  pick(): [string, string] | undefined {
    const ids = [...this.live.entries()];
    return ids[Math.floor(Math.random() * ids.length)];
  }

  get acknowledged() {
    return this.sent.filter(isAcknowledged).length;
  }
}

/** One request; a network failure (the server was killed) is recorded as "no answer". */
async function send(scim: ScimClientAt, ledger: Ledger, op: Op, tag: string, target?: [string, string]): Promise<Sent> {
  const entry: Sent = { op, tag, id: target?.[0], status: null };
  ledger.sent.push(entry);
  try {
    const path = `/Users/${target?.[0] ?? ""}`;
    const res =
      op === "post"
        ? await scim.post("/Users", { schemas: [CORE, ENT], userName: userNameFor(tag), ...taggedAttributes(tag) })
        : op === "put"
          ? await scim.put(path, { schemas: [CORE, ENT], userName: target![1], ...taggedAttributes(tag) })
          : op === "patch"
            ? await scim.patch(path, taggedPatch(tag))
            : await scim.delete(path);
    Object.assign(entry, { status: res.status, body: res.body, retryAfter: res.headers.get("Retry-After") });
    if (op === "post" && res.status === 201) {
      entry.id = res.body.id as string;
      ledger.live.set(entry.id, userNameFor(tag));
    }
    if (target && (res.status === 404 || (op === "delete" && res.status === 204))) ledger.live.delete(target[0]);
  } catch {
    // No answer (connection reset or refused, or an unreadable body): outcome unknown.
  }
  return entry;
}

function chooseOp(ledger: Ledger): Op {
  const r = Math.random();
  if (ledger.live.size < 5 || r < 0.15) return "post";
  if (r < 0.25) return "delete";
  return r < 0.5 ? "put" : "patch";
}

/**
 * `workers` loops sending writes until stop() says so, pausing briefly after a 503 as an IdP
 * honouring Retry-After would (shortened: the outages here are seconds long). Returns when
 * every loop has had its last answer (or its connection reset).
 */
export async function runLoad(opts: {
  scim: ScimClientAt;
  ledger: Ledger;
  label: string;
  workers: number;
  stop: () => boolean;
}): Promise<void> {
  const worker = async (w: number) => {
    for (let n = 0; !opts.stop(); n++) {
      const op = chooseOp(opts.ledger);
      const target = op === "post" ? undefined : opts.ledger.pick();
      if (op !== "post" && !target) continue;
      const sent = await send(opts.scim, opts.ledger, op, `${opts.label}w${w}n${n}`, target);
      if (sent.status === 503) await new Promise((r) => setTimeout(r, 200));
    }
  };
  await Promise.all(Array.from({ length: opts.workers }, (_, w) => worker(w)));
}
