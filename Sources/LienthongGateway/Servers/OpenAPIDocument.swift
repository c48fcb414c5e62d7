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
    "/v1/messages": {
      "post": {
        "operationId": "submitMessage",
        "summary": "Send a message asynchronously, with guaranteed delivery.",
        "description": "The payload is validated against the service's request schema, signed and written durably to the gateway's outbox; the answer 202 comes only after that write is committed (fsync). Delivery workers then send it to the providing agency's gateway, retrying with exponential back-off and jitter, until the receiver answers with a signed receipt or the configured attempts or age are exhausted (status dead). 503 store-unavailable means nothing was accepted and the submission may be repeated.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": ["service", "payload"],
                "additionalProperties": false,
                "properties": {
                  "service": { "type": "string", "description": "The service id, system.resource.action/vN.", "example": "document.status.update/v1" },
                  "to": { "type": "string", "description": "The receiving agency, when not the routed one.", "example": "000.00.00.G01" },
                  "payload": { "description": "The message; it must conform to the service's request schema." },
                  "priority": { "enum": ["low", "normal", "high"], "default": "normal", "description": "Higher priorities are sent first." },
                  "correlationId": { "type": "string", "format": "uuid", "description": "The message this one relates to (e.g. the document a status update is about); the receiver shows it among that message's updates." }
                }
              }
            }
          }
        },
        "responses": {
          "202": {
            "description": "Stored durably in the outbox; delivery follows.",
            "headers": { "Location": { "description": "/v1/messages/{id}", "schema": { "type": "string" } } },
            "content": { "application/json": { "schema": { "type": "object", "required": ["id", "status"], "properties": { "id": { "type": "string", "format": "uuid" }, "status": { "const": "accepted" } } } } }
          },
          "400": { "$ref": "#/components/responses/Problem" },
          "401": { "$ref": "#/components/responses/Problem" },
          "403": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "413": { "$ref": "#/components/responses/Problem" },
          "415": { "$ref": "#/components/responses/Problem" },
          "422": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/v1/messages/{id}": {
      "get": {
        "operationId": "messageStatus",
        "summary": "Where an asynchronous message sent by this client stands, with its receipt and the updates correlated with it.",
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } }],
        "responses": {
          "200": { "description": "The message's status.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/MessageStatus" } } } },
          "401": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/v1/inbox": {
      "get": {
        "operationId": "listInbox",
        "summary": "Messages received for this agency and not yet acknowledged, for services this client may use.",
        "description": "Pages with a cursor: pass the previous page's next as after. Services the gateway hands to an adapter or a webhook do not appear here.",
        "parameters": [
          { "name": "after", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 0, "default": 0 } },
          { "name": "limit", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 1, "maximum": 500, "default": 100 } }
        ],
        "responses": {
          "200": {
            "description": "One page.",
            "content": { "application/json": { "schema": { "type": "object", "required": ["messages", "next"], "properties": { "messages": { "type": "array", "items": { "$ref": "#/components/schemas/InboxMessage" } }, "next": { "type": "integer", "description": "The cursor for the next page." } } } } }
          },
          "400": { "$ref": "#/components/responses/Problem" },
          "401": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/v1/inbox/{id}": {
      "delete": {
        "operationId": "acknowledgeInboxMessage",
        "summary": "Acknowledge a received message: it leaves the inbox list.",
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } }],
        "responses": {
          "204": { "description": "Acknowledged." },
          "401": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/v1/inbox/{id}/ack": {
      "post": {
        "operationId": "acknowledgeInboxMessageByPost",
        "summary": "The same as DELETE /v1/inbox/{id}, for clients that cannot send DELETE.",
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } }],
        "responses": {
          "204": { "description": "Acknowledged." },
          "401": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Problem" }
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
      "MessageStatus": {
        "type": "object",
        "required": ["id", "service", "from", "to", "status", "priority", "attempts", "acceptedAt", "updates"],
        "properties": {
          "id": { "type": "string", "format": "uuid" },
          "service": { "type": "string" },
          "from": { "type": "string" },
          "to": { "type": "string" },
          "status": { "enum": ["accepted", "sending", "delivered", "dead"], "description": "accepted: stored, not yet tried; sending: tried, waiting for the next attempt; delivered: the receiver stored it and signed a receipt; dead: given up (an operator may retry it with lienthong messages retry)." },
          "priority": { "enum": ["low", "normal", "high"] },
          "attempts": { "type": "integer", "minimum": 0 },
          "acceptedAt": { "type": "string", "format": "date-time" },
          "nextAttemptAt": { "type": "string", "format": "date-time", "description": "While accepted or sending." },
          "lastError": { "type": "string", "description": "Why the last attempt failed." },
          "finishedAt": { "type": "string", "format": "date-time", "description": "When it was delivered or declared dead." },
          "correlationId": { "type": "string", "format": "uuid" },
          "receipt": {
            "type": "object",
            "description": "The receiver's proof of delivery: its own signed message, correlated with this one, whose JWS header carries lienthong-request-digest (the SHA-256 of this message's payload).",
            "required": ["id", "created", "payload", "signature"],
            "properties": {
              "id": { "type": "string", "format": "uuid" },
              "created": { "type": "string", "format": "date-time" },
              "payload": { "type": "object", "properties": { "messageId": { "type": "string" }, "status": { "const": "stored" }, "storedAt": { "type": "string", "format": "date-time" } } },
              "signature": { "type": "string", "description": "Compact JWS over the receipt payload (detached, b64: false)." }
            }
          },
          "updates": { "type": "array", "description": "Messages received with this message's id as their correlation id (e.g. document status updates 01, 03, 05, 06), in the order their sender created them (not the order they arrived: deliveries run in parallel and are retried).", "items": { "$ref": "#/components/schemas/InboxMessage" } }
        }
      },
      "InboxMessage": {
        "type": "object",
        "required": ["cursor", "id", "service", "from", "to", "created", "receivedAt", "payload", "signature"],
        "properties": {
          "cursor": { "type": "integer" },
          "id": { "type": "string", "format": "uuid" },
          "service": { "type": "string" },
          "from": { "type": "string" },
          "to": { "type": "string" },
          "created": { "type": "string", "format": "date-time" },
          "receivedAt": { "type": "string", "format": "date-time" },
          "correlationId": { "type": "string", "format": "uuid" },
          "payload": { "description": "The payload exactly as the sender signed it." },
          "signature": { "type": "string", "description": "The sender's compact JWS over the payload." },
          "signerCertificate": { "type": "string", "contentEncoding": "base64", "description": "The sender's certificate (DER, standard base64) when the signature names it by x5t#S256 instead of carrying it in x5c: verify the JWS with it." }
        }
      },
      "Problem": {
        "type": "object",
        "required": ["type", "title", "status", "detail"],
        "properties": {
          "type": { "type": "string", "format": "uri", "description": "https://lienthong.vn/problems/<name>: bad-json, bad-header, unknown-client, bad-signature, forbidden, wrong-recipient, unknown-service, replay, too-large, unsupported-media-type, schema-violation, not-found, upstream-rejected, upstream-timeout, upstream-failure, invalid-response, peer-unavailable, peer-timeout, internal-error; for asynchronous messages also bad-submission, bad-query, unknown-message, id-conflict, store-unavailable." },
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
