"""Text handling: cleaning, script detection, folding, romanization keys and name anatomy."""
