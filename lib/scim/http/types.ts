import type { Later } from "../../later";
import type { ScimContext } from "../users/context";

export interface ScimRequest {
  req: Request;
  ctx: ScimContext;
  params: URLSearchParams;
  id?: string;
}

/** Later: the reads IdPs make all day answer without a promise on SQLite (lib/later.ts). */
export type Handler = (r: ScimRequest) => Later<Response>;
