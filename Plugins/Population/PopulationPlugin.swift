// The Population adapter: see docs/DESIGN.md (Plugins).
