// The Land adapter: see docs/DESIGN.md (Plugins).
