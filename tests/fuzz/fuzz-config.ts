// One seed for every property of a run: fixed by default so a run is reproducible, and
// printed on failure. FUZZ_SEED replays a run; FUZZ_RUNS / FUZZ_HTTP_RUNS change how many
// cases the in-process and the over-HTTP properties try.
import fc from "fast-check";

const DEFAULT_SEED = 20_251_105;

function envInt(name: string): number | undefined {
  const n = Number.parseInt(process.env[name] ?? "", 10);
  return Number.isFinite(n) ? n : undefined;
}

export const FUZZ_SEED = envInt("FUZZ_SEED") ?? DEFAULT_SEED;

/** numRuns for an in-process property (thousands: they cost microseconds). */
export const pureRuns = (fallback: number) => envInt("FUZZ_RUNS") ?? fallback;

/** numRuns for an over-HTTP property (hundreds: each is a request to the running server). */
export const httpRuns = (fallback: number) => envInt("FUZZ_HTTP_RUNS") ?? fallback;

function replayHint(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  return new Error(`${message}\n\nReplay this run with FUZZ_SEED=${FUZZ_SEED} (fast-check seed ${FUZZ_SEED}).`, { cause: err });
}

export function checkProperty<T>(property: fc.IProperty<T>, numRuns: number): void {
  try {
    fc.assert(property, { seed: FUZZ_SEED, numRuns });
  } catch (err) {
    throw replayHint(err);
  }
}

export async function checkAsyncProperty<T>(property: fc.IAsyncProperty<T>, numRuns: number): Promise<void> {
  try {
    await fc.assert(property, { seed: FUZZ_SEED, numRuns });
  } catch (err) {
    throw replayHint(err);
  }
}
