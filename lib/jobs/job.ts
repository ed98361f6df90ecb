/** A periodic piece of work of the server process: runs at start, then every `everyMs`. */
export interface Job {
  /** Names the job in logs and in `npm run jobs` failures. */
  name: string;
  everyMs: number;
  run(now: Date): Promise<void>;
}
