"""One module per command; each registers itself on :data:`actionplan.app.app`."""
