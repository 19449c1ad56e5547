package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The rules most kinds share, chosen by three facts about the kind: its name grammar, whether its
 * status belongs to controllers (then create starts from an empty status, as upstream's {@code
 * PrepareForCreate} does for status-subresource kinds), and whether it tracks generation. Kinds
 * with more rules extend it and call {@code super} first.
 */
public class BasicStrategy<T extends HasMetadata> implements Strategy<T> {
  private final NameRule nameRule;
  private final boolean clearsStatus;
  private final boolean tracksGeneration;

  public BasicStrategy(NameRule nameRule, boolean clearsStatus, boolean tracksGeneration) {
    this.nameRule = nameRule;
    this.clearsStatus = clearsStatus;
    this.tracksGeneration = tracksGeneration;
  }

  /** DNS-1123 subdomain names, no status rules, no generation. */
  public static <T extends HasMetadata> BasicStrategy<T> plain() {
    return new BasicStrategy<>(NameRule.DNS1123_SUBDOMAIN, false, false);
  }

  /** DNS-1123 subdomain names, status set only through {@code /status}, no generation. */
  public static <T extends HasMetadata> BasicStrategy<T> withStatus() {
    return new BasicStrategy<>(NameRule.DNS1123_SUBDOMAIN, true, false);
  }

  /** DNS-1123 subdomain names, status set only through {@code /status}, generation tracked. */
  public static <T extends HasMetadata> BasicStrategy<T> withSpecAndStatus() {
    return new BasicStrategy<>(NameRule.DNS1123_SUBDOMAIN, true, true);
  }

  /** Names that must be valid path segments (RBAC names may hold ':' as in system:node). */
  public static <T extends HasMetadata> BasicStrategy<T> pathSegmentNames() {
    return new BasicStrategy<>(NameRule.PATH_SEGMENT, false, false);
  }

  @Override
  public NameRule nameRule() {
    return nameRule;
  }

  /**
   * The version's defaults (upstream's {@code SetDefaults_*}), applied whenever an object is
   * decoded: on create and on every update, so a PUT that leaves a default out changes nothing.
   */
  protected void applyDefaults(T obj) {}

  @Override
  public void prepareForCreate(T obj) {
    applyDefaults(obj);
    if (clearsStatus) {
      ModelFields.clearStatus(obj);
    }
  }

  @Override
  public void prepareForUpdate(T obj, T old) {
    applyDefaults(obj);
  }

  @Override
  public boolean tracksGeneration() {
    return tracksGeneration;
  }
}
