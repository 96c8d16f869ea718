'use strict';

// Someone told (docs/deployment.md, "Alarms"): every Lambda function gets an alarm on its errors and one on
// its throttles, and every dead-letter queue one on the messages waiting in it, all telling the operations
// topic (infra/resources.yml). They are derived from the packaged template after infra/ is merged into it,
// so a new function or queue is alarmed without an edit; tests/deployment/test_operations.py checks each.
const OPERATIONS_TOPIC = 'OperationsTopic';

class OperationsAlarms {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { 'before:aws:package:finalize:saveServiceState': () => this.addAlarms() };
  }

  addAlarms() {
    const resources = this.serverless.service.provider.compiledCloudFormationTemplate.Resources;
    if (!(OPERATIONS_TOPIC in resources)) throw new Error(`${OPERATIONS_TOPIC} is missing from the template`);
    const alarms = {};
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const dimensions = [{ Name: 'FunctionName', Value: { Ref: logicalId } }];
      alarms[`${logicalId}ErrorsAlarm`] = alarm(`${logicalId} failed`, 'AWS/Lambda', 'Errors', dimensions, 'Sum');
      alarms[`${logicalId}ThrottlesAlarm`] = alarm(`${logicalId} was throttled`, 'AWS/Lambda', 'Throttles', dimensions, 'Sum');
    }
    for (const queue of deadLetterQueues(resources)) {
      const dimensions = [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }];
      alarms[`${queue}DepthAlarm`] = alarm(
        `messages wait in ${queue}: redrive them once their cause is fixed`,
        'AWS/SQS',
        'ApproximateNumberOfMessagesVisible',
        dimensions,
        'Maximum'
      );
    }
    Object.assign(resources, alarms);
  }
}

function deadLetterQueues(resources) {
  const targets = new Set();
  for (const resource of Object.values(resources)) {
    const target = resource.Type === 'AWS::SQS::Queue' && (resource.Properties.RedrivePolicy || {}).deadLetterTargetArn;
    if (target && target['Fn::GetAtt']) targets.add(target['Fn::GetAtt'][0]);
  }
  return [...targets].sort();
}

function alarm(description, namespace, metricName, dimensions, statistic) {
  return {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmDescription: `${description} (docs/deployment.md, Alarms)`,
      Namespace: namespace,
      MetricName: metricName,
      Dimensions: dimensions,
      Statistic: statistic,
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: OPERATIONS_TOPIC }],
      OKActions: [{ Ref: OPERATIONS_TOPIC }],
    },
  };
}

module.exports = OperationsAlarms;
