import { badRequest, ScimError } from "../errors";
import { assertJsonLimits } from "./json-limits";
import { tooLarge, USER_BODY, type BodyLimits } from "./limits";

const bodyTooLarge = (max: number) => tooLarge("the request body is too large", max, "bytes");

/** A body we stopped reading half-way: the rest is still on the wire, so the connection cannot serve another request. */
export class UnreadBodyError extends ScimError {
  constructor(max: number) {
    const { status, detail } = bodyTooLarge(max);
    super(status, detail);
  }
}

/**
 * Reads the body as a stream and stops at SCIM_LIMITS.bodyBytes, so a client that sends no
 * Content-Length (or a false one) cannot make us buffer more than that.
 */
async function readLimited(req: Request, max: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > max) throw bodyTooLarge(max);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away mid-body (ECONNRESET "aborted"): its error, not the database's.
      throw badRequest("invalidSyntax", "The request body could not be read: the connection was closed.");
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new UnreadBodyError(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes); // a leading BOM is dropped
  } catch {
    throw badRequest("invalidSyntax", "The request body is not valid UTF-8.");
  }
}

/** The JSON body, whatever the Content-Type says (application/json and application/scim+json alike), within SCIM_LIMITS. */
export async function readJsonBody(req: Request, limits: BodyLimits = USER_BODY): Promise<unknown> {
  const text = decode(await readLimited(req, limits.bodyBytes));
  if (!text.trim()) throw badRequest("invalidSyntax", "The request body is empty: a JSON object is required.");
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw badRequest("invalidSyntax", "The request body is not valid JSON.");
  }
  assertJsonLimits(body, limits.jsonValues);
  return body;
}
