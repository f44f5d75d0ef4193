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
    "crawler.pipelines.ExtractPipeline": 300,
    "crawler.pipelines.StorePipeline": 800,
}
EXTENSIONS = {
    "crawler.extensions.PortalStatsExtension": 500,
    "crawler.extensions.ProgressExtension": 510,
    "crawler.extensions.RunHeartbeatExtension": 515,
    "crawler.extensions.RunOutcomeExtension": 530,
    "crawler.extensions.SharedFrontierIdleExtension": 520,
}
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.SkipFreshArticlesMiddleware": 50,
    "crawler.middlewares.MirrorProxyMiddleware": 740,  # before Scrapy's HttpProxyMiddleware (750)
}

# vnportal settings
VNPORTAL_EXTRACT_ENABLED = True
VNPORTAL_STORE_ENABLED = True
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
VNPORTAL_FRONTIER_IDLE_SECONDS = 6.0  # with --redis: how long an idle worker waits for others' requests
VNPORTAL_MAX_LISTING_PAGES = 50  # per portal and run: bounds a crawl of an endless pager
