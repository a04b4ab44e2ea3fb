"""unittest suite of the jbw Python bindings."""
