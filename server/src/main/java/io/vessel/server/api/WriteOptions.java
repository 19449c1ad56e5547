package io.vessel.server.api;

/**
 * The query options of create, update and patch.
 *
 * @param fieldValidation "Ignore", "Warn" or "Strict"
 */
public record WriteOptions(boolean dryRun, String fieldManager, String fieldValidation) {
  /** For the server's own writes, which upstream records under the manager "kube-apiserver". */
  public static final WriteOptions DEFAULT = new WriteOptions(false, "kube-apiserver", "Warn");
}
