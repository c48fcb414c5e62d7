// JSON values and the parser are the vocabulary of schemas: users of the validator get them too.
@_exported import LienthongJSON
