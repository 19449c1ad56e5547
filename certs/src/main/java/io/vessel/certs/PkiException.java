package io.vessel.certs;

import java.nio.file.Path;
import java.util.List;

/**
 * A PKI file could not be used: it is unreadable, unparseable, does not match its partner, was not
 * signed by the cluster CA, or is missing while its partner exists.
 *
 * <p>The message always names the offending file (or files), so that a startup failure tells the
 * operator exactly what to inspect. The files are also available from {@link #files()}.
 */
public class PkiException extends RuntimeException {

  private final List<Path> files;

  /**
   * @param files the offending files, first the one most likely to need attention; not empty
   * @param problem what is wrong, without the file names (they are prepended)
   */
  public PkiException(List<Path> files, String problem, Throwable cause) {
    super(describe(files, problem), cause);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("a PkiException must name at least one file");
    }
    this.files = List.copyOf(files);
  }

  public PkiException(Path file, String problem, Throwable cause) {
    this(List.of(file), problem, cause);
  }

  public PkiException(Path file, String problem) {
    this(List.of(file), problem, null);
  }

  /** A file's content could not be parsed as what it should hold. */
  public static PkiException unparseable(Path file, String expected, Throwable cause) {
    var detail = cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage();
    return new PkiException(file, "cannot parse " + expected + detail, cause);
  }

  /** One half of a pair exists and the other does not. */
  public static PkiException missingHalf(Path missing, Path present) {
    return new PkiException(
        List.of(missing, present),
        "file is missing while "
            + present
            + " exists; refusing to regenerate one half of a pair (restore it, or delete both)",
        null);
  }

  /** A private key does not belong to the certificate (or public key) it is paired with. */
  public static PkiException keyMismatch(Path key, Path cert) {
    return new PkiException(
        List.of(key, cert), "private key does not match the public key in " + cert, null);
  }

  /** A leaf certificate was not signed by the cluster CA. */
  public static PkiException notSignedBy(Path leaf, Path caCert) {
    return new PkiException(
        List.of(leaf, caCert), "certificate was not signed by the CA in " + caCert, null);
  }

  /** The files this exception is about, the most relevant first. */
  public List<Path> files() {
    return files;
  }

  private static String describe(List<Path> files, String problem) {
    var names = files.isEmpty() ? "" : files.get(0).toString();
    return names + ": " + problem;
  }
}
