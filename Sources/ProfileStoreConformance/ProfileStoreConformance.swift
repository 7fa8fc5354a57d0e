// Conformance suite for ProfileStore implementations.
