// Schema and message URNs (RFC 7643 §8.7, RFC 7644 §3) and the limits we advertise.
export const CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
export const CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
export const SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
export const RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
export const SERVICE_PROVIDER_CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

/** Largest page a list returns; advertised as filter.maxResults in ServiceProviderConfig. */
export const MAX_RESULTS = 200;
/** Request bodies above this are refused (a User is a few KB at most). */
export const MAX_BODY_BYTES = 256 * 1024;

export const SCIM_CONTENT_TYPE = "application/scim+json; charset=utf-8";
