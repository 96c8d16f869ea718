"""The local stand-in for S3 -> EventBridge -> Lambda: new objects under prefixes of a bucket handed to
a handler as the "Object Created" event AWS would send (each object once, in the order they came).

On AWS the settlements bucket tells EventBridge of each new object and a rule invokes the
settlementFiles function (infra/money.yml, serverless.yml); moto keeps no such rule, so the local stack
looks at the bucket every second instead and invokes the same handler with the same event shape."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from functions.local.lambda_context import FakeLambdaContext

__all__ = ["BucketEvents", "object_created"]

logger = logging.getLogger("shubbak.local.bucket_events")


def object_created(bucket: str, key: str, size: int, region: str) -> dict[str, Any]:
    return {
        "version": "0",
        "source": "aws.s3",
        "detail-type": "Object Created",
        "region": region,
        "resources": [f"arn:aws:s3:::{bucket}"],
        "detail": {"version": "0", "bucket": {"name": bucket}, "object": {"key": key, "size": size}},
    }


class BucketEvents:
    def __init__(
        self,
        s3: Any,
        bucket: str,
        prefixes: tuple[str, ...],
        handler: Callable[[dict[str, Any], Any], Any],
        region: str,
        every_seconds: float = 1.0,
    ) -> None:
        self._s3 = s3
        self._bucket = bucket
        self._prefixes = prefixes
        self._handler = handler
        self._region = region
        self._every = every_seconds
        self._seen: set[str] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"bucket-events-{bucket}", daemon=True)

    def start(self) -> BucketEvents:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def deliver_new(self) -> int:
        """Hand every object not seen yet to the handler; how many."""
        listed = [
            created
            for prefix in self._prefixes
            for created in self._s3.list_objects_v2(Bucket=self._bucket, Prefix=prefix).get("Contents", [])
        ]
        fresh = sorted((o for o in listed if o["Key"] not in self._seen), key=lambda o: (o["LastModified"], o["Key"]))
        for created in fresh:
            self._seen.add(created["Key"])
            event = object_created(self._bucket, created["Key"], created["Size"], self._region)
            self._handler(event, FakeLambdaContext())
        return len(fresh)

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            try:
                self.deliver_new()
            except Exception:  # keep watching: a local hiccup must not stop the stack
                logger.exception("bucket events for %s failed", self._bucket)
