package io.vessel.cri;

import io.grpc.ClientInterceptors;
import io.grpc.StatusRuntimeException;
import io.vessel.cri.v1.AttachRequest;
import io.vessel.cri.v1.AuthConfig;
import io.vessel.cri.v1.Container;
import io.vessel.cri.v1.ContainerConfig;
import io.vessel.cri.v1.ContainerFilter;
import io.vessel.cri.v1.ContainerStats;
import io.vessel.cri.v1.ContainerStatsFilter;
import io.vessel.cri.v1.ContainerStatsRequest;
import io.vessel.cri.v1.ContainerStatus;
import io.vessel.cri.v1.ContainerStatusRequest;
import io.vessel.cri.v1.CreateContainerRequest;
import io.vessel.cri.v1.ExecRequest;
import io.vessel.cri.v1.ExecSyncRequest;
import io.vessel.cri.v1.ExecSyncResponse;
import io.vessel.cri.v1.FilesystemUsage;
import io.vessel.cri.v1.Image;
import io.vessel.cri.v1.ImageFilter;
import io.vessel.cri.v1.ImageFsInfoRequest;
import io.vessel.cri.v1.ImageServiceGrpc;
import io.vessel.cri.v1.ImageServiceGrpc.ImageServiceBlockingStub;
import io.vessel.cri.v1.ImageSpec;
import io.vessel.cri.v1.ImageStatusRequest;
import io.vessel.cri.v1.LinuxContainerResources;
import io.vessel.cri.v1.ListContainerStatsRequest;
import io.vessel.cri.v1.ListContainersRequest;
import io.vessel.cri.v1.ListImagesRequest;
import io.vessel.cri.v1.ListPodSandboxRequest;
import io.vessel.cri.v1.PodSandbox;
import io.vessel.cri.v1.PodSandboxConfig;
import io.vessel.cri.v1.PodSandboxFilter;
import io.vessel.cri.v1.PodSandboxStatus;
import io.vessel.cri.v1.PodSandboxStatusRequest;
import io.vessel.cri.v1.PortForwardRequest;
import io.vessel.cri.v1.PullImageRequest;
import io.vessel.cri.v1.RemoveContainerRequest;
import io.vessel.cri.v1.RemoveImageRequest;
import io.vessel.cri.v1.RemovePodSandboxRequest;
import io.vessel.cri.v1.ReopenContainerLogRequest;
import io.vessel.cri.v1.RunPodSandboxRequest;
import io.vessel.cri.v1.RuntimeServiceGrpc;
import io.vessel.cri.v1.RuntimeServiceGrpc.RuntimeServiceBlockingStub;
import io.vessel.cri.v1.RuntimeStatus;
import io.vessel.cri.v1.StartContainerRequest;
import io.vessel.cri.v1.StatusRequest;
import io.vessel.cri.v1.StopContainerRequest;
import io.vessel.cri.v1.StopPodSandboxRequest;
import io.vessel.cri.v1.UpdateContainerResourcesRequest;
import io.vessel.cri.v1.VersionRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Blocking CRI {@code runtime.v1} calls to one container runtime over its unix socket: one method
 * per RPC the node agent uses, named after the RPC.
 *
 * <p>Every call has a deadline ({@link CriTimeouts}) and fails with {@link CriException} carrying
 * the gRPC status code. Replies are checked where an empty field would otherwise travel on (ids,
 * URLs, statuses). Methods block the calling thread, so call them from worker threads, never from
 * an event loop. The client is thread-safe: one instance serves all of the node agent's workers.
 *
 * <p>The CRI's own idempotence rules hold: StopContainer on a stopped container, RemoveContainer,
 * RemovePodSandbox and RemoveImage on something already gone all succeed. containerd also removes a
 * running container or a ready sandbox by stopping it first.
 */
public final class CriClient implements AutoCloseable {

  /** What the kubelet sends as its own API version; runtimes answer whatever they serve. */
  private static final String CLIENT_VERSION = "0.1.0";

  private final CriEndpoint endpoint;
  private final CriTransport transport;
  private final CriTimeouts timeouts;
  private final RuntimeServiceBlockingStub runtime;
  private final ImageServiceBlockingStub images;
  private volatile RuntimeVersion runtimeVersion;

