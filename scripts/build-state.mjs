// Is the production build (.next) older than what it is built from? npm start, npm run
// test:stress and npm run bench rebuild when it is; run from the project root.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules") continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function buildIsStale() {
  const built = existsSync(".next/BUILD_ID") ? statSync(".next/BUILD_ID").mtimeMs : 0;
  const sources = Math.max(
    ...["app", "components", "lib", "public"].filter(existsSync).map(newestIn),
    ...["package-lock.json", "next.config.mjs"].filter(existsSync).map((f) => statSync(f).mtimeMs),
  );
  return built < sources;
}
