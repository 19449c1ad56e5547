package io.vessel.certs;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cluster PKI in a directory laid out as {@link PkiLayout} describes: the CA, the
 * kube-apiserver serving certificate, the admin client certificate, the service-account key pair,
 * and kubelet client certificates issued on demand.
 *
 * <p>Loading never repairs damage silently. A file that does not parse, a key that does not match
 * its certificate, a leaf the CA did not sign, or one half of a pair without the other stops
 * loading with a {@link PkiException} naming the file, and nothing in the directory is written.
 * What is merely missing or out of date is created or reissued: see {@link #loadOrCreate}.
 *
 * <p>Instances are safe to share between threads; {@link #issueNode} serialises on the instance.
 */
public final class ClusterPki {

  private final PkiLayout layout;
  private final CertificateAuthority ca;
  private final IssuedCertificate serving;
  private final IssuedCertificate admin;
  private final KeyPair serviceAccountKeys;
  private final List<String> changes;

  private ClusterPki(
      PkiLayout layout,
      CertificateAuthority ca,
      IssuedCertificate serving,
      IssuedCertificate admin,
      KeyPair serviceAccountKeys,
      List<String> changes) {
    this.layout = layout;
    this.ca = ca;
    this.serving = serving;
    this.admin = admin;
    this.serviceAccountKeys = serviceAccountKeys;
    this.changes = List.copyOf(changes);
  }

  /**
   * Loads the PKI from {@code dir}, creating what is missing.
   *
   * <ul>
   *   <li>{@code dir} is created with mode {@code 0700} if absent.
   *   <li>A missing CA pair is created (EC P-256, ten years), but only if no leaf certificate
   *       exists: those would have been signed by the lost CA.
   *   <li>A missing leaf pair is issued; a missing {@code sa.key}/{@code sa.pub} pair generated.
   *   <li>A leaf that expires within 30 days, or whose names or usages no longer match what is
   *       asked (say a new SAN in {@code serving}), is reissued for its existing key.
   * </ul>
   *
   * Every file is checked before any is written, so a failure leaves the directory as it was.
   *
   * @throws PkiException naming the offending file
   */
  public static ClusterPki loadOrCreate(Path dir, ServingIdentity serving) {
    var layout = new PkiLayout(dir);
    AtomicFiles.createPrivateDirectories(dir);

    var existingCa = PkiFiles.loadCa(layout.ca());
    if (existingCa.isEmpty()) {
      PkiFiles.requireNoLeaves(layout);
    }
    var existingServing =
        existingCa.flatMap(c -> LeafFiles.load(layout.apiserver(), c, layout.ca()));
    var existingAdmin = existingCa.flatMap(c -> LeafFiles.load(layout.admin(), c, layout.ca()));
    var existingSa = PkiFiles.loadServiceAccount(layout.serviceAccount());

    var changes = new ArrayList<String>();
    var ca = existingCa.orElseGet(() -> PkiFiles.createCa(layout.ca(), changes));
    var servingCert =
        LeafFiles.ensure(
            layout.apiserver(), ca, Identities.serving(serving), existingServing, changes);
    var adminCert =
        LeafFiles.ensure(layout.admin(), ca, Identities.admin(), existingAdmin, changes);
    var saKeys =
        existingSa.orElseGet(() -> PkiFiles.createServiceAccount(layout.serviceAccount(), changes));
    return new ClusterPki(layout, ca, servingCert, adminCert, saKeys, changes);
  }

  /**
   * Loads an existing PKI without creating or reissuing anything (tools that must not change a
   * running cluster's files). Node certificates can still be issued with {@link #issueNode}.
   *
   * @throws PkiException naming the offending or missing file
   */
  public static ClusterPki load(Path dir) {
    var layout = new PkiLayout(dir);
    var ca =
        PkiFiles.loadCa(layout.ca())
            .orElseThrow(() -> missing(layout.ca().cert(), "no CA; create the PKI first"));
    var servingCert =
        require(LeafFiles.load(layout.apiserver(), ca, layout.ca()), layout.apiserver());
    var adminCert = require(LeafFiles.load(layout.admin(), ca, layout.ca()), layout.admin());
    var saKeys =
        require(PkiFiles.loadServiceAccount(layout.serviceAccount()), layout.serviceAccount());
    return new ClusterPki(layout, ca, servingCert, adminCert, saKeys, List.of());
  }

  /** Where the files are. */
  public PkiLayout layout() {
    return layout;
  }

  public CertificateAuthority ca() {
    return ca;
  }

  /** The kube-apiserver serving certificate ({@code apiserver.crt}/{@code apiserver.key}). */
  public IssuedCertificate serving() {
    return serving;
  }

  /** {@code CN=kubernetes-admin, O=system:masters}: cluster-admin, bypassing RBAC. */
  public IssuedCertificate admin() {
    return admin;
  }

  /** RSA-2048 key pair for signing ({@code RS256}) and verifying service-account tokens. */
  public KeyPair serviceAccountKeys() {
    return serviceAccountKeys;
  }

  /**
   * What loading wrote, one line per created or reissued pair (for the caller to log); empty when
   * the directory was already complete and current.
   */
  public List<String> changes() {
    return changes;
  }

  /**
   * The kubelet client certificate of node {@code nodeName}: {@code CN=system:node:NAME,
   * O=system:nodes}, client auth, in {@code nodes/NAME.crt}/{@code .key}. Loaded if present and
   * current, reissued if near expiry, issued if absent.
   *
   * @throws IllegalArgumentException if {@code nodeName} is not a valid node name
   * @throws PkiException naming the offending file, as for {@link #loadOrCreate}
   */
  public synchronized IssuedCertificate issueNode(String nodeName) {
    var pair = layout.node(nodeName);
    AtomicFiles.createPrivateDirectories(layout.nodesDir());
    var existing = LeafFiles.load(pair, ca, layout.ca());
    return LeafFiles.ensure(pair, ca, Identities.node(nodeName), existing, new ArrayList<>());
  }

  private static <T> T require(Optional<T> loaded, PkiLayout.Pair pair) {
    return loaded.orElseThrow(() -> missing(pair.cert(), "missing, as is " + pair.key()));
  }

  private static PkiException missing(Path file, String problem) {
    return new PkiException(file, problem);
  }
}