  CriClient(CriEndpoint endpoint, CriTransport transport, CriTimeouts timeouts) {
    this.endpoint = endpoint;
    this.transport = transport;
    this.timeouts = timeouts;
    var channel =
        ClientInterceptors.intercept(transport.channel(), new DeadlineInterceptor(timeouts));
    this.runtime = RuntimeServiceGrpc.newBlockingStub(channel);
    this.images = ImageServiceGrpc.newBlockingStub(channel);
  }

  /** Starts a builder with containerd's socket and the default timeouts. */
  public static CriClientBuilder builder() {
    return new CriClientBuilder();
  }

  void handshake() {
    runtimeVersion = CriResponses.requireV1(version(), endpoint);
  }

  public CriEndpoint endpoint() {
    return endpoint;
  }

  public CriTimeouts timeouts() {
    return timeouts;
  }

  /** The runtime's name and version, as it answered when this client connected. */
  public RuntimeVersion runtimeVersion() {
    return runtimeVersion;
  }

  // ---- runtime ----

  /** Asks the runtime again; {@link #runtimeVersion()} has the answer from connect time. */
  public RuntimeVersion version() {
    return CriResponses.version(
        call(
            "Version",
            () -> runtime.version(VersionRequest.newBuilder().setVersion(CLIENT_VERSION).build())));
  }

  /** The RuntimeReady and NetworkReady conditions (and any others the runtime reports). */
  public RuntimeStatus status() {
    var response = call("Status", () -> runtime.status(StatusRequest.getDefaultInstance()));
    CriResponses.requirePresent("Status", response.hasStatus(), "status");
    return response.getStatus();
  }

  // ---- pod sandboxes ----

  /**
   * Creates and starts a sandbox: its namespaces, pause process and network.
   *
   * @param runtimeHandler the RuntimeClass handler; empty for the runtime's default
   * @return the new sandbox's id
   */
  public String runPodSandbox(PodSandboxConfig config, String runtimeHandler) {
    var request =
        RunPodSandboxRequest.newBuilder()
            .setConfig(config)
            .setRuntimeHandler(runtimeHandler)
            .build();
    var response = call("RunPodSandbox", () -> runtime.runPodSandbox(request));
    return CriResponses.requireNonEmpty(
        "RunPodSandbox", response.getPodSandboxId(), "pod_sandbox_id");
  }

  /** Stops every container in the sandbox, then the sandbox, and tears its network down. */
  public void stopPodSandbox(String podSandboxId) {
    var request = StopPodSandboxRequest.newBuilder().setPodSandboxId(podSandboxId).build();
    call("StopPodSandbox", () -> runtime.stopPodSandbox(request));
  }

  /** Removes the sandbox and its containers; succeeds if it is already gone. */
  public void removePodSandbox(String podSandboxId) {
    var request = RemovePodSandboxRequest.newBuilder().setPodSandboxId(podSandboxId).build();
    call("RemovePodSandbox", () -> runtime.removePodSandbox(request));
  }

  /**
   * @throws CriException NOT_FOUND for an unknown id
   */
  public PodSandboxStatus podSandboxStatus(String podSandboxId) {
    var request = PodSandboxStatusRequest.newBuilder().setPodSandboxId(podSandboxId).build();
    var response = call("PodSandboxStatus", () -> runtime.podSandboxStatus(request));
    CriResponses.requirePresent("PodSandboxStatus", response.hasStatus(), "status");
    return response.getStatus();
  }

  public List<PodSandbox> listPodSandbox(PodSandboxFilter filter) {
    var request = ListPodSandboxRequest.newBuilder().setFilter(filter).build();
    return call("ListPodSandbox", () -> runtime.listPodSandbox(request)).getItemsList();
  }

  public List<PodSandbox> listPodSandbox() {
    return listPodSandbox(PodSandboxFilter.getDefaultInstance());
  }

  // ---- containers ----

