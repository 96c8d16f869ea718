"""Upload the built pages (``web/dist``) to the stage's private web bucket, behind its CloudFront
distribution (``infra/web.yml``), after ``osls deploy`` has created them: ``make deploy-web STAGE=prod``.

* Where: the stack's outputs name the bucket (``WebBucketName``), the distribution (``WebDistributionId``)
  and the WebSocket API (``ServiceEndpointWebsocket``, written into index.html's
  ``shubbak-socket-url`` meta so the pages subscribe there; its origin is in the CSP's connect-src).
* What: every file under ``pages/`` (the distribution's origin path), with its content type; assets
  (named by their content's hash) cached for a year as immutable, everything else revalidated.
  Assets first and index.html last, so no page ever names an asset not uploaded yet; older assets stay
  (a page loaded before the upload still finds them) until the bucket's lifecycle rule removes them.
* Then: one invalidation of the paths that are not content-addressed.

Needs AWS credentials for the stage's account (nothing else here does): ``make package`` never calls it.
"""

from __future__ import annotations

import argparse
import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3

__all__ = ["WEB_DIST", "PageFile", "StackOutputs", "page_files", "upload_pages"]

WEB_DIST = Path(__file__).resolve().parents[1] / "web" / "dist"
PREFIX = "pages/"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
SOCKET_META = '<meta name="shubbak-socket-url" content="" />'
TYPES = {".js": "text/javascript", ".css": "text/css", ".woff2": "font/woff2", ".svg": "image/svg+xml"}


@dataclass(frozen=True)
class StackOutputs:
    bucket: str
    distribution_id: str | None
    socket_url: str

    @classmethod
    def of_stack(cls, cloudformation: Any, stack_name: str) -> StackOutputs:
        [stack] = cloudformation.describe_stacks(StackName=stack_name)["Stacks"]
        outputs = {output["OutputKey"]: output["OutputValue"] for output in stack.get("Outputs", [])}
        return cls(outputs["WebBucketName"], outputs["WebDistributionId"], outputs["ServiceEndpointWebsocket"])


@dataclass(frozen=True)
class PageFile:
    key: str
    body: bytes
    content_type: str
    cache_control: str


def page_files(dist: Path, socket_url: str) -> list[PageFile]:
    """Every built file as it is uploaded, assets first and index.html last."""
    index = dist / "index.html"
    if not index.exists():
        raise SystemExit(f"{dist} has no index.html: run `make web-build` first")
    files = []
    for path in sorted(p for p in dist.rglob("*") if p.is_file()):
        relative = path.relative_to(dist).as_posix()
        body = path.read_bytes()
        if path == index:
            if SOCKET_META.encode() not in body:
                raise SystemExit("index.html has no shubbak-socket-url meta to fill in")
            body = body.replace(SOCKET_META.encode(), SOCKET_META.replace('""', f'"{socket_url}"').encode())
        content_type = TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type == "image/svg+xml":
            content_type += "; charset=utf-8"
        cache = IMMUTABLE if relative.startswith("assets/") else REVALIDATE
        files.append(PageFile(PREFIX + relative, body, content_type, cache))
    return sorted(files, key=lambda f: (f.key == PREFIX + "index.html", not f.key.startswith(PREFIX + "assets/")))


def upload_pages(s3: Any, cloudfront: Any, outputs: StackOutputs, dist: Path = WEB_DIST) -> list[str]:
    """Upload the pages; the keys written, in order."""
    files = page_files(dist, outputs.socket_url)
    for page in files:
        s3.put_object(
            Bucket=outputs.bucket,
            Key=page.key,
            Body=page.body,
            ContentType=page.content_type,
            CacheControl=page.cache_control,
        )
    if outputs.distribution_id:
        paths = [
            "/",
            "/index.html",
            *("/" + f.key.removeprefix(PREFIX) for f in files if f.cache_control == REVALIDATE),
        ]
        cloudfront.create_invalidation(
            DistributionId=outputs.distribution_id,
            InvalidationBatch={
                "Paths": {"Quantity": len(set(paths)), "Items": sorted(set(paths))},
                "CallerReference": hashlib.sha256(b"".join(f.key.encode() + f.body for f in files)).hexdigest(),
            },
        )
    return [page.key for page in files]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stage", default="prod")
    parser.add_argument("--region", default="me-south-1")
    arguments = parser.parse_args()
    session = boto3.session.Session(region_name=arguments.region)
    outputs = StackOutputs.of_stack(session.client("cloudformation"), f"shubbak-{arguments.stage}")
    keys = upload_pages(session.client("s3"), session.client("cloudfront"), outputs)
    print(f"{len(keys)} files to s3://{outputs.bucket}/{PREFIX}; invalidated on {outputs.distribution_id}")


if __name__ == "__main__":
    main()
