"""Time: the clocks (wall and simulated), durations and offsets, dates in the plan's
language, and moments written across several zones."""
