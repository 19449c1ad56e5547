package io.vessel.server.scheduler;

import static io.vessel.server.scheduler.Fixtures.container;
import static io.vessel.server.scheduler.Fixtures.node;
import static io.vessel.server.scheduler.Fixtures.nodeInfo;
import static io.vessel.server.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The default filters, case by case, with kube-scheduler's reasons. */
class NodeFiltersTest {
  private static final String FITS = "";

  private static Taint taint(String key, String value, String effect) {
    Taint t = new Taint();
    t.setKey(key);
    t.setValue(value);
    t.setEffect(effect);
    return t;
  }

  private static Toleration toleration(String key, String op, String value, String effect) {
    Toleration t = new Toleration();
    t.setKey(key);
    t.setOperator(op);
    t.setValue(value);
    t.setEffect(effect);
    return t;
  }

  private static Node tainted(Taint... taints) {
    return node("n", "4", "8Gi").editSpec().withTaints(taints).endSpec().build();
  }

  private static Node ready(String status) {
    return node("n", "4", "8Gi")
        .editStatus()
        .editFirstCondition()
        .withStatus(status)
        .endCondition()
        .endStatus()
        .build();
  }

  private static Node labelled(String key, String value) {
    return node("n", "4", "8Gi").editMetadata().addToLabels(key, value).endMetadata().build();
  }

  private static PodBuilder tolerating(Toleration... t) {
    return pod("p", "100m", "100Mi").editSpec().withTolerations(t).endSpec();
  }

  private static PodBuilder requiring(NodeSelectorRequirement r, boolean field) {
    NodeSelectorTerm term = new NodeSelectorTerm();
    if (field) {
      term.setMatchFields(List.of(r));
    } else {
      term.setMatchExpressions(List.of(r));
    }
    return pod("p", "100m", "100Mi")
        .editSpec()
        .withNewAffinity()
        .withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .withNodeSelectorTerms(term)
        .endRequiredDuringSchedulingIgnoredDuringExecution()
        .endNodeAffinity()
        .endAffinity()
        .endSpec();
  }

  private static NodeSelectorRequirement req(String key, String op, String... values) {
    return new NodeSelectorRequirement(key, op, List.of(values));
  }

  private static PodBuilder withHostPort(String ip, String protocol, int port) {
    Container c = container("100m", "100Mi");
    c.setPorts(
        List.of(
            new ContainerPortBuilder()
                .withContainerPort(port)
                .withHostPort(port)
                .withHostIP(ip)
                .withProtocol(protocol)
                .build()));
    return pod("p", null, null).editSpec().withContainers(c).endSpec();
  }

