'use strict';

// serverless-iam-roles-per-function builds each function's own role from a copy of the shared Lambda
// role that osls generates, and leaves the shared role in the stack. Once every function has its own
// role nothing assumes the shared one, yet it would still be created (with broader log permissions):
// remove it, so the stack holds only roles in use. Runs after that plugin (listed after it).
class DropUnusedSharedLambdaRole {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { 'before:package:finalize': () => this.dropUnusedSharedRole() };
  }

  dropUnusedSharedRole() {
    const resources = this.serverless.service.provider.compiledCloudFormationTemplate.Resources;
    const shared = this.serverless.providers.aws.naming.getRoleLogicalId();
    if (!(shared in resources)) return;
    const others = Object.entries(resources).filter(([logicalId]) => logicalId !== shared);
    if (!JSON.stringify(others).includes(JSON.stringify(shared))) delete resources[shared];
  }
}

module.exports = DropUnusedSharedLambdaRole;
