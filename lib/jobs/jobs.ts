import type { Job } from "./job";
import { retentionJob } from "./retention-job";
import { tokenExpiryJob } from "./token-expiry-job";
import { ssoPruneJob } from "./sso-prune-job";

// Every job the server runs (at start, then every `everyMs`), and `npm run jobs -- --once`.
export const JOBS: readonly Job[] = [retentionJob, tokenExpiryJob, ssoPruneJob];
