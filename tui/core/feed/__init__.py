"""The conversation around the tag, as the domain sees it: posts, who answered which
question, the file they are kept in, and their replay. No network here: the clients that
fetch posts live in `tui.feed` and are loaded only when a plan has a `[feed]`."""