  static Stream<Arguments> cases() {
    Node plain = node("n", "4", "8Gi").build();
    return Stream.of(
        arguments("fits a Ready node with room", pod("p", "1", "1Gi"), plain, List.of(), FITS),
        arguments("Ready False", pod("p", "1", "1Gi"), ready("False"), List.of(),
            "node(s) had untolerated taint {node.kubernetes.io/not-ready: }"),
        arguments("Ready Unknown", pod("p", "1", "1Gi"), ready("Unknown"), List.of(),
            "node(s) had untolerated taint {node.kubernetes.io/unreachable: }"),
        arguments("not Ready, tolerated", tolerating(toleration("node.kubernetes.io/not-ready", "Exists", null, "NoSchedule")),
            ready("False"), List.of(), FITS),
        arguments("cordoned", pod("p", "1", "1Gi"),
            node("n", "4", "8Gi").editSpec().withUnschedulable(true).endSpec().build(), List.of(),
            "node(s) were unschedulable"),
        arguments("cordoned, tolerated", tolerating(toleration("node.kubernetes.io/unschedulable", "Exists", null, "NoSchedule")),
            node("n", "4", "8Gi").editSpec().withUnschedulable(true).endSpec().build(), List.of(), FITS),
        arguments("NoSchedule taint", pod("p", "1", "1Gi"), tainted(taint("dedicated", "gpu", "NoSchedule")), List.of(),
            "node(s) had untolerated taint {dedicated: gpu}"),
        arguments("NoExecute taint", pod("p", "1", "1Gi"), tainted(taint("k", "", "NoExecute")), List.of(),
            "node(s) had untolerated taint {k: }"),
        arguments("PreferNoSchedule taint does not filter", pod("p", "1", "1Gi"), tainted(taint("k", "v", "PreferNoSchedule")),
            List.of(), FITS),
        arguments("Equal toleration", tolerating(toleration("dedicated", "Equal", "gpu", "NoSchedule")),
            tainted(taint("dedicated", "gpu", "NoSchedule")), List.of(), FITS),
        arguments("empty operator is Equal, value differs", tolerating(toleration("dedicated", null, "cpu", "NoSchedule")),
            tainted(taint("dedicated", "gpu", "NoSchedule")), List.of(), "node(s) had untolerated taint {dedicated: gpu}"),
        arguments("empty key with Exists tolerates everything", tolerating(toleration(null, "Exists", null, null)),
            tainted(taint("a", "1", "NoSchedule"), taint("b", "2", "NoExecute")), List.of(), FITS),
        arguments("toleration of another effect", tolerating(toleration("dedicated", "Exists", null, "NoExecute")),
            tainted(taint("dedicated", "gpu", "NoSchedule")), List.of(), "node(s) had untolerated taint {dedicated: gpu}"),
        arguments("first untolerated taint is the one named", tolerating(toleration("a", "Exists", null, null)),
            tainted(taint("a", "1", "NoSchedule"), taint("b", "2", "NoSchedule"), taint("c", "3", "NoSchedule")), List.of(),
            "node(s) had untolerated taint {b: 2}"),
        arguments("nodeSelector matches", pod("p", null, null).editSpec().withNodeSelector(Map.of("disk", "ssd")).endSpec(),
            labelled("disk", "ssd"), List.of(), FITS),
        arguments("nodeSelector differs", pod("p", null, null).editSpec().withNodeSelector(Map.of("disk", "ssd")).endSpec(),
            labelled("disk", "hdd"), List.of(), NodeFilters.AFFINITY),
        arguments("affinity In", requiring(req("zone", "In", "a", "b"), false), labelled("zone", "b"), List.of(), FITS),
        arguments("affinity In, other value", requiring(req("zone", "In", "a"), false), labelled("zone", "b"), List.of(), NodeFilters.AFFINITY),
        arguments("affinity NotIn, label absent", requiring(req("zone", "NotIn", "a"), false), plain, List.of(), FITS),
        arguments("affinity NotIn, listed", requiring(req("zone", "NotIn", "a"), false), labelled("zone", "a"), List.of(), NodeFilters.AFFINITY),
        arguments("affinity Exists", requiring(req("gpu", "Exists"), false), labelled("gpu", ""), List.of(), FITS),
        arguments("affinity DoesNotExist", requiring(req("gpu", "DoesNotExist"), false), labelled("gpu", "x"), List.of(), NodeFilters.AFFINITY),
        arguments("affinity Gt", requiring(req("cores", "Gt", "8"), false), labelled("cores", "16"), List.of(), FITS),
        arguments("affinity Gt, not greater", requiring(req("cores", "Gt", "16"), false), labelled("cores", "16"), List.of(), NodeFilters.AFFINITY),
        arguments("affinity Lt, not a number", requiring(req("cores", "Lt", "8"), false), labelled("cores", "many"), List.of(), NodeFilters.AFFINITY),
        arguments("affinity matchFields metadata.name In", requiring(req("metadata.name", "In", "n"), true), plain, List.of(), FITS),
        arguments("affinity matchFields metadata.name NotIn", requiring(req("metadata.name", "NotIn", "n"), true), plain, List.of(), NodeFilters.AFFINITY),
        arguments("host port taken", withHostPort("", "TCP", 8080), plain, List.of(withHostPort("", "TCP", 8080).build()), NodeFilters.PORTS),
        arguments("host port, other protocol", withHostPort("", "UDP", 8080), plain, List.of(withHostPort("", "TCP", 8080).build()), FITS),
        arguments("host port, other IPs", withHostPort("10.0.0.1", "TCP", 8080), plain,
            List.of(withHostPort("10.0.0.2", "TCP", 8080).build()), FITS),
        arguments("host port, all IPs against one", withHostPort("10.0.0.1", "TCP", 8080), plain,
            List.of(withHostPort("0.0.0.0", "TCP", 8080).build()), NodeFilters.PORTS),
        arguments("cpu left is too little", pod("p", "1", "1Gi"), plain, List.of(pod("a", "3500m", "1Gi").build()),
            "Insufficient cpu"),
        arguments("cpu and memory both short", pod("p", "1", "4Gi"), plain, List.of(pod("a", "3500m", "5Gi").build()),
            "Insufficient cpu,Insufficient memory"),
        arguments("exactly the rest fits", pod("p", "500m", "3Gi"), plain, List.of(pod("a", "3500m", "5Gi").build()), FITS),
        arguments("ephemeral storage", pod("p", null, null).editSpec().editFirstContainer().editResources()
                .addToRequests("ephemeral-storage", new Quantity("20Gi")).endResources().endContainer().endSpec(),
            plain, List.of(), "Insufficient ephemeral-storage"),
        arguments("extended resource the node lacks", pod("p", null, null).editSpec().editFirstContainer().editResources()
                .addToRequests("example.com/gpu", new Quantity("1")).endResources().endContainer().endSpec(),
            plain, List.of(), "Insufficient example.com/gpu"),
        arguments("pods count full", pod("p", null, null),
            node("n", "4", "8Gi").editStatus().addToAllocatable("pods", new Quantity("1")).endStatus().build(),
            List.of(pod("a", null, null).build()), "Too many pods"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void filter(String name, PodBuilder pod, Node node, List<Pod> placed, String expected) {
    FilterResult r =
        NodeFilters.filter(PodInfo.of(pod.build()), nodeInfo(node, placed.toArray(Pod[]::new)));

    assertThat(String.join(",", r.reasons())).isEqualTo(expected);
  }

  static Stream<Arguments> resolvability() {
    Node plain = node("n", "4", "8Gi").build();
    return Stream.of(
        arguments("short of what is left: preemption could help", pod("p", "1", null),
            List.of(pod("a", "3500m", null).build()), false),
        arguments("more than the whole node: it could not", pod("p", "5", null), List.of(), true),
        arguments("taken port: it could", withHostPort("", "TCP", 80),
            List.of(withHostPort("", "TCP", 80).build()), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resolvability")
  void unresolvable(String name, PodBuilder pod, List<Pod> placed, boolean unresolvable) {
    FilterResult r =
        NodeFilters.filter(
            PodInfo.of(pod.build()),
            nodeInfo(node("n", "4", "8Gi").build(), placed.toArray(Pod[]::new)));

    assertThat(r.fits()).isFalse();
    assertThat(r.unresolvable()).isEqualTo(unresolvable);
  }
}
