"""Offers for young people: see, accept or decline with one tap."""
