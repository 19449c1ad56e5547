package io.vessel.server.storage;

/**
 * A storage failure with a code the registry translates, once, into a Kubernetes error. Storage
 * knows nothing of kinds or HTTP, so it names only the key.
 */
public final class StorageException extends RuntimeException {

  public enum Code {
    KEY_EXISTS,
    NOT_FOUND,
    /** The object's current revision differs from the one the write was conditioned on. */
    CONFLICT,
    /** The requested revision is older than the retained history. */
    EXPIRED,
    /** The requested revision has not been reached within the wait budget. */
    TOO_LARGE_RESOURCE_VERSION,
    UNAVAILABLE
  }

  private final Code code;
  private final StorageKey key;

  public StorageException(Code code, StorageKey key, String message) {
    super(message, null, false, false);
    this.code = code;
    this.key = key;
  }

  public StorageException(Code code, StorageKey key, String message, Throwable cause) {
    super(message, cause, false, false);
    this.code = code;
    this.key = key;
  }

  public Code code() {
    return code;
  }

  public StorageKey key() {
    return key;
  }
}
