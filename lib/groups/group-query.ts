import { z } from "zod";

// Console API inputs for groups, shared by the routes and the client hooks.
export const groupMembersParams = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

/** The mapping as it should be: the IAM permission, or none. */
export const mappingInput = z.object({ permission: z.enum(["iam"]).nullable() }).strict();
export type MappingInput = z.infer<typeof mappingInput>;

/** `?permission=iam` or `?permission=none`: the preview of saving that. */
export const mappingPreviewParams = z.object({ permission: z.enum(["iam", "none"]) });
