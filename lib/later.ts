// A value that is here now or comes later: what a read returns on SQLite (better-sqlite3 answers
// synchronously) and on PostgreSQL (a promise). The SCIM API's hot path (token check, the read
// of one User) is written with these so that on SQLite it runs without making a promise of ours:
// under Next every promise runs AsyncLocalStorage's hooks, and an `async` layer with an `await`
// makes two. Worth ~1 % of a request's instructions there (bench/README.md, "Runs of
// 2026-12-01, evening"), so only there. The same idea as graphql-js's PromiseOrValue. Anywhere
// else, plain async/await reads better.

export type Later<T> = T | Promise<T>;

export const isPromise = <T>(v: Later<T>): v is Promise<T> => v instanceof Promise;

/**
 * f(v): at once when v is a value, once it settles when it is a promise. (Not named `then`: a
 * module exporting `then` is a thenable, and `await import()` of it would call it.)
 */
export function chain<T, U>(v: Later<T>, f: (value: T) => Later<U>): Later<U> {
  return isPromise(v) ? v.then(f) : f(v);
}

/**
 * onValue(run()), or onError for run's synchronous throw or rejection alike (try/catch for
 * Later). A throw of onValue itself is not caught: it is the caller's to handle.
 */
export function settle<T, U>(run: () => Later<T>, onValue: (value: T) => Later<U>, onError: (err: unknown) => Later<U>): Later<U> {
  let v: Later<T>;
  try {
    v = run();
  } catch (err) {
    return onError(err);
  }
  return isPromise(v) ? v.then(onValue, onError) : onValue(v);
}

/** run(), or onError for its synchronous throw or rejection alike. */
export const recover = <T>(run: () => Later<T>, onError: (err: unknown) => Later<T>): Later<T> => settle(run, (v) => v, onError);
