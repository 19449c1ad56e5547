package io.vessel.cri.fake;

/**
 * containerd's normalisation of image names, so that a Pod's {@code busybox} and the runtime's
 * {@code docker.io/library/busybox:latest} are the same image in the fake too.
 */
final class ImageReference {

  private static final String DEFAULT_DOMAIN = "docker.io";

  private ImageReference() {}

  /**
   * {@code busybox} → {@code docker.io/library/busybox:latest}; {@code me/app:1} → {@code
   * docker.io/me/app:1}; a name with a registry host or a digest keeps them.
   */
  static String normalize(String reference) {
    if (reference.isEmpty()) {
      throw new IllegalArgumentException("empty image reference");
    }
    String name = reference;
    String digest = "";
    int at = reference.indexOf('@');
    if (at >= 0) {
      name = reference.substring(0, at);
      digest = reference.substring(at);
    }
    int slash = name.indexOf('/');
    String first = slash < 0 ? "" : name.substring(0, slash);
    boolean hasDomain =
        slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"));
    if (!hasDomain) {
      name = DEFAULT_DOMAIN + "/" + (slash < 0 ? "library/" : "") + name;
    }
    boolean tagged = name.lastIndexOf(':') > name.lastIndexOf('/');
    if (!tagged && digest.isEmpty()) {
      name = name + ":latest";
    }
    return name + digest;
  }

  /** The repository part: the normalised name without tag or digest. */
  static String repository(String normalized) {
    int at = normalized.indexOf('@');
    String name = at < 0 ? normalized : normalized.substring(0, at);
    int colon = name.lastIndexOf(':');
    return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
  }

  static boolean isDigest(String normalized) {
    return normalized.contains("@");
  }
}
