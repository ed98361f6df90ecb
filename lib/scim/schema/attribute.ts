// Attribute definitions in the RFC 7643 §7 shape: served as-is by /Schemas and used to
// canonicalise attribute names, coerce values and project responses.
export type AttributeType = "string" | "boolean" | "complex" | "dateTime" | "reference" | "binary";

export interface AttributeDef {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: "readOnly" | "readWrite" | "immutable" | "writeOnly";
  returned: "always" | "never" | "default" | "request";
  uniqueness: "none" | "server" | "global";
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: AttributeDef[];
}

type Options = Partial<Omit<AttributeDef, "name" | "type" | "description" | "subAttributes">>;

const DEFAULTS = {
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: "readWrite",
  returned: "default",
  uniqueness: "none",
} as const;

export function attr(name: string, type: AttributeType, description: string, options: Options = {}): AttributeDef {
  return { name, type, ...DEFAULTS, description, ...options };
}

export function complex(name: string, description: string, subAttributes: AttributeDef[], options: Options = {}): AttributeDef {
  return { name, type: "complex", ...DEFAULTS, description, ...options, subAttributes };
}

/** The usual value/display/type/primary quartet of a multi-valued attribute (RFC 7643 §2.4). */
export function multiValued(
  name: string,
  description: string,
  types: string[],
  value: AttributeDef = attr("value", "string", `The ${name} value.`),
): AttributeDef {
  return complex(
    name,
    description,
    [
      value,
      attr("display", "string", "A human-readable name, primarily used for display purposes."),
      attr("type", "string", "A label indicating the attribute's function.", types.length ? { canonicalValues: types } : {}),
      attr("primary", "boolean", "Indicates the 'primary' or preferred value; true at most once."),
    ],
    { multiValued: true },
  );
}

/** Case-insensitive lookup (RFC 7644 §3.10: attribute names are case-insensitive). */
export function findAttribute(list: readonly AttributeDef[] | undefined, name: string): AttributeDef | undefined {
  const lower = name.toLowerCase();
  return list?.find((a) => a.name.toLowerCase() === lower);
}
