package io.vessel.cri.fake;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.vessel.cri.CriEndpoint;
import io.vessel.cri.v1.Image;
import io.vessel.cri.v1.VersionResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A CRI runtime for tests: RuntimeService and ImageService served over real gRPC on a temporary
 * unix socket, with sandboxes, containers and images kept in memory. Clients reach it exactly as
 * they reach containerd, by {@link #endpoint()}.
 *
 * <p>It behaves like containerd 1.6 where a node agent can tell (states, idempotent removes, error
 * codes and messages; see {@link FakePods} and {@link FakeImageService}), and offers hooks for what
 * a real runtime does on its own: a container exits ({@link #exitContainer}), a pull or any other
 * call fails ({@link #failNext}), a call hangs ({@link #hang}). Exec, attach and port-forward URLs
 * point at no server. Nothing runs: there are no processes, files or networks.
 *
 * <pre>{@code
 * try (var runtime = FakeRuntime.start();
 *     var cri = CriClient.builder().endpoint(runtime.endpoint()).connect()) {
 *   runtime.addImage("busybox");
 *   ...
 * }
 * }</pre>
 */
public final class FakeRuntime implements AutoCloseable {

  private final Path directory;
  private final CriEndpoint endpoint;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Server server;
  private final FakeCallHooks hooks;
  private final FakeImageService images;
  private final FakePods pods;
  private final FakeRuntimeService runtime;

  private FakeRuntime(Path directory) throws IOException {
    this.directory = directory;
    this.endpoint = new CriEndpoint(directory.resolve("cri.sock"));
    this.hooks = new FakeCallHooks();
    this.images = new FakeImageService();
    this.pods = new FakePods(images);
    this.runtime = new FakeRuntimeService(pods);
    var threads = new DefaultThreadFactory("fake-cri", true);
    this.boss = new MultiThreadIoEventLoopGroup(1, threads, EpollIoHandler.newFactory());
    this.workers = new MultiThreadIoEventLoopGroup(1, threads, EpollIoHandler.newFactory());
    this.server =
        NettyServerBuilder.forAddress(new DomainSocketAddress(endpoint.socket().toString()))
            .channelType(EpollServerDomainSocketChannel.class)
            .bossEventLoopGroup(boss)
            .workerEventLoopGroup(workers)
            // grpc sets SO_KEEPALIVE on every accepted connection; a unix socket has no such option
            // and Netty would warn each time
            .withChildOption(ChannelOption.SO_KEEPALIVE, null)
            .addService(ServerInterceptors.intercept(runtime, hooks))
            .addService(ServerInterceptors.intercept(images, hooks))
            .build();
    try {
      server.start();
    } catch (IOException | RuntimeException e) {
      shutdownEventLoops();
      throw e;
    }
  }

  /** Starts a fake on a socket in a new temporary directory. */
  public static FakeRuntime start() {
    try {
      // /tmp, not a test's @TempDir: a unix socket path must fit in 107 bytes.
      return new FakeRuntime(Files.createTempDirectory("vessel-cri"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake CRI runtime", e);
    }
  }

  public CriEndpoint endpoint() {
    return endpoint;
  }

  // ---- state a real runtime would already have ----

  /** Makes an image present, as {@code ctr images import} would; returns it as ImageStatus will. */
  public Image addImage(String reference) {
    return images.add(reference);
  }

  /** What Version answers; e.g. another {@code runtime_api_version} to test the handshake. */
  public void setVersion(VersionResponse version) {
    runtime.setVersion(version);
  }

  /** Sets a condition in Status (RuntimeReady and NetworkReady start true). */
  public void setCondition(String type, boolean status, String reason, String message) {
    runtime.setCondition(type, status, reason, message);
  }

  /**
   * Replaces what ExecSync runs in a running container; {@link ExecSyncHandler#builtins()} first.
   */
  public void onExecSync(ExecSyncHandler handler) {
    runtime.setExecSync(handler);
  }

  // ---- events a real runtime would produce on its own ----

  /**
   * The running container's process exits with {@code exitCode}: EXITED, with reason Completed for
   * 0 and Error otherwise, as containerd reports it.
   *
   * @throws IllegalStateException if the container is unknown or not running
   */
  public void exitContainer(String containerId, int exitCode) {
    pods.exitContainer(containerId, exitCode);
  }

  /**
   * The next StartContainer fails as a bad command does in runc: the call fails with UNKNOWN and
   * the container is left EXITED, exit code 128, reason StartError, with {@code message}.
   */
  public void failNextStart(String message) {
    pods.failNextStart(message);
  }

  // ---- call hooks, by the RPC's bare name ("PullImage") ----

  /** The next call of {@code rpc} fails with {@code status} and changes nothing. */
  public void failNext(String rpc, Status status) {
    hooks.failNext(rpc, status);
  }

  /** The next PullImage fails as containerd's does when the registry is unreachable. */
  public void failNextPull() {
    failNext(
        "PullImage",
        Status.UNKNOWN.withDescription(
            "failed to pull and unpack image: failed to resolve reference: failed to do request:"
                + " dial tcp: lookup registry-1.docker.io: no such host"));
  }

  /** Calls of {@code rpc} get no answer until {@link #release}: the client's deadline decides. */
  public void hang(String rpc) {
    hooks.hang(rpc);
  }

  /** Calls of {@code rpc} are answered again (calls already hung stay hung). */
  public void release(String rpc) {
    hooks.release(rpc);
  }

  /** How many calls of {@code rpc} arrived, including failed and hung ones. */
  public int calls(String rpc) {
    return hooks.calls(rpc);
  }

  /** Stops serving (calls in flight are cancelled) and deletes the socket. */
  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      shutdownEventLoops();
      try {
        Files.deleteIfExists(endpoint.socket());
        Files.deleteIfExists(directory);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void shutdownEventLoops() {
    boss.shutdownGracefully(0, 5, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 5, TimeUnit.SECONDS);
  }
}
