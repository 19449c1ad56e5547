package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.vertx.core.Vertx;
import io.vessel.cri.CriClient;
import io.vessel.certs.CertificateAuthority;
import io.vessel.certs.CertificateSpec;
import io.vessel.certs.IssuedCertificate;
import io.vessel.certs.TlsContexts;
import io.vessel.kit.client.Blocking;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link KubeletServer} on an ephemeral port over real HTTPS, with pods from a map, log files in
 * a temp dir and a container state the test flips: no runtime, no API server. Clients verify the
 * server's certificate (its SANs hold 127.0.0.1) and present certificates from a test cluster CA.
 */
abstract class KubeletServerTestBase {
  static final CertificateAuthority CLUSTER_CA = CertificateAuthority.create();
  static final IssuedCertificate ADMIN =
      CLUSTER_CA.issue(CertificateSpec.client("kubernetes-admin", "system:masters"));

  @TempDir Path root;
  Vertx vertx;
  AgentConfig config;
  KubeletServer server;
  final Map<String, Pod> pods = new ConcurrentHashMap<>();
  /** What the fake runtime answers for every container: still running? */
  final AtomicBoolean running = new AtomicBoolean(true);
  final AtomicInteger stateChecks = new AtomicInteger();

  @BeforeEach
  void startServer() {
    vertx = Vertx.vertx();
    config = new AgentConfig("node-a", root, "unix:///unused", CLUSTER_CA.certificatePem());
    ContainerStates states =
        (uid, container, attempt) -> {
          stateChecks.incrementAndGet();
          return running.get();
        };
    server =
        Blocking.await(
            KubeletServer.start(
                vertx, config, "node-a.example", "127.0.0.1",
                (ns, name) -> Optional.ofNullable(pods.get(ns + "/" + name)), states,
                runtime()));
  }

  /** The runtime for exec, attach and port-forward; none (those paths 404) unless overridden. */
  CriClient runtime() {
    return null;
  }

  @AfterEach
  void stopServer() {
    Blocking.await(server.close());
    Blocking.await(vertx.close());
  }

  /** A pod of this node with the named containers, known to the server. */
  Pod pod(String name, String... containers) {
    var pod =
        TestPods.pod(
            name,
            Arrays.stream(containers).map(TestPods::container).toArray(Container[]::new));
    pods.put("default/" + name, pod);
    return pod;
  }

  /** Appends CRI lines ({@code <time> <stream> <tag> <content>}) to an attempt's log file. */
  Path appendLog(Pod pod, String container, int attempt, String... criLines) throws IOException {
    var meta = pod.getMetadata();
    Path file =
        config.podLogDir(meta.getNamespace(), meta.getName(), meta.getUid())
            .resolve(container)
            .resolve(attempt + ".log");
    Files.createDirectories(file.getParent());
    var text = new StringBuilder();
    for (String line : criLines) {
      text.append(line).append('\n');
    }
    Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return file;
  }

  HttpClient client(IssuedCertificate who) {
    var tls =
        who == null
            ? TlsContexts.client(server.servingCaPem(), null, null)
            : TlsContexts.client(server.servingCaPem(), who.certificatePem(), who.privateKeyPem());
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(tls)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  URI uri(String pathAndQuery) {
    return URI.create("https://127.0.0.1:" + server.port() + pathAndQuery);
  }

  HttpResponse<String> get(IssuedCertificate who, String pathAndQuery)
      throws IOException, InterruptedException {
    return client(who)
        .send(
            HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
