// Every action the audit trail knows, with the words the console uses for it. Pure: the
// activity API validates filters against it and the UI labels events with it.

export type EventSource = "console" | "provisioning" | "sign-in";

export const EVENT_ACTIONS = {
  "scim.enabled": { label: "SCIM enabled", source: "console" },
  "scim.disabled": { label: "SCIM disabled", source: "console" },
  "scim.token.created": { label: "Token created", source: "console" },
  "scim.token.deleted": { label: "Token deleted", source: "console" },
  "scim.token.expiry_notified": { label: "Token expiry emailed", source: "console" },
  "apikey.created": { label: "API key created", source: "console" },
  "apikey.deleted": { label: "API key deleted", source: "console" },
  "member.locked": { label: "Member locked", source: "console" },
  "member.unlocked": { label: "Member unlocked", source: "console" },
  "member.removed": { label: "Member removed", source: "console" },
  "scim.user.created": { label: "User created", source: "provisioning" },
  "scim.user.adopted": { label: "Existing user linked", source: "provisioning" },
  "scim.user.updated": { label: "User updated", source: "provisioning" },
  "scim.user.locked": { label: "User locked", source: "provisioning" },
  "scim.user.unlocked": { label: "User unlocked", source: "provisioning" },
  "scim.user.deleted": { label: "User deleted", source: "provisioning" },
  "scim.group.created": { label: "Group created", source: "provisioning" },
  "scim.group.renamed": { label: "Group renamed", source: "provisioning" },
  "scim.group.updated": { label: "Group updated", source: "provisioning" },
  "scim.group.deleted": { label: "Group deleted", source: "provisioning" },
  "scim.group.members_added": { label: "Group members added", source: "provisioning" },
  "scim.group.members_removed": { label: "Group members removed", source: "provisioning" },
  "group.mapping.created": { label: "Group mapped to the IAM permission", source: "console" },
  "group.mapping.removed": { label: "Group mapping removed", source: "console" },
  "group.permission.granted": { label: "IAM permission granted by a group", source: "provisioning" },
  "group.permission.revoked": { label: "IAM permission revoked by a group", source: "provisioning" },
  "scim.request.rejected": { label: "Request rejected", source: "provisioning" },
  "scim.auth.failed": { label: "Authentication failed", source: "provisioning" },
  "scim.request.throttled": { label: "Requests throttled", source: "provisioning" },
  "scim.auth.throttled": { label: "Address throttled after failed sign-ins", source: "provisioning" },
  "sso.connection.updated": { label: "Single sign-on connection changed", source: "console" },
  "sso.enabled": { label: "Single sign-on enabled", source: "console" },
  "sso.disabled": { label: "Single sign-on disabled", source: "console" },
  "sso.test": { label: "Single sign-on tested", source: "console" },
  "sso.signin.succeeded": { label: "Signed in with single sign-on", source: "sign-in" },
  "sso.signin.failed": { label: "Single sign-on refused", source: "sign-in" },
} as const satisfies Record<string, { label: string; source: EventSource }>;

export type EventAction = keyof typeof EVENT_ACTIONS;
export const KNOWN_ACTIONS = Object.keys(EVENT_ACTIONS) as EventAction[];

/** Filter values: one action, or every action of a source. */
export const ACTION_GROUPS = {
  console: "Console changes",
  provisioning: "Identity provider requests",
  "sign-in": "Sign-ins",
} as const satisfies Record<EventSource, string>;
export type ActionFilter = EventAction | EventSource;

export function isKnownAction(action: string): action is EventAction {
  return Object.hasOwn(EVENT_ACTIONS, action);
}

export function actionLabel(action: string): string {
  return isKnownAction(action) ? EVENT_ACTIONS[action].label : action;
}

export function eventSource(action: string): EventSource {
  return isKnownAction(action)
    ? EVENT_ACTIONS[action].source
    : action.startsWith("scim.user.") ||
        action.startsWith("scim.group.") ||
        action.startsWith("scim.request.") ||
        action.startsWith("scim.auth.")
      ? "provisioning"
      : action.startsWith("sso.signin.")
        ? "sign-in"
        : "console";
}

/** The actions a filter value stands for. */
export function actionsFor(filter: ActionFilter): EventAction[] {
  if (isKnownAction(filter)) return [filter];
  return KNOWN_ACTIONS.filter((a) => EVENT_ACTIONS[a].source === filter);
}

export interface ActorLike {
  type: string;
  label: string | null;
}

/** Who did it, in words: an email, a token by its prefix, or an unidentified caller. */
export function actorText(actor: ActorLike): string {
  switch (actor.type) {
    case "user":
      return actor.label ?? "A console user";
    case "token":
      return actor.label ? `Token ${actor.label}…` : "A SCIM token";
    case "api_key":
      return actor.label ? `API key ${actor.label}…` : "An API key";
    case "anonymous":
      return actor.label ? `Unaccepted token ${actor.label}…` : "Unidentified caller";
    case "idp":
      return actor.label ? `Identity provider, asserting ${actor.label}` : "Identity provider";
    case "system":
      return "System";
    default:
      return actor.label ?? actor.type;
  }
}

/** What it was done to: a member by username, a group by name, a token by prefix, a refused request by method and path. */
export function targetText(target: { type: string; id: string | null; label: string | null } | null): string {
  if (!target) return "—";
  if (target.type === "token") return target.label ? `Token ${target.label}…` : "A token";
  if (target.type === "api_key") return target.label ? `API key ${target.label}…` : "An API key";
  return target.label ?? target.id ?? "—";
}
