package io.vessel.server.api;

/**
 * The query options of create, update and patch.
 *
 * @param fieldValidation "Ignore", "Warn" or "Strict"
 */
public record WriteOptions(boolean dryRun, String fieldManager, String fieldValidation) {
  public static final WriteOptions DEFAULT = new WriteOptions(false, "", "Warn");
}
