"""The lists of international agreements on GIs, read as registers of their own."""
