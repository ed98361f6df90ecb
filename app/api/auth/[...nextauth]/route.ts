import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { observeConsole } from "@/lib/ops/observe-console";

type Ctx = { params: Promise<{ nextauth: string[] }> };

const nextAuth = NextAuth(authOptions) as (req: Request, ctx: Ctx) => Promise<Response>;

// next-auth's routes (sign-in, callbacks, session), with a request id and one log line each.
const handler = (req: Request, ctx: Ctx) => observeConsole("auth", req, ctx.params, () => nextAuth(req, ctx));
export { handler as GET, handler as POST };
