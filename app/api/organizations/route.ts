import { withSession } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { listOrganizations } from "@/lib/organizations/list-organizations";

// GET /api/organizations — organizations the session user belongs to
export const GET = withSession<object>(async ({ session }) => json({ organizations: listOrganizations(session) }));
