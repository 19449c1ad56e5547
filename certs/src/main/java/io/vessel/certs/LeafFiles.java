package io.vessel.certs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Loads, checks, issues and renews one leaf certificate pair on disk. */
final class LeafFiles {

  private LeafFiles() {}

  /**
   * The existing pair, checked: both files parse, the key matches, and the CA signed it. Empty if
   * neither file exists.
   *
   * @throws PkiException naming the file at fault, including a missing half
   */
  static Optional<IssuedCertificate> load(
      PkiLayout.Pair pair, CertificateAuthority ca, PkiLayout.Pair caPair) {
    if (!PkiFiles.bothPresent(pair)) {
      return Optional.empty();
    }
    var issued = IssuedCertificate.read(pair.cert(), pair.key());
    if (!ca.hasSigned(issued.certificate())) {
      throw PkiException.notSignedBy(pair.cert(), caPair.cert());
    }
    return Optional.of(issued);
  }

  /**
   * The leaf that satisfies {@code spec}: {@code existing} if it still does, otherwise a renewal of
   * it (same key, new certificate), or a new pair if there was none. Anything written is recorded
   * in {@code changes}.
   */
  static IssuedCertificate ensure(
      PkiLayout.Pair pair,
      CertificateAuthority ca,
      CertificateSpec spec,
      Optional<IssuedCertificate> existing,
      List<String> changes) {
    if (existing.isEmpty()) {
      var issued = ca.issue(spec);
      // Key first: a crash in between leaves a key without its certificate, which the next start
      // reports by name, rather than a certificate whose key was never written.
      Pem.write(pair.key(), issued.privateKey());
      Pem.write(pair.cert(), issued.certificate());
      changes.add("created " + pair.cert() + " and " + pair.key());
      return issued;
    }
    var current = existing.get();
    var reason = LeafRenewal.reason(current.certificate(), spec, Instant.now());
    if (reason.isEmpty()) {
      return current;
    }
    // Keeping the key means only one file changes, atomically: the pair can never end up
    // mismatched, and whoever pinned or distributed the key is unaffected.
    var renewed =
        new IssuedCertificate(
            ca.sign(spec, current.certificate().getPublicKey()), current.privateKey());
    Pem.write(pair.cert(), renewed.certificate());
    changes.add("reissued " + pair.cert() + ": it " + reason.get());
    return renewed;
  }
}
