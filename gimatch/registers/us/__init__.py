"""United States: TTB's American viticultural areas and USPTO certification and collective marks."""
