// Validation engine: see Docs/Validation.md.
