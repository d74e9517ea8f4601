"""Static timeline website generator: news articles in, linked timeline site out."""

__version__ = "0.1.0"
