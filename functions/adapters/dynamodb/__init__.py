"""DynamoDB through PynamoDB: models, bindings to a concrete table, repositories."""
