import { pruneRequests } from "../sso/sso-requests";
import type { Job } from "./job";

/** Expired SSO requests, test results and spent SAML assertion IDs (kept only as long as a replay could work). Idempotent. */
export const ssoPruneJob: Job = {
  name: "sso-prune",
  everyMs: 15 * 60 * 1000,
  async run(now) {
    const count = await pruneRequests(now);
    if (count > 0) console.info(`Job sso-prune: deleted ${count} expired sign-in request(s) and assertion ID(s)`);
  },
};
