// The YAML reader and `ConfigurationIssue`/`ConfigurationError` live in `LienthongYAML`, shared with
// the adapter manifests; users of the gateway's configuration API get them with it.
@_exported import LienthongYAML
