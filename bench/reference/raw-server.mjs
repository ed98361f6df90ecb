// Reference 1: plain node:http + better-sqlite3, the limit of the stack.
import { createServer } from "node:http";
import { answer, openQueries } from "./resource.mjs";

const q = openQueries(process.env.BENCH_SQLITE_FILE);
const port = Number(process.env.PORT);
createServer((req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const [, , , orgId, ...rest] = url.pathname.split("/"); // /scim/v2/<orgId>/Users[/id]
  const [status, body] = answer(q, orgId, rest, url.searchParams, `http://${req.headers.host}/scim/v2/${orgId}`);
  res.writeHead(status, { "Content-Type": "application/scim+json" });
  res.end(JSON.stringify(body));
}).listen(port, "127.0.0.1");
