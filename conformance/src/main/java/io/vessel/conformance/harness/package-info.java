/**
 * The black-box harness: suites reach a cluster only through stock kubectl (a process) and HTTP
 * (java.net.http), never through server classes.
 *
 * <p>A suite class takes a {@link io.vessel.conformance.harness.Cluster} from {@link
 * io.vessel.conformance.harness.SharedCluster}, registers {@link
 * io.vessel.conformance.harness.TestNamespaces} for per-test namespaces, and runs kubectl tests
 * once per installed client with {@link io.vessel.conformance.harness.ForEachKubectl}:
 *
 * <pre>{@code
 * @ExtendWith(SharedCluster.class)
 * class NamespaceLifecycleIT {
 *   NamespaceLifecycleIT(Cluster cluster) { ... }
 *
 *   @ForEachKubectl
 *   @DisplayName("create ns, new name, prints namespace/NAME created")
 *   void createPrintsCreated(KubectlBinary binary) {
 *     var kubectl = cluster.kubectl(binary);
 *     var result = kubectl.succeed("create", "ns", namespaces.newName("demo"));
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Runners: without system properties the suite starts a fresh Vessel with the launcher ({@code
 * -Dvessel.home}, set by the pom); with {@code -Dvessel.kubeconfig=PATH} it runs against that
 * existing cluster instead, which is how a test is checked against a real kube-apiserver. {@code
 * -Dvessel.keepState=true} keeps a local cluster's state directory for inspection.
 */
package io.vessel.conformance.harness;
