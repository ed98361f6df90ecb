import { withOrg } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { STATE_COOKIE } from "@/lib/sso/http";
import { startTestSignIn } from "@/lib/sso/get-connection";
import { REQUEST_TTL_MS } from "@/lib/sso/sso-requests";

// POST /api/organizations/[orgId]/sso/test — start a Test sign-in: { location } to open; no session is issued at the end
export const POST = withOrg<{ orgId: string }>("provisioning:manage", async ({ orgId, origin, user, req }) => {
  const started = await startTestSignIn(orgId, origin, { id: user.id, label: user.email });
  const res = json({ location: started.location });
  if (started.state)
    res.cookies.set(STATE_COOKIE, started.state, {
      httpOnly: true,
      sameSite: "lax",
      path: `/sso/${orgId}`,
      maxAge: REQUEST_TTL_MS / 1000,
      secure: req.nextUrl.protocol === "https:",
    });
  return res;
});
