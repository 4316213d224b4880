"""Use cases: what the command line, the tests and the app call. No SQL, no keys."""
