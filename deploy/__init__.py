"""Build and check the deployment: the Lambda artifact, the packaged CloudFormation template."""
