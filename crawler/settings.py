"""Scrapy settings for vnportal. Project settings carry the `VNPORTAL_` prefix."""

BOT_NAME = "vnportal"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Polite by default: these are small government servers.
USER_AGENT = "vnportal/0.1 (+https://github.com/vnportal/vnportal; research crawler for public portals)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_ENABLED = True
RETRY_TIMES = 2
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
HTTPERROR_ALLOW_ALL = False
REDIRECT_ENABLED = True
DEPTH_LIMIT = 0
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
# Scrapy 2.19 opens a local endpoint that runs Python code sent to it (token in a job file): a crawler
# that reads hostile pages has no use for it.
REMOTE_CONTROL_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
LOG_FORMATTER = "crawler.logformatter.VnportalLogFormatter"

ITEM_PIPELINES = {
    "crawler.pipelines.ExtractPipeline": 300,  # in-process, when VNPORTAL_EXTRACT_WORKERS = 0
    "crawler.extraction.WorkerExtractPipeline": 310,  # worker processes otherwise
    "crawler.pipelines.StorePipeline": 800,
    "crawler.pipelines.ResolvePipeline": 900,  # closes before StorePipeline records the run as finished
}
EXTENSIONS = {
    "crawler.extensions.PortalStatsExtension": 500,
    "crawler.extensions.ProgressExtension": 510,
    "crawler.extensions.RunHeartbeatExtension": 515,
    "crawler.extensions.RunOutcomeExtension": 530,
    "crawler.extensions.SharedFrontierIdleExtension": 520,
}
DOWNLOADER_MIDDLEWARES = {
    # portal hosts only, never internal addresses, redirects included (crawler/offsite.py)
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawler.offsite.PortalHostsMiddleware": 40,
    "crawler.middlewares.SkipFreshArticlesMiddleware": 50,
    # robots.txt rules for every request, however many wait at once (crawler/robots.py)
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.robots.RobotsRulesMiddleware": 100,
    # fetch faults become recorded failures (crawler/faults.py); each placed to see the response first
    "crawler.faults.RetryAfterMiddleware": 560,  # before RetryMiddleware (550)
    "crawler.faults.IncompleteBodyMiddleware": 595,  # before HttpCompressionMiddleware (590) inflates
    "crawler.faults.RedirectLoopMiddleware": 610,  # before RedirectMiddleware (600)
    "crawler.middlewares.MirrorProxyMiddleware": 740,  # before Scrapy's HttpProxyMiddleware (750)
}

# vnportal settings
VNPORTAL_EXTRACT_ENABLED = True
VNPORTAL_EXTRACT_WORKERS = "auto"  # extraction processes ("auto": one per CPU; 0: in the crawl process)
VNPORTAL_EXTRACT_TIME_BUDGET = 15.0  # seconds per page; a page over it is recorded as skipped
VNPORTAL_EXTRACT_MAX_BYTES = 4 * 1024 * 1024  # a larger page is recorded as skipped, not extracted
VNPORTAL_STORE_IN_WORKERS = True  # extraction workers store what they extract (the crawl process only downloads)
VNPORTAL_STORE_ENABLED = True
VNPORTAL_RESOLVE_ENABLED = True  # rebuild places, people and congresses when a crawl ends
VNPORTAL_DB = None  # SQLAlchemy URL; None: $VNPORTAL_DB or sqlite:///vnportal.db
VNPORTAL_REGISTRY = None  # path to a portals.toml; None: the bundled registry
VNPORTAL_PROGRESS_ENABLED = True
VNPORTAL_PROGRESS_INTERVAL = 30.0  # seconds between progress lines when stderr is not a terminal
VNPORTAL_MUTED_LOGGERS = []  # loggers silenced below CRITICAL (the CLI mutes those the summary repeats)
VNPORTAL_HEARTBEAT_SECONDS = 60.0  # how often a crawl marks its run alive (killed runs are told apart by it)
# A portal whose articles found fall below this share of its median over its last successful runs is flagged
# ("template changed or portal moved?") in the summary and in the run's stats; 0 turns the check off.
VNPORTAL_YIELD_DROP_RATIO = 0.3
VNPORTAL_YIELD_HISTORY_RUNS = 5
VNPORTAL_YIELD_MIN_MEDIAN = 5  # portals that yield fewer articles than this per run are too noisy to judge
# Incremental crawls: an article page already stored is not fetched again for this many days.
VNPORTAL_REFETCH_AFTER_DAYS = 7
VNPORTAL_MIRROR_PROXY = None  # set by `vnportal demo`: the local proxy serving *.mirror.test
VNPORTAL_MIRROR_HOSTS: list[str] = []  # more host names the mirror proxy answers for (tests, benchmarks)
VNPORTAL_FRONTIER_IDLE_SECONDS = 6.0  # with --redis: how long an idle worker waits for others' requests
VNPORTAL_FRONTIER_LEASE_SECONDS = 30.0  # with --redis: a worker silent this long is dead; its requests go back
VNPORTAL_FRONTIER_WORKER = None  # with --redis: this worker's name in the frontier (default: host-pid-random)
VNPORTAL_FRONTIER_KEY = None  # set by --redis: the Redis key prefix of the shared frontier
# A 429/503 asking to come back later is retried after its Retry-After when that is at most this many
# seconds (other requests go on meanwhile); a longer wait is recorded as a failure.
VNPORTAL_MAX_RETRY_AFTER = 120
# A listing is walked page after page until its pages hold only articles stored before (or already seen in
# this run), plus this many pages: a first crawl walks every page, a later one stops near the top.
VNPORTAL_INCREMENTAL_LOOKBACK_PAGES = 2
# Listing pages per portal and run (0: no limit). Pages a limit leaves unvisited are counted in the run's
# stats ("vnportal/limit/listing_pages_not_visited") and printed in the crawl summary.
VNPORTAL_MAX_LISTING_PAGES = 0
