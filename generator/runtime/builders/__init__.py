"""Request builders, one module per path."""
