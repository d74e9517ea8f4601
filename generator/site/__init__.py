"""Stage 5, site: a `Timeline` -> the pages of the site, as bytes per output path.

View models, URLs (every path and link), charts, the Jinja environment and template
errors. Writes nothing. Entry: `render_site(timeline, config, templates, mentions)`.
"""

from generator.site.render import render_site

__all__ = ["render_site"]
