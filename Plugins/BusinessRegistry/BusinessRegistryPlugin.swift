// The BusinessRegistry adapter: see docs/DESIGN.md (Plugins).
