extension Problem {
    /// 400: the body of `POST /v1/messages` is not `{"service", "to"?, "payload", …}`.
    public static func badSubmission(_ detail: String) -> Problem {
        Problem(name: "bad-submission", title: "The submission is malformed", status: 400, detail: detail)
    }

    /// 409: a message with this id was already received with a different payload.
    public static func idConflict(_ detail: String) -> Problem {
        Problem(name: "id-conflict", title: "The message id was already used for another payload", status: 409, detail: detail)
    }

    /// 404: no asynchronous message with this id is known to this client.
    public static func unknownMessage(_ detail: String) -> Problem {
        Problem(name: "unknown-message", title: "No such message", status: 404, detail: detail)
    }

    /// 503: the store cannot take the message now (disk full, database unavailable); nothing was
    /// accepted, so the client may safely try again.
    public static func storeUnavailable(_ detail: String) -> Problem {
        Problem(name: "store-unavailable", title: "The gateway cannot store messages now", status: 503, detail: detail)
    }
}
