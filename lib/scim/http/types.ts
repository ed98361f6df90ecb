import type { ScimContext } from "../users/context";

export interface ScimRequest {
  req: Request;
  ctx: ScimContext;
  params: URLSearchParams;
  id?: string;
}

export type Handler = (r: ScimRequest) => Promise<Response>;
