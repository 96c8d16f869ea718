"""A bucket's lifecycle and CORS rules, from CloudFormation's spelling to the S3 API's, for the local
stack (``functions/local/provision.py``). An unknown property is an error, never dropped."""

from __future__ import annotations

from typing import Any

from functions.local.intrinsics import references_of

__all__ = ["cors", "lifecycle", "local_origins"]


_LIFECYCLE_RULE_PROPERTIES = {
    "Id",
    "Status",
    "Prefix",
    "TagFilters",
    "ExpirationInDays",
    "ExpiredObjectDeleteMarker",
    "NoncurrentVersionExpiration",
    "AbortIncompleteMultipartUpload",
}


def lifecycle(props: dict[str, Any]) -> dict[str, Any]:
    """CloudFormation's lifecycle rule spelling -> the S3 API's (an unknown property is an error, never dropped)."""
    rules = []
    for rule in props["LifecycleConfiguration"]["Rules"]:
        unknown = set(rule) - _LIFECYCLE_RULE_PROPERTIES
        if unknown:
            raise ValueError(f"lifecycle rule {rule.get('Id')}: the local stack cannot apply {sorted(unknown)}")
        converted: dict[str, Any] = {"ID": rule["Id"], "Status": rule["Status"], "Filter": _lifecycle_filter(rule)}
        expiration: dict[str, Any] = {}
        if "ExpirationInDays" in rule:
            expiration["Days"] = rule["ExpirationInDays"]
        if "ExpiredObjectDeleteMarker" in rule:
            expiration["ExpiredObjectDeleteMarker"] = rule["ExpiredObjectDeleteMarker"]
        if expiration:
            converted["Expiration"] = expiration
        if "NoncurrentVersionExpiration" in rule:
            converted["NoncurrentVersionExpiration"] = {
                "NoncurrentDays": rule["NoncurrentVersionExpiration"]["NoncurrentDays"]
            }
        if "AbortIncompleteMultipartUpload" in rule:
            converted["AbortIncompleteMultipartUpload"] = {
                "DaysAfterInitiation": rule["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"]
            }
        rules.append(converted)
    return {"Rules": rules}


_CORS_RULE_PROPERTIES = {
    "Id": "ID",
    "AllowedMethods": "AllowedMethods",
    "AllowedOrigins": "AllowedOrigins",
    "AllowedHeaders": "AllowedHeaders",
    "ExposedHeaders": "ExposeHeaders",
    "MaxAge": "MaxAgeSeconds",
}


def cors(configuration: dict[str, Any]) -> dict[str, Any]:
    """CloudFormation's CORS rule spelling -> the S3 API's (an unknown property is an error, never dropped)."""
    rules = []
    for rule in configuration["CorsRules"]:
        unknown = set(rule) - set(_CORS_RULE_PROPERTIES)
        if unknown:
            raise ValueError(f"CORS rule {rule.get('Id')}: the local stack cannot apply {sorted(unknown)}")
        rules.append({_CORS_RULE_PROPERTIES[key]: value for key, value in rule.items()})
    return {"CORSRules": rules}


def local_origins(configuration: dict[str, Any], skipped: set[str], pages_origin: str) -> dict[str, Any]:
    """A CORS origin naming a resource not created locally (the CloudFront distribution in front of the
    pages) is the dev server's origin, which serves the pages here."""
    rules = [
        {
            **rule,
            "AllowedOrigins": [
                pages_origin if references_of(origin) & skipped else origin for origin in rule["AllowedOrigins"]
            ],
        }
        for rule in configuration["CorsRules"]
    ]
    return {**configuration, "CorsRules": rules}


def _lifecycle_filter(rule: dict[str, Any]) -> dict[str, Any]:
    """A prefix and tags together must be an ``And`` filter (the prefix alone would widen the rule)."""
    prefix = rule.get("Prefix", "")
    tags = [{"Key": tag["Key"], "Value": tag["Value"]} for tag in rule.get("TagFilters", [])]
    if not tags:
        return {"Prefix": prefix}
    if len(tags) == 1 and not prefix:
        return {"Tag": tags[0]}
    return {"And": {"Prefix": prefix, "Tags": tags} if prefix else {"Tags": tags}}
