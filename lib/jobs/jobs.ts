import type { Job } from "./job";
import { retentionJob } from "./retention-job";
import { ssoPruneJob } from "./sso-prune-job";

// Every job the server runs; a new periodic task (e.g. a token expiry check every 15 minutes)
// is one more entry here.
export const JOBS: readonly Job[] = [retentionJob, ssoPruneJob];