  /**
   * Creates a container in a sandbox without starting it.
   *
   * @param sandboxConfig the config the sandbox was run with
   * @return the new container's id
   */
  public String createContainer(
      String podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig) {
    var request =
        CreateContainerRequest.newBuilder()
            .setPodSandboxId(podSandboxId)
            .setConfig(config)
            .setSandboxConfig(sandboxConfig)
            .build();
    var response = call("CreateContainer", () -> runtime.createContainer(request));
    return CriResponses.requireNonEmpty(
        "CreateContainer", response.getContainerId(), "container_id");
  }

  public void startContainer(String containerId) {
    var request = StartContainerRequest.newBuilder().setContainerId(containerId).build();
    call("StartContainer", () -> runtime.startContainer(request));
  }

  /**
   * Sends the stop signal, and kills the container once the grace period is over. The call's
   * deadline is the grace period plus {@link CriTimeouts#call()}.
   */
  public void stopContainer(String containerId, long gracePeriodSeconds) {
    if (gracePeriodSeconds < 0) {
      throw new IllegalArgumentException("grace period must be >= 0, got " + gracePeriodSeconds);
    }
    var request =
        StopContainerRequest.newBuilder()
            .setContainerId(containerId)
            .setTimeout(gracePeriodSeconds)
            .build();
    var deadline = timeouts.call().plusSeconds(gracePeriodSeconds);
    call("StopContainer", () -> runtime(deadline).stopContainer(request));
  }

  /** Removes the container, stopping it first if it runs; succeeds if it is already gone. */
  public void removeContainer(String containerId) {
    var request = RemoveContainerRequest.newBuilder().setContainerId(containerId).build();
    call("RemoveContainer", () -> runtime.removeContainer(request));
  }

  public List<Container> listContainers(ContainerFilter filter) {
    var request = ListContainersRequest.newBuilder().setFilter(filter).build();
    return call("ListContainers", () -> runtime.listContainers(request)).getContainersList();
  }

  public List<Container> listContainers() {
    return listContainers(ContainerFilter.getDefaultInstance());
  }

  /**
   * @throws CriException NOT_FOUND for an unknown id
   */
  public ContainerStatus containerStatus(String containerId) {
    var request = ContainerStatusRequest.newBuilder().setContainerId(containerId).build();
    var response = call("ContainerStatus", () -> runtime.containerStatus(request));
    CriResponses.requirePresent("ContainerStatus", response.hasStatus(), "status");
    return response.getStatus();
  }

  public void updateContainerResources(String containerId, LinuxContainerResources resources) {
    var request =
        UpdateContainerResourcesRequest.newBuilder()
            .setContainerId(containerId)
            .setLinux(resources)
            .build();
    call("UpdateContainerResources", () -> runtime.updateContainerResources(request));
  }

  /** Makes the runtime reopen the container's log file, after the agent rotated it. */
  public void reopenContainerLog(String containerId) {
    var request = ReopenContainerLogRequest.newBuilder().setContainerId(containerId).build();
    call("ReopenContainerLog", () -> runtime.reopenContainerLog(request));
  }

  // ---- exec, attach, port-forward ----

  /**
   * Runs a command in a running container and returns its exit code and output (probes use this). A
   * non-zero exit code is a result, not an exception.
   *
   * @param timeout how long the runtime lets the command run, in whole seconds (rounded up); zero
   *     for no runtime limit, in which case the call's own deadline still bounds it
   * @throws CriException DEADLINE_EXCEEDED when the command outran {@code timeout}
   */
  public ExecSyncResponse execSync(String containerId, List<String> cmd, Duration timeout) {
    long seconds = (timeout.toMillis() + 999) / 1000;
    var request =
        ExecSyncRequest.newBuilder()
            .setContainerId(containerId)
            .addAllCmd(cmd)
            .setTimeout(seconds)
            .build();
    var deadline = timeouts.call().plusSeconds(seconds);
    return call("ExecSync", () -> runtime(deadline).execSync(request));
  }

  /** The runtime's single-use streaming URL for an interactive exec (SPDY or WebSocket). */
  public String exec(ExecRequest request) {
    return CriResponses.requireNonEmpty(
        "Exec", call("Exec", () -> runtime.exec(request)).getUrl(), "url");
  }

