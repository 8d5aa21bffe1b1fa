"""Thailand: the GI register of the Department of Intellectual Property (DIP)."""
