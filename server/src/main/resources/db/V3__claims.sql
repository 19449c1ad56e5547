-- Unique values objects draw from pools shared by every replica (Service clusterIPs and
-- nodePorts). A row is written in the same transaction as the object that holds it and removed
-- with it, so the primary key is what makes a value held by at most one object.
CREATE TABLE vessel_claims (
  pool      text COLLATE "C" NOT NULL,
  value     bigint NOT NULL,
  resource  text COLLATE "C" NOT NULL,
  namespace text COLLATE "C" NOT NULL,
  name      text COLLATE "C" NOT NULL,
  PRIMARY KEY (pool, value)
);
CREATE INDEX vessel_claims_holder ON vessel_claims (resource, namespace, name);
