import { describe, expect, it } from "vitest";
import { chain, isPromise, recover, settle } from "@/lib/later";

// lib/later.ts: the SCIM hot path runs on these, synchronously on SQLite and on promises on
// PostgreSQL; both must behave as async/await would.
describe("Later", () => {
  it("chains a value at once, without making a promise", () => {
    const v = chain(
      chain(2, (x) => x + 1),
      (x) => x * 10,
    );
    expect(isPromise(v)).toBe(false);
    expect(v).toBe(30);
  });

  it("chains a promise after it settles", async () => {
    const v = chain(Promise.resolve(2), (x) => chain(x + 1, (y) => Promise.resolve(y * 10)));
    expect(isPromise(v)).toBe(true);
    expect(await v).toBe(30);
  });

  it("a throw in a chained step is a throw now for a value and a rejection for a promise", async () => {
    const boom = () => {
      throw new Error("boom");
    };
    expect(() => chain(1, boom)).toThrow("boom");
    await expect(chain(Promise.resolve(1), boom)).rejects.toThrow("boom");
  });

  it("settle answers a synchronous throw and a rejection alike", async () => {
    const onError = (err: unknown) => `caught ${(err as Error).message}`;
    const onValue = (v: number) => `value ${v}`;
    expect(settle(() => 1, onValue, onError)).toBe("value 1");
    expect(
      settle(
        () => {
          throw new Error("now");
        },
        onValue,
        onError,
      ),
    ).toBe("caught now");
    expect(await settle(() => Promise.resolve(2), onValue, onError)).toBe("value 2");
    expect(await settle(() => Promise.reject(new Error("later")), onValue, onError)).toBe("caught later");
  });

  it("settle leaves a throw of onValue to the caller, as try { v = await run() } catch { … } use(v) would", async () => {
    const onValue = () => {
      throw new Error("in onValue");
    };
    expect(() =>
      settle(
        () => 1,
        onValue,
        () => "caught",
      ),
    ).toThrow("in onValue");
    await expect(
      settle(
        () => Promise.resolve(1),
        onValue,
        () => "caught",
      ),
    ).rejects.toThrow("in onValue");
  });

  it("recover keeps the value and answers errors", async () => {
    expect(
      recover(
        () => 5,
        () => 0,
      ),
    ).toBe(5);
    expect(
      await recover(
        () => Promise.reject(new Error("x")),
        () => 0,
      ),
    ).toBe(0);
  });
});
