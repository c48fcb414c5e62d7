/// The OpenAPI 3.1 document of the local API, served at `GET /openapi.json`.
///
/// A copy of `docs/openapi.json` (the package has no resources, so the document is compiled in);
/// a test fails when the two differ. Regenerate this file from the document after editing it.
enum OpenAPIDocument {
    static let json = ##"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Lienthong local API",
    "version": "1.0.0",
    "summary": "What a province's or ministry's own systems call on their Lienthong gateway.",
    "description": "Local systems call their own gateway over plain HTTP on the local network. The gateway authenticates the client, checks it may use the service, validates the request against the service's schema, signs it and exchanges it with the providing agency's gateway over mutually authenticated TLS, verifies the signed answer and returns it. Every refusal is application/problem+json (RFC 9457) with a stable type."
  },
  "servers": [{ "url": "http://127.0.0.1:8080" }],
  "security": [{ "apiKey": [] }],
  "paths": {
    "/v1/services/{system.resource.action}/{version}": {
      "post": {
        "operationId": "callService",
        "summary": "Call a service of another agency synchronously.",
        "description": "The service id is system.resource.action/vN, e.g. population.citizen.lookup/v1, written as two path segments. The route in the gateway configuration chooses the providing agency unless Lienthong-To names one. The answer is the provider's payload exactly as it signed it, with its Lienthong-* headers and Lienthong-Signature (a compact JWS with a detached, unencoded payload, RFC 7797) so the client may keep it as evidence.",
        "parameters": [
          { "name": "system.resource.action", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*$" }, "example": "population.citizen.lookup" },
          { "name": "version", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^v[1-9][0-9]*$" }, "example": "v1" },
          { "name": "Lienthong-To", "in": "header", "required": false, "description": "The agency code of the provider, when not the routed one.", "schema": { "type": "string" }, "example": "000.00.00.G01" }
        ],
        "requestBody": {
          "required": true,
          "description": "The request payload; it must conform to the service's request schema.",
          "content": { "application/json": { "schema": { "type": "object" }, "example": { "SoDinhDanh": "040203000123" } } }
        },
        "responses": {
          "200": {
            "description": "The provider's signed answer.",
            "headers": {
              "Lienthong-Message-Id": { "schema": { "type": "string", "format": "uuid" } },
              "Lienthong-Correlation-Id": { "description": "The id of the request this answers.", "schema": { "type": "string", "format": "uuid" } },
              "Lienthong-Service": { "schema": { "type": "string" } },
              "Lienthong-From": { "schema": { "type": "string" } },
              "Lienthong-To": { "schema": { "type": "string" } },
              "Lienthong-Created": { "schema": { "type": "string", "format": "date-time" } },
              "Lienthong-Signature": { "description": "Compact JWS over the body (detached, b64: false).", "schema": { "type": "string" } }
            },
            "content": { "application/json": { "schema": { "type": "object" } } }
          },
          "400": { "$ref": "#/components/responses/Problem" },
          "401": { "$ref": "#/components/responses/Problem" },
          "403": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "409": { "$ref": "#/components/responses/Problem" },
          "413": { "$ref": "#/components/responses/Problem" },
          "415": { "$ref": "#/components/responses/Problem" },
          "422": { "$ref": "#/components/responses/Problem" },
          "502": { "$ref": "#/components/responses/Problem" },
          "504": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "operationId": "openAPI",
        "summary": "This document.",
        "security": [],
        "responses": { "200": { "description": "The OpenAPI document.", "content": { "application/json": { "schema": { "type": "object" } } } } }
      }
    },
    "/health": {
      "get": {
        "operationId": "health",
        "summary": "Whether the gateway is up, and its agency.",
        "security": [],
        "responses": {
          "200": {
            "description": "The gateway is serving.",
            "content": { "application/json": { "schema": { "type": "object", "properties": { "status": { "const": "ok" }, "agency": { "type": "string" } }, "required": ["status", "agency"] } } }
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "apiKey": { "type": "http", "scheme": "bearer", "description": "The client's API key; the gateway stores only its SHA-256." }
    },
    "responses": {
      "Problem": {
        "description": "A refusal (RFC 9457).",
        "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } }
      }
    },
    "schemas": {
      "Problem": {
        "type": "object",
        "required": ["type", "title", "status", "detail"],
        "properties": {
          "type": { "type": "string", "format": "uri", "description": "https://lienthong.vn/problems/<name>: bad-json, bad-header, unknown-client, bad-signature, forbidden, wrong-recipient, unknown-service, replay, too-large, unsupported-media-type, schema-violation, not-found, upstream-rejected, upstream-timeout, upstream-failure, invalid-response, peer-unavailable, peer-timeout, internal-error." },
          "title": { "type": "string" },
          "status": { "type": "integer" },
          "detail": { "type": "string" },
          "errors": {
            "type": "array",
            "description": "For schema violations: each failing keyword.",
            "items": {
              "type": "object",
              "required": ["instanceLocation", "keywordLocation", "message"],
              "properties": {
                "instanceLocation": { "type": "string", "description": "JSON Pointer into the request." },
                "keywordLocation": { "type": "string", "description": "JSON Pointer into the schema." },
                "message": { "type": "string" }
              }
            }
          }
        }
      }
    }
  }
}
"""##
}
