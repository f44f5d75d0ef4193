"""A shared Redis frontier (scrapy-redis) that a killed worker cannot leave unfinished.

scrapy-redis pops a request out of Redis and marks its URL seen in the shared duplicate filter; a worker
killed before storing the page loses it for good (the filter drops it when a listing links it again), so
re-running the frontier fetched nothing. Here, as in a reliable queue:

- a pop moves the entry, atomically, from the queue into the worker's in-flight set
  (`<frontier>:inflight:<worker>`); it leaves that set when the page's item has been stored or recorded as a
  failure, and the whole set goes when the worker finishes;
- every worker refreshes a heartbeat (`<frontier>:worker:<worker>`, expiring after
  `VNPORTAL_FRONTIER_LEASE_SECONDS`); a worker whose heartbeat expired is dead, and the first live worker
  to notice (on start and every few seconds) puts the dead worker's in-flight requests back in the queue,
  except pages the database already holds from this frontier: "already stored" is the database's answer,
  not the filter's. Listing pages a dead worker had popped are among them, so they are walked again;
- marking a URL seen and queueing it is one atomic step, so a kill cannot leave a URL seen but unqueued;
- an idle worker stays open while another worker is active or a silent worker's requests wait to be
  reclaimed (`busy()`, used by `crawler.extensions.SharedFrontierIdleExtension`).

Entries are JSON (crawler/redis_codec.py), never pickle; an entry that is not a valid request is refused
(logged, counted as `vnportal/frontier/refused_entries`) and dropped.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from crawler import redis_codec
from crawler.redis_codec import BadQueueEntry
from crawler.storage import open_store

logger = logging.getLogger(__name__)

# Mark seen and queue in one step (an empty fingerprint: dont_filter, queue only).
ENQUEUE = """
if ARGV[1] == '' or redis.call('SADD', KEYS[1], ARGV[1]) == 1 then
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
  return 1
