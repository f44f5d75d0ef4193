"""Scrapy project, portal registry, pipelines and the `vnportal` command line."""
