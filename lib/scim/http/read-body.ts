import { MAX_BODY_BYTES } from "../constants";
import { badRequest, ScimError } from "../errors";

/** The JSON body, whatever the Content-Type says (application/json and application/scim+json alike). */
export async function readJsonBody(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new ScimError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new ScimError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  if (!text.trim()) throw badRequest("invalidSyntax", "The request body is empty: a JSON object is required.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest("invalidSyntax", "The request body is not valid JSON.");
  }
}
