package io.vessel.certs;

import java.util.ArrayList;

/** The conventional identities of a Kubernetes cluster, as certificate specs. */
public final class Identities {

  /** CN of the kube-apiserver serving certificate. */
  public static final String APISERVER = "kube-apiserver";

  /** CN of the cluster administrator's client certificate. */
  public static final String ADMIN_USER = "kubernetes-admin";

  /** The group that bypasses authorization (RBAC is never consulted for it). */
  public static final String MASTERS_GROUP = "system:masters";

  /** The group of every kubelet, which the Node authorizer recognises. */
  public static final String NODES_GROUP = "system:nodes";

  /** The user-name prefix of a kubelet: {@code system:node:NAME}. */
  public static final String NODE_USER_PREFIX = "system:node:";

  private Identities() {}

  /** {@code CN=kubernetes-admin, O=system:masters}, client auth: the break-glass admin. */
  public static CertificateSpec admin() {
    return CertificateSpec.client(ADMIN_USER, MASTERS_GROUP);
  }

  /**
   * {@code CN=system:node:NAME, O=system:nodes}, client auth: a kubelet.
   *
   * @throws IllegalArgumentException if {@code nodeName} is not a valid node name
   */
  public static CertificateSpec node(String nodeName) {
    PkiLayout.requireNodeName(nodeName);
    return CertificateSpec.client(NODE_USER_PREFIX + nodeName, NODES_GROUP);
  }

  /**
   * {@code CN=kube-apiserver}, server auth, valid for every name kube-apiserver is reached by: the
   * loopback names, the host name, the in-cluster names of the {@code kubernetes} Service, its
   * cluster IP, and the extra SANs.
   */
  public static CertificateSpec serving(ServingIdentity id) {
    var sans = new ArrayList<String>();
    sans.add("localhost");
    sans.add("127.0.0.1");
    sans.add("::1");
    sans.add(id.hostName());
    sans.add("kubernetes");
    sans.add("kubernetes.default");
    sans.add("kubernetes.default.svc");
    sans.add("kubernetes.default.svc.cluster.local");
    sans.add(id.serviceIp());
    sans.addAll(id.extraSans());
    return CertificateSpec.server(APISERVER, sans);
  }
}
