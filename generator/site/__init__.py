"""Stage 5, site: a `Timeline` -> the pages of the site, as bytes per output path.

View models, URLs (every path and link), charts, the Jinja environment and template
errors. Writes nothing. Entry: `render_pages(timeline, config, templates, mentions)`,
which makes the pages one at a time (a build writes each as it comes); `render_site`
holds them all in a dict.
"""

from generator.site.render import render_pages, render_site

__all__ = ["render_pages", "render_site"]
