"""`python -m crawler.sitegen --articles N --port-file PATH`: serve the benchmark's synthetic sites."""

from crawler.sitegen.server import main

main()
