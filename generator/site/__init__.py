"""Stage 5, site: a `Timeline` -> the pages of the site, as bytes per output path.

View models, URLs (every path and link), charts, the Jinja environment, template errors
and page keys (`pagekeys`: a digest of what each page is given, so a rebuild renders
only pages whose inputs changed). Writes nothing. Entry: `render_pages(timeline, config,
templates, mentions, index)`, which makes the pages one at a time (a build writes each as
it comes); `render_site` holds them all in a dict.
"""

from generator.site.render import render_pages, render_site

__all__ = ["render_pages", "render_site"]
