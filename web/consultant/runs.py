"""Match runs for consultants: start, watch, preview, review proposals."""
