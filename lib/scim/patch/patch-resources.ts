import { attr, type AttributeDef } from "../schema/attribute";
import { CORE_GROUP_ATTRIBUTES, CORE_USER_ATTRIBUTES, ENTERPRISE_USER_ATTRIBUTES } from "../schema/user-schema";

/** What the one PATCH path needs to know of a resource type. */
export interface PatchResource {
  name: "User" | "Group";
  /** The core attributes a path may name (read-only ones are ignored, as in POST and PUT). */
  core: readonly AttributeDef[];
  /** The Enterprise User extension's attributes, on the resource that has it. */
  enterprise?: readonly AttributeDef[];
  /**
   * Today's answer to a remove whose target is absent or not ours: 400 noTarget for Users,
   * nothing for Groups. Issue 26 makes removes idempotent; until then each keeps its answer.
   */
  lenientRemoves: boolean;
}

// externalId is a common attribute (RFC 7643 §3.1), not part of either schema's list.
const externalId = (resource: string) =>
  attr("externalId", "string", `Identifier of the ${resource} in the provisioning client.`, { caseExact: true });

export const USER_PATCH: PatchResource = {
  name: "User",
  core: [...CORE_USER_ATTRIBUTES, externalId("User")],
  enterprise: ENTERPRISE_USER_ATTRIBUTES,
  lenientRemoves: false,
};

export const GROUP_PATCH: PatchResource = {
  name: "Group",
  core: [...CORE_GROUP_ATTRIBUTES, externalId("Group")],
  lenientRemoves: true,
};
