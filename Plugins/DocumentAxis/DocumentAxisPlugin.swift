// The DocumentAxis adapter: see docs/DESIGN.md (Plugins).
