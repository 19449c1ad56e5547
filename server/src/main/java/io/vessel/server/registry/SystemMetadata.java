package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The metadata the server owns: uid, timestamps, generated names, carried over on updates. */
public final class SystemMetadata {
  /** The alphabet and length apiserver uses for generated name suffixes (no vowels, no 0/1/3). */
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private static final int SUFFIX = 5;
  private static final int MAX_PREFIX = 63 - SUFFIX;
  private static final SecureRandom RANDOM = new SecureRandom();

  private SystemMetadata() {}

  public static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Fills what create owns: uid, creationTimestamp, generation; clears what clients may not set. */
  public static void fillOnCreate(HasMetadata obj, boolean tracksGeneration) {
    ObjectMeta m = obj.getMetadata();
    m.setUid(UUID.randomUUID().toString());
    m.setCreationTimestamp(now());
    m.setResourceVersion(null);
    m.setDeletionTimestamp(null);
    m.setDeletionGracePeriodSeconds(null);
    m.setSelfLink(null);
    m.setGeneration(tracksGeneration ? 1L : null);
  }

  /** Carries the server-owned fields of {@code old} over to {@code obj} on update. */
  public static void carryOver(HasMetadata obj, HasMetadata old) {
    ObjectMeta m = obj.getMetadata();
    ObjectMeta o = old.getMetadata();
    m.setUid(o.getUid());
    m.setCreationTimestamp(o.getCreationTimestamp());
    m.setDeletionTimestamp(o.getDeletionTimestamp());
    m.setDeletionGracePeriodSeconds(o.getDeletionGracePeriodSeconds());
    m.setGeneration(o.getGeneration());
    m.setSelfLink(null);
    if (m.getGenerateName() == null) {
      m.setGenerateName(o.getGenerateName());
    }
  }

  /** A fresh name from {@code prefix}, as apiserver generates it. */
  public static String generateName(String prefix) {
    String base = prefix.length() > MAX_PREFIX ? prefix.substring(0, MAX_PREFIX) : prefix;
    StringBuilder sb = new StringBuilder(base);
    for (int i = 0; i < SUFFIX; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
