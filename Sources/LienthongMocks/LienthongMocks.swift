// LienthongMocks: see docs/DESIGN.md for what this module does.