end
return 0
"""
# Take the best entry out of the queue into this worker's in-flight set in one step.
POP = """
local entry = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
if not entry then return false end
redis.call('ZREM', KEYS[1], entry)
redis.call('SADD', KEYS[2], entry)
return entry
"""
# Move a dead worker's in-flight entries into this worker's set (so a reclaimer killed half-way loses
# nothing either) and forget the dead worker; two reclaimers at once: the second finds nothing.
ADOPT = """
local entries = redis.call('SMEMBERS', KEYS[1])
for _, entry in ipairs(entries) do redis.call('SADD', KEYS[2], entry) end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[3], ARGV[1])
return entries
"""
SILENT_BEATS = 2.5  # a heartbeat this many intervals old: the worker has probably died


def default_worker_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


class FrontierScheduler(Scheduler):
    """`SCHEDULER = "crawler.frontier.FrontierScheduler"`; keys under `VNPORTAL_FRONTIER_KEY`."""

    crawler: Crawler
    spider: Any
    clock: Any = None  # the reactor unless set (tests use twisted.internet.task.Clock)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierScheduler:
        scheduler = super().from_crawler(crawler)
        scheduler.serializer = redis_codec  # whatever SCHEDULER_SERIALIZER says: never pickle
        scheduler.setup(crawler)
        return scheduler

    def setup(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.key = settings.get("VNPORTAL_FRONTIER_KEY") or self.queue_key.rsplit(":", 1)[0]
        self.worker = settings.get("VNPORTAL_FRONTIER_WORKER") or default_worker_name()
        self.lease = settings.getfloat("VNPORTAL_FRONTIER_LEASE_SECONDS", 30.0)
        self.beat_interval = max(0.1, min(self.lease / 5, 2.0))
        self.last_activity = time.monotonic()
        self.in_flight: dict[str, bytes] = {}
        self.heartbeat: task.LoopingCall | None = None
        self._enqueue = self.server.register_script(ENQUEUE)
        self._pop = self.server.register_script(POP)
        self._adopt = self.server.register_script(ADOPT)
        crawler.vnportal_frontier = self  # type: ignore[attr-defined]
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(self.item_done, signal=signal)
        for signal in (signals.response_received, signals.item_scraped):
            crawler.signals.connect(self.active, signal=signal)

    # keys -------------------------------------------------------------------------------------------

    def _worker_key(self, worker: str) -> str:
        return f"{self.key}:worker:{worker}"

    def _ledger_key(self, worker: str) -> str:
        return f"{self.key}:inflight:{worker}"

    @property
    def _workers_key(self) -> str:
        return f"{self.key}:workers"

    # life cycle -------------------------------------------------------------------------------------

    def open(self, spider: Any) -> None:
        super().open(spider)
        self.server.set(f"{self.key}:started", time.time(), nx=True)
        logger.info("frontier %s: worker %s", self.key, self.worker)
        self._reclaim(self.worker)  # restarted under the same name: what the last run held is known lost
        self.beat()
        self.heartbeat = task.LoopingCall(self.beat)
        if self.clock is None:
            from twisted.internet import reactor

            self.clock = reactor
        self.heartbeat.clock = self.clock
        self.heartbeat.start(self.beat_interval, now=False)

    def close(self, reason: str) -> None:
        if self.heartbeat is not None and self.heartbeat.running:
            self.heartbeat.stop()
        self.server.delete(self._worker_key(self.worker))
        if reason == "finished":
            # everything popped was processed: nothing to hand back
            self.server.delete(self._ledger_key(self.worker))
            self.server.srem(self._workers_key, self.worker)
        # otherwise (shutdown, closespider...) the worker now looks dead: its in-flight requests are reclaimed
        super().close(reason)

    def beat(self) -> None:
        """Say this worker is alive (and how long it has been idle), then adopt dead workers' requests."""
        idle_for = time.monotonic() - self.last_activity
        pipe = self.server.pipeline()
        pipe.sadd(self._workers_key, self.worker)
        pipe.set(self._worker_key(self.worker), f"{idle_for:.3f}", px=int(self.lease * 1000))
        pipe.execute()
        self.reclaim_dead()

    def active(self, *args: Any, **kwargs: Any) -> None:
        self.last_activity = time.monotonic()

    # queue ------------------------------------------------------------------------------------------

    def enqueue_request(self, request: Request) -> bool:
        fingerprint = "" if request.dont_filter else self.df.request_fingerprint(request)
        entry = redis_codec.encode_request(request, self.spider)
        if not self._enqueue(keys=[self.df.key, self.queue.key], args=[fingerprint, -request.priority, entry]):
            self.df.log(request, self.spider)
            return False
        self.active()
        self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        ledger = self._ledger_key(self.worker)
        while (entry := self._pop(keys=[self.queue.key, ledger])) is not None:
            request = self._decode(entry, ledger)
            if request is not None:
                self.in_flight[self.df.request_fingerprint(request)] = entry
                self.active()
                self.stats.inc_value("scheduler/dequeued/redis")
                return request
        return None

    def _decode(self, entry: bytes, ledger: str) -> Request | None:
        try:
            return redis_codec.decode_request(entry, self.spider)
        except BadQueueEntry as error:
            self.server.srem(ledger, entry)
            self.stats.inc_value("vnportal/frontier/refused_entries")
            logger.warning("frontier %s: refused an entry that is not a request (%s): %.80r", self.key, error, entry)
            return None

    def item_done(self, item: Any = None, response: Any = None, **kwargs: Any) -> None:
        """The page's item is stored (or recorded as failed): its request is no longer in flight."""
        request = getattr(response, "request", None)
        if request is None:
            return
        entry = self.in_flight.pop(self.df.request_fingerprint(request), None)
        if entry is not None:
            self.server.srem(self._ledger_key(self.worker), entry)

    # other workers ----------------------------------------------------------------------------------

    def reclaim_dead(self) -> int:
        """Put back in the queue what workers with an expired heartbeat had in flight; how many."""
        reclaimed = 0
        for member in self.server.smembers(self._workers_key):
            worker = member.decode() if isinstance(member, bytes) else member
            if worker != self.worker and not self.server.exists(self._worker_key(worker)):
                reclaimed += self._reclaim(worker)
        return reclaimed

    def _reclaim(self, worker: str) -> int:
        mine = self._ledger_key(self.worker)
        source = self._ledger_key(worker)
        if worker == self.worker:  # a previous run under this name: its set is moved aside first
            if not self.server.exists(source):
                return 0
            self.server.rename(source, source := f"{source}:previous")
        entries = self._adopt(keys=[source, mine, self._workers_key], args=[worker])
        if not entries:
            return 0
        stored = self._stored_urls()
        requeued = 0
        for entry in entries:
            request = self._decode(entry, mine)
            if request is None:
                continue
            pipe = self.server.pipeline()
            if request.url in stored:
                self.stats.inc_value("vnportal/frontier/reclaimed_already_stored")
            else:
                pipe.zadd(self.queue.key, {entry: -request.priority})
                requeued += 1
            pipe.srem(mine, entry)
            pipe.execute()
        self.stats.inc_value("vnportal/frontier/reclaimed", requeued)
        logger.warning(
            "frontier %s: worker %s stopped; %d of its %d requests are back in the queue",
            self.key,
            worker,
            requeued,
            len(entries),
        )
        self.active()
        return requeued

    def _stored_urls(self) -> set[str]:
        """Pages the database holds from this frontier (fetched since it started)."""
        settings = self.crawler.settings
        started = self.server.get(f"{self.key}:started")
        if not settings.getbool("VNPORTAL_STORE_ENABLED", True) or started is None:
            return set()
        since = datetime.fromtimestamp(float(started), UTC)
        return open_store(self.crawler, settings.get("VNPORTAL_DB")).fresh_article_urls(since)

    def busy(self, idle_seconds: float) -> bool:
        """Should an idle worker stay open: was anyone active lately, or may a silent worker's requests
        still come back to the queue?"""
        if time.monotonic() - self.last_activity < idle_seconds or self.reclaim_dead():
            return True
        for member in self.server.smembers(self._workers_key):
            worker = member.decode() if isinstance(member, bytes) else member
            if worker != self.worker and self._other_busy(worker, idle_seconds):
                return True
        return False

    def _other_busy(self, worker: str, idle_seconds: float) -> bool:
        pipe = self.server.pipeline()
        pipe.get(self._worker_key(worker))
        pipe.pttl(self._worker_key(worker))
        pipe.scard(self._ledger_key(worker))
        idle_at_beat, ttl_ms, in_flight = pipe.execute()
        if idle_at_beat is None or ttl_ms < 0:
            return bool(in_flight)  # dead: reclaimed at the next beat
        since_beat = self.lease - ttl_ms / 1000
        if float(idle_at_beat) + since_beat < idle_seconds:
            return True
        return since_beat > SILENT_BEATS * self.beat_interval and bool(in_flight)
