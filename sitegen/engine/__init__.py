"""Stage 3, engine: the mkdocs run and all that knows mkdocs-material's output (shells, search index, sitemap, deferred lists)."""
