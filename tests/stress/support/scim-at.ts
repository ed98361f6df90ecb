// The integration tests' SCIM client, pointed at an app instance of our own (the fault tests
// start, kill and restart their servers, so the origin changes).
import { ScimClient } from "../../integration/scim/scim-client";

export class ScimClientAt extends ScimClient {
  constructor(
    orgId: string,
    token: string,
    public origin: string,
  ) {
    super(orgId, token);
  }

  override get base(): string {
    return `${this.origin}/scim/v2/${this.orgId}`;
  }
}
