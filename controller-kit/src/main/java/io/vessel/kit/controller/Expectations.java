package io.vessel.kit.controller;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates and deletes a controller has issued but its cache has not shown yet, per owner key.
 * While any are outstanding the owner is not reconciled against the lagging cache, which would
 * create or delete twice. Expectations expire, so a lost event only delays a reconcile.
 */
public final class Expectations {
  private static final long TTL_MILLIS = 5 * 60_000;

  private record Pending(int adds, int deletes, long since) {}

  private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();

  public void expect(String key, int adds, int deletes) {
    pending.put(key, new Pending(adds, deletes, System.currentTimeMillis()));
  }

  public void observedAdd(String key) {
    pending.computeIfPresent(key, (k, p) -> new Pending(p.adds - 1, p.deletes, p.since));
  }

  public void observedDelete(String key) {
    pending.computeIfPresent(key, (k, p) -> new Pending(p.adds, p.deletes - 1, p.since));
  }

  /** A create or delete that failed will never be observed: stop waiting for it. */
  public void lowered(String key, int adds, int deletes) {
    pending.computeIfPresent(key, (k, p) -> new Pending(p.adds - adds, p.deletes - deletes, p.since));
  }

  public boolean satisfied(String key) {
    Pending p = pending.get(key);
    return p == null
        || (p.adds <= 0 && p.deletes <= 0)
        || System.currentTimeMillis() - p.since > TTL_MILLIS;
  }

  public void forget(String key) {
    pending.remove(key);
  }
}
