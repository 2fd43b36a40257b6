"""The home page at `/`: each role's work first, read from the apps' public selectors."""
