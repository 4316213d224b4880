"""The encrypted store. The only package that knows SQL or holds key material."""
