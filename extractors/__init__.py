"""Pure extraction: HTML or page text in, `Article` with facts out. Imports no Scrapy and no SQLAlchemy."""
