// What the group store refuses, decided once here; each face maps a refusal to its answer
// (SCIM: lib/scim/errors.ts, console: lib/http/console-response.ts) through `groupAnswerFor`.

export type GroupRefusal = { kind: "not_found"; id: string } | { kind: "duplicate_display_name"; displayName: string };

export class GroupStoreError extends Error {
  constructor(readonly refusal: GroupRefusal) {
    super(refusal.kind);
    this.name = "GroupStoreError";
  }
}

export const groupNotFound = (id: string) => new GroupStoreError({ kind: "not_found", id });
export const duplicateDisplayName = (displayName: string) => new GroupStoreError({ kind: "duplicate_display_name", displayName });

export function groupAnswerFor(face: "scim" | "console", r: GroupRefusal): { status: number; message: string; scimType?: "uniqueness" } {
  switch (r.kind) {
    case "not_found":
      return face === "scim"
        ? { status: 404, message: `Group '${r.id.slice(0, 200)}' not found.` }
        : { status: 404, message: "This group does not exist in this organization. The identity provider may have deleted it." };
    case "duplicate_display_name":
      return face === "scim"
        ? { status: 409, message: `A Group with displayName '${r.displayName.slice(0, 300)}' already exists.`, scimType: "uniqueness" }
        : { status: 409, message: `A group named ${r.displayName} already exists in this organization.` };
  }
}
