"""The public transparency page (/publik/): approved figures only, for anyone."""
