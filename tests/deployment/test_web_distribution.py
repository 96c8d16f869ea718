"""The pages' hosting in the packaged template (infra/web.yml): a private bucket only the distribution
reads (origin access control), HTTPS only, a strict Content-Security-Policy without inline script and
HSTS on every page, and the API on the same origin, never cached."""

from __future__ import annotations

import json
from typing import Any

import pytest

from functions.local.web_pages import DOCUMENTS_BUCKET_SOURCE
from tests.deployment.template_rules import referenced_logical_ids, resources_of_type

Template = dict[str, Any]
CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"


def distribution_config(template: Template) -> dict[str, Any]:
    [distribution] = resources_of_type(template, "AWS::CloudFront::Distribution").values()
    config: dict[str, Any] = distribution["Properties"]["DistributionConfig"]
    return config


def csp_directives(template: Template) -> dict[str, list[str]]:
    [policy] = resources_of_type(template, "AWS::CloudFront::ResponseHeadersPolicy").values()
    value = policy["Properties"]["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"]["ContentSecurityPolicy"]
    text = value["ContentSecurityPolicy"]
    text = text["Fn::Sub"] if isinstance(text, dict) else text
    return {d.split()[0]: d.split()[1:] for d in text.split(";") if d.strip()}


def test_the_pages_bucket_is_private_and_read_only_by_the_distribution_through_its_origin_path(
    template: Template,
) -> None:
    bucket = template["Resources"]["WebBucket"]["Properties"]
    assert all(bucket["PublicAccessBlockConfiguration"].values())
    [policy] = [
        p
        for p in resources_of_type(template, "AWS::S3::BucketPolicy").values()
        if p["Properties"]["Bucket"] == {"Ref": "WebBucket"}
    ]
    allowed = [s for s in policy["Properties"]["PolicyDocument"]["Statement"] if s["Effect"] == "Allow"]
    assert [s["Principal"] for s in allowed] == [{"Service": "cloudfront.amazonaws.com"}]
    assert [s["Action"] for s in allowed] == ["s3:GetObject"]
    source = allowed[0]["Condition"]["StringEquals"]["AWS:SourceArn"]
    assert referenced_logical_ids(source) == {"WebDistribution"}
    [origin] = [o for o in distribution_config(template)["Origins"] if o["Id"] == "pages"]
    assert allowed[0]["Resource"] == {"Fn::Sub": "${WebBucket.Arn}" + origin["OriginPath"] + "/*"}
    assert referenced_logical_ids(origin["OriginAccessControlId"]) == {"WebOriginAccessControl"}
    assert origin["S3OriginConfig"] == {"OriginAccessIdentity": ""}  # OAC, not the legacy identity


def test_viewers_get_https_and_every_page_the_security_headers(template: Template) -> None:
    config = distribution_config(template)
    pages = config["DefaultCacheBehavior"]
    assert pages["ViewerProtocolPolicy"] == "redirect-to-https"
    assert referenced_logical_ids(pages["ResponseHeadersPolicyId"]) == {"WebResponseHeadersPolicy"}
    [policy] = resources_of_type(template, "AWS::CloudFront::ResponseHeadersPolicy").values()
    security = policy["Properties"]["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"]
    assert security["StrictTransportSecurity"]["AccessControlMaxAgeSec"] >= 365 * 24 * 3600
    assert security["StrictTransportSecurity"]["IncludeSubdomains"]
    assert security["FrameOptions"]["FrameOption"] == "DENY"
    assert all(header.get("Override") for header in security.values())


@pytest.mark.parametrize("directive", ["default-src", "script-src", "style-src", "font-src", "connect-src"])
def test_the_content_security_policy_allows_no_inline_code_and_no_other_origin(
    template: Template, directive: str
) -> None:
    sources = csp_directives(template)[directive]
    assert not [s for s in sources if "unsafe" in s or s in {"*", "data:", "blob:", "https:", "http:"}]
    others = [s for s in sources if s not in {"'self'", "'none'"}]
    if directive == "connect-src":  # the WebSocket API and the documents bucket (uploads), named exactly
        assert others == [
            "wss://${WebsocketsApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}",
            DOCUMENTS_BUCKET_SOURCE,
        ]
    else:
        assert others == []


def test_the_policy_forbids_framing_plugins_and_base_tricks(template: Template) -> None:
    directives = csp_directives(template)
    assert directives["default-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]


def test_the_api_is_on_the_same_origin_and_never_cached(template: Template) -> None:
    config = distribution_config(template)
    [api] = [b for b in config["CacheBehaviors"] if b["PathPattern"] == "/graphql*"]
    [origin] = [o for o in config["Origins"] if o["Id"] == api["TargetOriginId"]]
    assert referenced_logical_ids(origin["DomainName"]) == {"HttpApi"}
    assert origin["CustomOriginConfig"]["OriginProtocolPolicy"] == "https-only"
    assert api["CachePolicyId"] == CACHING_DISABLED
    assert "POST" in api["AllowedMethods"]
    assert api["ViewerProtocolPolicy"] == "https-only"


def test_the_pages_routes_are_answered_with_index_html_by_a_function_not_by_error_pages(template: Template) -> None:
    """Error pages would also turn the API's 403 and 404 into index.html."""
    config = distribution_config(template)
    assert "CustomErrorResponses" not in config
    [association] = config["DefaultCacheBehavior"]["FunctionAssociations"]
    assert association["EventType"] == "viewer-request"
    [function] = resources_of_type(template, "AWS::CloudFront::Function").values()
    assert "index.html" in function["Properties"]["FunctionCode"]
    assert json.dumps(template["Outputs"]["WebUrl"])


def test_the_documents_bucket_takes_posted_uploads_from_the_pages_origin_only(template: Template) -> None:
    """The console posts documents straight to the bucket (presigned POST): its CORS rule allows that one
    method from the distribution's domain, and the policy's source is that very bucket's address."""
    bucket = template["Resources"]["DocumentsBucket"]["Properties"]
    [rule] = bucket["CorsConfiguration"]["CorsRules"]
    assert rule["AllowedMethods"] == ["POST"]
    [origin] = rule["AllowedOrigins"]
    assert origin == {"Fn::Sub": "https://${WebDistribution.DomainName}"}
    name = bucket["BucketName"]["Fn::Sub"]
    assert f"https://{name}.s3.${{AWS::Region}}.${{AWS::URLSuffix}}" == DOCUMENTS_BUCKET_SOURCE
