// LienthongStore: see docs/DESIGN.md for what this module does.
