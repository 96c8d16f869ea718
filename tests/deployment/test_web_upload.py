"""`make deploy-web`: the built pages go to the web bucket under the distribution's origin path, with
their types and caching, index.html last and pointing at the stage's WebSocket API, then one
invalidation (on moto in-process: no AWS account)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws

from deploy.web_upload import IMMUTABLE, PREFIX, REVALIDATE, WEB_DIST, StackOutputs, upload_pages

SOCKET = "wss://abc123.execute-api.me-south-1.amazonaws.com/prod"


@pytest.fixture
def aws() -> Iterator[tuple[Any, Any, StackOutputs]]:
    if not (WEB_DIST / "index.html").exists():
        pytest.fail("web/dist is not built: run `make web-build` (make test does)")
    with mock_aws():
        s3 = boto3.client("s3", region_name="me-south-1")
        s3.create_bucket(Bucket="shubbak-prod-web", CreateBucketConfiguration={"LocationConstraint": "me-south-1"})
        cloudfront = boto3.client("cloudfront", region_name="us-east-1")
        distribution = cloudfront.create_distribution(
            DistributionConfig={
                "CallerReference": "web",
                "Comment": "pages",
                "Enabled": True,
                "Origins": {
                    "Quantity": 1,
                    "Items": [
                        {
                            "Id": "pages",
                            "DomainName": "shubbak-prod-web.s3.me-south-1.amazonaws.com",
                            "S3OriginConfig": {"OriginAccessIdentity": ""},
                        }
                    ],
                },
                "DefaultCacheBehavior": {"TargetOriginId": "pages", "ViewerProtocolPolicy": "redirect-to-https"},
            }
        )["Distribution"]["Id"]
        yield s3, cloudfront, StackOutputs("shubbak-prod-web", distribution, SOCKET)


def test_the_pages_are_uploaded_under_the_origin_path_with_their_types_and_caching(aws: Any) -> None:
    s3, cloudfront, outputs = aws
    keys = upload_pages(s3, cloudfront, outputs)
    built = sorted(PREFIX + p.relative_to(WEB_DIST).as_posix() for p in WEB_DIST.rglob("*") if p.is_file())
    assert sorted(keys) == built
    assert keys[-1] == PREFIX + "index.html"
    assets = [key for key in keys if key.startswith(PREFIX + "assets/")]
    assert assets
    assert keys[: len(assets)] == assets  # every asset is there before any page names it
    for key in keys:
        head = s3.head_object(Bucket=outputs.bucket, Key=key)
        assert head["CacheControl"] == (IMMUTABLE if key in assets else REVALIDATE), key
        suffix = key.rsplit(".", 1)[-1]
        expected = {"js": "text/javascript", "css": "text/css", "woff2": "font/woff2", "html": "text/html"}
        if suffix in expected:
            assert head["ContentType"].startswith(expected[suffix]), key


def test_index_html_names_the_stages_websocket_api(aws: Any) -> None:
    s3, cloudfront, outputs = aws
    upload_pages(s3, cloudfront, outputs)
    index = s3.get_object(Bucket=outputs.bucket, Key=PREFIX + "index.html")["Body"].read().decode()
    assert f'<meta name="shubbak-socket-url" content="{SOCKET}" />' in index
    assert "<script>" not in index  # no inline script: the CSP allows none


def test_the_paths_that_are_not_content_addressed_are_invalidated(aws: Any) -> None:
    s3, cloudfront, outputs = aws
    upload_pages(s3, cloudfront, outputs)
    [invalidation] = cloudfront.list_invalidations(DistributionId=outputs.distribution_id)["InvalidationList"]["Items"]
    paths = cloudfront.get_invalidation(DistributionId=outputs.distribution_id, Id=invalidation["Id"])
    items = paths["Invalidation"]["InvalidationBatch"]["Paths"]["Items"]
    assert {"/", "/index.html"} <= set(items)
    assert not [path for path in items if path.startswith("/assets/")]
