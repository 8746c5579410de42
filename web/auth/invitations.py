"""Invitation links that let a young person take over a profile a partner registered."""
