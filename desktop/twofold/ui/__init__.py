"""The Qt front end. Imports services only: no SQL, no key material."""
