import { CORE_GROUP, CORE_USER, ENTERPRISE_USER } from "../constants";
import { attr, complex, multiValued, type AttributeDef } from "./attribute";

// RFC 7643 §4.1 (core User) and §4.3 (Enterprise User). `password` is left out on purpose:
// we never store it, so we do not advertise it (IdPs that send it anyway are ignored).
export const CORE_USER_ATTRIBUTES: AttributeDef[] = [
  attr("userName", "string", "Unique identifier for the User, used to sign in. Unique per organization, case-insensitive.", {
    required: true,
    uniqueness: "server",
  }),
  complex("name", "The components of the user's real name.", [
    attr("formatted", "string", "The full name, formatted for display. Stored and returned as sent; not used for the display name."),
    attr("familyName", "string", "The family name of the User."),
    attr("givenName", "string", "The given name of the User."),
    attr("middleName", "string", "The middle name(s) of the User."),
    attr("honorificPrefix", "string", "The honorific prefix(es) of the User."),
    attr("honorificSuffix", "string", "The honorific suffix(es) of the User."),
  ]),
  attr("displayName", "string", "The name of the User, suitable for display to end-users."),
  attr("nickName", "string", "The casual way to address the user."),
  attr("profileUrl", "reference", "A fully qualified URL pointing to a page representing the User's online profile.", {
    referenceTypes: ["external"],
  }),
  attr("title", "string", 'The user\'s title, such as "Vice President".'),
  attr("userType", "string", "Identifies the relationship between the organization and the user."),
  attr("preferredLanguage", "string", "The User's preferred written or spoken language."),
  attr("locale", "string", "Default location of the User, for localizing items such as currency and dates."),
  attr("timezone", "string", "The User's time zone in the 'Olson' time zone database format."),
  attr("active", "boolean", "The User's administrative status. false locks the member; true unlocks it."),
  multiValued("emails", "Email addresses for the user.", ["work", "home", "other"]),
  multiValued("phoneNumbers", "Phone numbers for the User.", ["work", "home", "mobile", "fax", "pager", "other"]),
  multiValued("ims", "Instant messaging addresses for the User.", ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"]),
  multiValued(
    "photos",
    "URLs of photos of the User.",
    ["photo", "thumbnail"],
    attr("value", "reference", "URL of a photo of the User.", { referenceTypes: ["external"] }),
  ),
  complex(
    "addresses",
    "A physical mailing address for this User.",
    [
      attr("formatted", "string", "The full mailing address, formatted for display."),
      attr("streetAddress", "string", "The full street address component."),
      attr("locality", "string", "The city or locality component."),
      attr("region", "string", "The state or region component."),
      attr("postalCode", "string", "The zip code or postal code component."),
      attr("country", "string", "The country name component."),
      attr("type", "string", "A label indicating the attribute's function.", { canonicalValues: ["work", "home", "other"] }),
      attr("primary", "boolean", "Indicates the 'primary' or preferred value; true at most once."),
    ],
    { multiValued: true },
  ),
  complex(
    "groups",
    "Groups the user belongs to (read-only: membership is written through the Group resource).",
    [
      attr("value", "string", "The identifier of the User's group.", { mutability: "readOnly" }),
      attr("$ref", "reference", "The URI of the corresponding Group resource.", { mutability: "readOnly", referenceTypes: ["Group"] }),
      attr("display", "string", "A human-readable name.", { mutability: "readOnly" }),
      attr("type", "string", "A label indicating the attribute's function.", {
        mutability: "readOnly",
        canonicalValues: ["direct", "indirect"],
      }),
    ],
    { multiValued: true, mutability: "readOnly" },
  ),
  multiValued("entitlements", "A list of entitlements for the User.", []),
  multiValued("roles", "A list of roles for the User.", []),
  multiValued(
    "x509Certificates",
    "A list of certificates issued to the User.",
    [],
    attr("value", "binary", "The value of an X.509 certificate."),
  ),
];

export const ENTERPRISE_USER_ATTRIBUTES: AttributeDef[] = [
  attr("employeeNumber", "string", "Numeric or alphanumeric identifier assigned to a person."),
  attr("costCenter", "string", "Identifies the name of a cost center."),
  attr("organization", "string", "Identifies the name of an organization."),
  attr("division", "string", "Identifies the name of a division."),
  attr("department", "string", "Identifies the name of a department."),
  complex("manager", "The User's manager: the id of another User of this organization.", [
    attr("value", "string", "The id of the SCIM resource representing the User's manager."),
    attr("$ref", "reference", "The URI of the SCIM resource representing the User's manager.", { referenceTypes: ["User"] }),
    attr("displayName", "string", "The displayName of the User's manager.", { mutability: "readOnly" }),
  ]),
];

// RFC 7643 §4.2. `members` lists SCIM-managed Users of the organization only.
export const CORE_GROUP_ATTRIBUTES: AttributeDef[] = [
  attr("displayName", "string", "A human-readable name for the Group. Unique per organization, case-insensitive.", {
    required: true,
    uniqueness: "server",
  }),
  complex(
    "members",
    "A list of members of the Group: Users of this organization that the identity provider manages. Unknown ids are ignored.",
    [
      attr("value", "string", "Identifier of the member of this Group.", { mutability: "immutable" }),
      attr("$ref", "reference", "The URI of the corresponding User resource.", { mutability: "immutable", referenceTypes: ["User"] }),
      attr("display", "string", "A human-readable name of the member.", { mutability: "readOnly" }),
      attr("type", "string", "A label indicating the type of resource.", { mutability: "immutable", canonicalValues: ["User"] }),
    ],
    { multiValued: true },
  ),
];

export const SCHEMAS: { id: string; name: string; description: string; attributes: AttributeDef[] }[] = [
  { id: CORE_USER, name: "User", description: "User Account", attributes: CORE_USER_ATTRIBUTES },
  { id: ENTERPRISE_USER, name: "EnterpriseUser", description: "Enterprise User", attributes: ENTERPRISE_USER_ATTRIBUTES },
  { id: CORE_GROUP, name: "Group", description: "Group", attributes: CORE_GROUP_ATTRIBUTES },
];
