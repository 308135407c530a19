"""Files as tchat reads and writes them: the atomic write, and the one reader of regular
files that refuses FIFOs, devices and folders and bounds what it reads."""
