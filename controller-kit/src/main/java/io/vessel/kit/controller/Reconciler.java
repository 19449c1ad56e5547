package io.vessel.kit.controller;

/**
 * Brings the object named by a key ("namespace/name") to its desired state, reading from
 * informer caches and writing through the API. Runs on a worker thread, may block on API calls;
 * a thrown exception requeues the key with back-off.
 */
@FunctionalInterface
public interface Reconciler {
  Result reconcile(String key) throws Exception;
}
