import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");
export default { serverExternalPackages: ["better-sqlite3"], turbopack: { root }, outputFileTracingRoot: root };
