package io.vessel.certs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The CA and service-account pairs on disk, and the rules every pair follows. */
final class PkiFiles {

  private PkiFiles() {}

  /**
   * Whether both files of a pair exist; false if neither does.
   *
   * @throws PkiException naming the missing file if only one exists
   */
  static boolean bothPresent(PkiLayout.Pair pair) {
    boolean cert = Files.exists(pair.cert());
    boolean key = Files.exists(pair.key());
    if (cert != key) {
      throw cert
          ? PkiException.missingHalf(pair.key(), pair.cert())
          : PkiException.missingHalf(pair.cert(), pair.key());
    }
    return cert;
  }

  static Optional<CertificateAuthority> loadCa(PkiLayout.Pair pair) {
    if (!bothPresent(pair)) {
      return Optional.empty();
    }
    return Optional.of(CertificateAuthority.read(pair.cert(), pair.key()));
  }

  static CertificateAuthority createCa(PkiLayout.Pair pair, List<String> changes) {
    var ca = CertificateAuthority.create();
    Pem.write(pair.key(), ca.privateKey());
    Pem.write(pair.cert(), ca.certificate());
    changes.add("created " + pair.cert() + " and " + pair.key());
    return ca;
  }

  /**
   * Refuses to go on without a CA while leaf certificates exist: a new CA would not have signed
   * them, so creating one would only turn a missing file into a confusing signature error.
   */
  static void requireNoLeaves(PkiLayout layout) {
    var leaves = new ArrayList<Path>();
    for (var pair : List.of(layout.apiserver(), layout.admin())) {
      leaves.add(pair.cert());
      leaves.add(pair.key());
    }
    leaves.addAll(nodeFiles(layout.nodesDir()));
    for (var leaf : leaves) {
      if (Files.exists(leaf)) {
        throw new PkiException(
            List.of(layout.ca().cert(), leaf),
            "CA is missing while "
                + leaf
                + " exists, and a new CA would not have signed it; restore the CA, or delete"
                + " the leaf certificates too",
            null);
      }
    }
  }

  /**
   * The service-account key pair, checked: both parse, they match, and it is RSA (tokens are signed
   * RS256). Empty if neither file exists.
   */
  static Optional<KeyPair> loadServiceAccount(PkiLayout.Pair pair) {
    if (!bothPresent(pair)) {
      return Optional.empty();
    }
    var publicKey = Pem.readPublicKey(pair.cert());
    var privateKey = Pem.readPrivateKey(pair.key());
    if (!privateKey.getAlgorithm().equals("RSA")) {
      throw new PkiException(pair.key(), "service-account key must be RSA (tokens are RS256)");
    }
    if (!KeyPairs.matches(publicKey, privateKey)) {
      throw PkiException.keyMismatch(pair.key(), pair.cert());
    }
    return Optional.of(new KeyPair(publicKey, privateKey));
  }

  static KeyPair createServiceAccount(PkiLayout.Pair pair, List<String> changes) {
    var keys = KeyPairs.rsa2048();
    Pem.write(pair.key(), keys.getPrivate());
    Pem.write(pair.cert(), keys.getPublic());
    changes.add("created " + pair.key() + " and " + pair.cert());
    return keys;
  }

  private static List<Path> nodeFiles(Path nodesDir) {
    if (!Files.isDirectory(nodesDir)) {
      return List.of();
    }
    try (var files = Files.list(nodesDir)) {
      return files
          .filter(f -> f.toString().endsWith(".crt") || f.toString().endsWith(".key"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new PkiException(nodesDir, "cannot list: " + e, e);
    }
  }
}
