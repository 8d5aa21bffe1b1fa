"""European Union registers."""
