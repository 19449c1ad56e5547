-- Reads "as of revision R" (paged lists with continue tokens, resourceVersionMatch=Exact) rebuild
-- each changed key's state from its latest event at or before R: look that up by key.
CREATE INDEX vessel_events_key_rv ON vessel_events (resource, namespace, name, rv);
