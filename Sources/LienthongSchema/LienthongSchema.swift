// LienthongSchema: JSON values, the parser, the JSON Schema validator and the schema registry.
