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
    UNAVAILABLE,
    /** A claim the write carried is held by another object; {@link #claim()} names it. */
    CLAIMED
  }

  private final Code code;
  private final StorageKey key;
  private final Claim claim;

  public StorageException(Code code, StorageKey key, String message) {
    super(message, null, false, false);
    this.code = code;
    this.key = key;
    this.claim = null;
  }

  private StorageException(StorageKey key, Claim claim) {
    super(key + ": " + claim + " is held by another object", null, false, false);
    this.code = Code.CLAIMED;
    this.key = key;
    this.claim = claim;
  }

  public static StorageException claimed(StorageKey key, Claim claim) {
    return new StorageException(key, claim);
  }

  /** The claim another object holds, for {@link Code#CLAIMED}; else null. */
  public Claim claim() {
    return claim;
  }

  public StorageException(Code code, StorageKey key, String message, Throwable cause) {
    super(message, cause, false, false);
    this.code = code;
    this.key = key;
    this.claim = null;
  }

  public Code code() {
    return code;
  }

  public StorageKey key() {
    return key;
  }
}
