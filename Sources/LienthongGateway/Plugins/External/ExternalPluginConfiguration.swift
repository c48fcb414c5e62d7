/// How the gateway runs one external plugin (`plugins.external.<id>` in the configuration).
///
/// The defaults suit a plugin that answers in well under a second; every duration is in
/// milliseconds in the YAML file.
public struct ExternalPluginConfiguration: Sendable, Hashable {
    /// The adapter id services name (`adapter: <id>`); the plugin's descriptor must carry it.
    public var id: String
    /// The program and its arguments. A program path with a slash is resolved against the
    /// configuration file's directory; a bare name is looked up on `PATH`.
    public var command: [String]
    /// Variables set for the plugin. It does not inherit the gateway's environment (which may hold
    /// the key passphrase): only `PATH`, `LANG`, `LC_ALL`, `TZ` and `TMPDIR`, the variables named in
    /// `inheritEnvironment`, these, and the `LIENTHONG_PLUGIN_*` variables of the protocol.
    public var environment: [String: String]
    /// Names of gateway environment variables passed on to the plugin (e.g. a secret).
    public var inheritEnvironment: [String]
    /// The plugin's working directory (default: the configuration file's directory).
    public var workingDirectory: String
    /// How long the plugin may take to print its handshake and serve its descriptor.
    public var startTimeout: Duration
    /// An upper bound on one call, below the gateway's upstream timeout; nil uses that timeout.
    public var callTimeout: Duration?
    /// The largest answer read from the plugin; a larger one fails the call with 502.
    public var maxResponseBytes: Int
    /// How a running plugin that stopped answering is found.
    public var healthCheck: HealthCheck
    /// How soon a crashed or hung plugin is started again.
    public var restart: RestartPolicy
    /// How long the plugin has to exit after SIGTERM before it gets SIGKILL.
    public var stopGrace: Duration

    public init(
        id: String, command: [String], environment: [String: String] = [:], inheritEnvironment: [String] = [],
        workingDirectory: String, startTimeout: Duration = .seconds(10), callTimeout: Duration? = nil,
        maxResponseBytes: Int = 4 << 20, healthCheck: HealthCheck = HealthCheck(), restart: RestartPolicy = RestartPolicy(),
        stopGrace: Duration = .seconds(5)
    ) {
        self.id = id
        self.command = command
        self.environment = environment
        self.inheritEnvironment = inheritEnvironment
        self.workingDirectory = workingDirectory
        self.startTimeout = startTimeout
        self.callTimeout = callTimeout
        self.maxResponseBytes = maxResponseBytes
        self.healthCheck = healthCheck
        self.restart = restart
        self.stopGrace = stopGrace
    }

    /// A periodic `GET /descriptor` that finds a plugin which is running but no longer answers.
    public struct HealthCheck: Sendable, Hashable {
        /// Time between checks.
        public var interval: Duration
        /// How long one check may take.
        public var timeout: Duration
        /// Consecutive failed checks after which the plugin is killed and restarted.
        public var failuresBeforeRestart: Int

        public init(interval: Duration = .seconds(5), timeout: Duration = .seconds(3), failuresBeforeRestart: Int = 2) {
            self.interval = interval
            self.timeout = timeout
            self.failuresBeforeRestart = failuresBeforeRestart
        }
    }

    /// Exponential back-off between restarts: `initialBackoff`, doubled after each failed run up to
    /// `maxBackoff`; a run that lasted `resetAfter` starts again from `initialBackoff`.
    public struct RestartPolicy: Sendable, Hashable {
        /// The wait before the first restart in a row.
        public var initialBackoff: Duration
        /// The longest wait between restarts.
        public var maxBackoff: Duration
        /// A run at least this long counts as healthy: the next restart waits `initialBackoff`.
        public var resetAfter: Duration

        public init(initialBackoff: Duration = .milliseconds(500), maxBackoff: Duration = .seconds(30), resetAfter: Duration = .seconds(60)) {
            self.initialBackoff = initialBackoff
            self.maxBackoff = maxBackoff
            self.resetAfter = resetAfter
        }

        /// The wait before restart number `failures` (1 for the first restart in a row).
        public func backoff(afterFailures failures: Int) -> Duration {
            var delay = initialBackoff
            var remaining = max(failures, 1) - 1
            while remaining > 0 && delay < maxBackoff {
                delay *= 2
                remaining -= 1
            }
            return min(delay, maxBackoff)
        }
    }
}
