"""Live subscriptions at the API's edge: the graphql-transport-ws protocol over API Gateway's WebSocket
API (``protocol``, ``sessions``), subscription documents executed through the GraphQL schema
(``documents``, ``context``, ``trusted``) and each event rendered and posted to its listeners
(``fanout``). Who may hear what, and the connections kept, are the services' (``services/live_updates``,
``services/live_connections``); docs/subscriptions.md tells the whole path."""
