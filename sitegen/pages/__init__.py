"""Stage 2, pages: Markdown and HTML from the data (ladder, partners, instruments, overviews, ecosystem map, embed page)."""
