// LienthongGateway: see docs/DESIGN.md for what this module does.
