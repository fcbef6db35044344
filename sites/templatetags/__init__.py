"""Template tags of the default templates of centre sites and the hub."""