  /** The runtime's single-use streaming URL for attaching to the container's stdio. */
  public String attach(AttachRequest request) {
    return CriResponses.requireNonEmpty(
        "Attach", call("Attach", () -> runtime.attach(request)).getUrl(), "url");
  }

  /** The runtime's single-use streaming URL for forwarding to the sandbox's ports. */
  public String portForward(String podSandboxId, List<Integer> ports) {
    var request =
        PortForwardRequest.newBuilder().setPodSandboxId(podSandboxId).addAllPort(ports).build();
    var response = call("PortForward", () -> runtime.portForward(request));
    return CriResponses.requireNonEmpty("PortForward", response.getUrl(), "url");
  }

  // ---- stats ----

  public ContainerStats containerStats(String containerId) {
    var request = ContainerStatsRequest.newBuilder().setContainerId(containerId).build();
    var response = call("ContainerStats", () -> runtime.containerStats(request));
    CriResponses.requirePresent("ContainerStats", response.hasStats(), "stats");
    return response.getStats();
  }

  public List<ContainerStats> listContainerStats(ContainerStatsFilter filter) {
    var request = ListContainerStatsRequest.newBuilder().setFilter(filter).build();
    return call("ListContainerStats", () -> runtime.listContainerStats(request)).getStatsList();
  }

  // ---- images ----

  public List<Image> listImages(ImageFilter filter) {
    var request = ListImagesRequest.newBuilder().setFilter(filter).build();
    return call("ListImages", () -> images.listImages(request)).getImagesList();
  }

  public List<Image> listImages() {
    return listImages(ImageFilter.getDefaultInstance());
  }

  /**
   * The image if the runtime has it. This is how to honour {@code imagePullPolicy: IfNotPresent}:
   * PullImage always asks the registry, even for an image that is present.
   */
  public Optional<Image> imageStatus(ImageSpec image) {
    var request = ImageStatusRequest.newBuilder().setImage(image).build();
    var response = call("ImageStatus", () -> images.imageStatus(request));
    return response.hasImage() ? Optional.of(response.getImage()) : Optional.empty();
  }

  public Optional<Image> imageStatus(String image) {
    return imageStatus(spec(image));
  }

  /**
   * Pulls an image from its registry.
   *
   * @param auth registry credentials, or null for none
   * @param sandboxConfig the sandbox the image is for, or null; runtimes may use it to pick a
   *     platform or runtime handler
   * @return the runtime's reference to the pulled image (containerd: the image id)
   */
  public String pullImage(ImageSpec image, AuthConfig auth, PodSandboxConfig sandboxConfig) {
    var request = PullImageRequest.newBuilder().setImage(image);
    if (auth != null) {
      request.setAuth(auth);
    }
    if (sandboxConfig != null) {
      request.setSandboxConfig(sandboxConfig);
    }
    var response = call("PullImage", () -> images.pullImage(request.build()));
    return CriResponses.requireNonEmpty("PullImage", response.getImageRef(), "image_ref");
  }

  public String pullImage(String image) {
    return pullImage(spec(image), null, null);
  }

  /** Removes the image; succeeds if it is already gone. */
  public void removeImage(ImageSpec image) {
    var request = RemoveImageRequest.newBuilder().setImage(image).build();
    call("RemoveImage", () -> images.removeImage(request));
  }

  /** Usage of the filesystems the runtime keeps images on, for image garbage collection. */
  public List<FilesystemUsage> imageFsInfo() {
    return call("ImageFsInfo", () -> images.imageFsInfo(ImageFsInfoRequest.getDefaultInstance()))
        .getImageFilesystemsList();
  }

  /** Cancels calls in flight and releases the connection. */
  @Override
  public void close() {
    transport.close();
  }

  private static ImageSpec spec(String image) {
    return ImageSpec.newBuilder().setImage(Objects.requireNonNull(image, "image")).build();
  }

  private RuntimeServiceBlockingStub runtime(Duration deadline) {
    return runtime.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
  }

  private static <T> T call(String rpc, Supplier<T> body) {
    try {
      return body.get();
    } catch (StatusRuntimeException e) {
      throw CriException.fromStatus(rpc, e);
    }
  }
}
