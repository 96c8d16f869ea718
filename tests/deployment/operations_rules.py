"""Rules for "nothing lost, and someone told" (issue 14, item 7) on a packaged template: each returns
what breaks it (empty when the template obeys), so the tests can show it biting on broken templates."""

from __future__ import annotations

from typing import Any

from tests.deployment.template_rules import functions, resources_of_type

Template = dict[str, Any]
RETAIN = {"DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain"}
OPERATIONS_TOPIC = {"Ref": "OperationsTopic"}


def unprotected_stores(template: Template, buckets: set[str]) -> list[str]:
    """Tables and the named buckets that a stack deletion or replacement would delete, or a table whose
    deletion protection is off."""
    findings = []
    for name, table in resources_of_type(template, "AWS::DynamoDB::Table").items():
        if {key: table.get(key) for key in RETAIN} != RETAIN:
            findings.append(f"{name}: not retained")
        if table["Properties"].get("DeletionProtectionEnabled") is not True:
            findings.append(f"{name}: no deletion protection")
    for name in sorted(buckets):
        bucket = template["Resources"].get(name, {})
        if {key: bucket.get(key) for key in RETAIN} != RETAIN:
            findings.append(f"{name}: not retained")
    return findings


def alarms(template: Template) -> dict[str, dict[str, Any]]:
    return {name: alarm["Properties"] for name, alarm in resources_of_type(template, "AWS::CloudWatch::Alarm").items()}


def watched(template: Template, namespace: str, metric: str) -> list[dict[str, Any]]:
    """The dimensions of every alarm on ``namespace``/``metric`` (each a dict name -> value)."""
    return [
        {d["Name"]: d["Value"] for d in alarm.get("Dimensions", [])}
        for alarm in alarms(template).values()
        if alarm["Namespace"] == namespace and alarm["MetricName"] == metric
    ]


def dead_letter_queues(template: Template) -> set[str]:
    targets = set()
    for queue in resources_of_type(template, "AWS::SQS::Queue").values():
        target = queue["Properties"].get("RedrivePolicy", {}).get("deadLetterTargetArn", {})
        if "Fn::GetAtt" in target:
            targets.add(target["Fn::GetAtt"][0])
    return targets


def unwatched(template: Template) -> list[str]:
    """What should be alarmed and is not: each function's errors and throttles, each dead-letter queue's
    depth, each state machine's failed and timed-out executions, each HTTP API's 5xx, the SMS spend."""
    findings = []
    for metric in ("Errors", "Throttles"):
        seen = {str(d.get("FunctionName")) for d in watched(template, "AWS/Lambda", metric)}
        findings += [f"{name}: no {metric} alarm" for name in functions(template) if str({"Ref": name}) not in seen]
    depth = {str(d.get("QueueName")) for d in watched(template, "AWS/SQS", "ApproximateNumberOfMessagesVisible")}
    findings += [
        f"{queue}: no depth alarm"
        for queue in sorted(dead_letter_queues(template))
        if str({"Fn::GetAtt": [queue, "QueueName"]}) not in depth
    ]
    for metric in ("ExecutionsFailed", "ExecutionsTimedOut"):
        seen = {str(d.get("StateMachineArn")) for d in watched(template, "AWS/States", metric)}
        machines = resources_of_type(template, "AWS::StepFunctions::StateMachine")
        findings += [f"{name}: no {metric} alarm" for name in machines if str({"Ref": name}) not in seen]
    apis = {
        name
        for name, api in resources_of_type(template, "AWS::ApiGatewayV2::Api").items()
        if api["Properties"].get("ProtocolType") == "HTTP"
    }
    seen_apis = {str(d.get("ApiId")) for d in watched(template, "AWS/ApiGateway", "5xx")}
    findings += [f"{name}: no 5xx alarm" for name in sorted(apis) if str({"Ref": name}) not in seen_apis]
    if not watched(template, "AWS/SNS", "SMSMonthToDateSpentUSD"):
        findings.append("no SMS monthly spend alarm")
    findings += [
        f"{name}: does not tell the operations topic"
        for name, alarm in alarms(template).items()
        if alarm.get("AlarmActions") != [OPERATIONS_TOPIC] or alarm.get("OKActions") != [OPERATIONS_TOPIC]
    ]
    return findings


def unthrottled_stages(template: Template) -> list[str]:
    """API stages without a default rate and burst limit."""
    findings = []
    for name, stage in resources_of_type(template, "AWS::ApiGatewayV2::Stage").items():
        default = stage["Properties"].get("DefaultRouteSettings", {})
        if not default.get("ThrottlingRateLimit") or not default.get("ThrottlingBurstLimit"):
            findings.append(f"{name}: no default rate and burst limit")
    return findings
