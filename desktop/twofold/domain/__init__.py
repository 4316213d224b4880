"""Plain values and rules. No I/O, no Qt, no SQL, no key material."""
