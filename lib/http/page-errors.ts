import { describeDatabaseError, isDatabaseUnavailable } from "../db/errors";
import { logger } from "../ops/logger";
import { countDatabaseUnavailable } from "../ops/metrics";
import { DATABASE_UNAVAILABLE_DIGEST, UNAVAILABLE_MESSAGE } from "./unavailable-message";

/** Thrown while rendering a page when the database is unavailable; error.tsx recognizes its digest. */
export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor(cause: unknown) {
    super(UNAVAILABLE_MESSAGE, { cause });
    this.name = "DatabaseUnavailableError";
  }
}

/**
 * For the data a Server Component loads: the database being unavailable becomes a
 * DatabaseUnavailableError (its digest survives production's message stripping, so the page's
 * error boundary can say what happened); anything else, redirect() and notFound() included,
 * passes through unchanged.
 */
export async function renderingData<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    // One line per render, as the console API logs its 503s: an outage must not flood the log with stacks.
    countDatabaseUnavailable("page");
    logger.warn(`Page render failed, database unavailable: ${describeDatabaseError(err)}`);
    throw new DatabaseUnavailableError(err);
  }
}
