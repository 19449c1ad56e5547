package io.vessel.cri.fake;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.vessel.cri.v1.AttachRequest;
import io.vessel.cri.v1.AttachResponse;
import io.vessel.cri.v1.ContainerState;
import io.vessel.cri.v1.ContainerStatsRequest;
import io.vessel.cri.v1.ContainerStatsResponse;
import io.vessel.cri.v1.ContainerStatusRequest;
import io.vessel.cri.v1.ContainerStatusResponse;
import io.vessel.cri.v1.CreateContainerRequest;
import io.vessel.cri.v1.CreateContainerResponse;
import io.vessel.cri.v1.ExecRequest;
import io.vessel.cri.v1.ExecResponse;
import io.vessel.cri.v1.ExecSyncRequest;
import io.vessel.cri.v1.ExecSyncResponse;
import io.vessel.cri.v1.ListContainerStatsRequest;
import io.vessel.cri.v1.ListContainerStatsResponse;
import io.vessel.cri.v1.ListContainersRequest;
import io.vessel.cri.v1.ListContainersResponse;
import io.vessel.cri.v1.ListPodSandboxRequest;
import io.vessel.cri.v1.ListPodSandboxResponse;
import io.vessel.cri.v1.PodSandboxState;
import io.vessel.cri.v1.PodSandboxStatusRequest;
import io.vessel.cri.v1.PodSandboxStatusResponse;
import io.vessel.cri.v1.PortForwardRequest;
import io.vessel.cri.v1.PortForwardResponse;
import io.vessel.cri.v1.RemoveContainerRequest;
import io.vessel.cri.v1.RemoveContainerResponse;
import io.vessel.cri.v1.RemovePodSandboxRequest;
import io.vessel.cri.v1.RemovePodSandboxResponse;
import io.vessel.cri.v1.ReopenContainerLogRequest;
import io.vessel.cri.v1.ReopenContainerLogResponse;
import io.vessel.cri.v1.RunPodSandboxRequest;
import io.vessel.cri.v1.RunPodSandboxResponse;
import io.vessel.cri.v1.RuntimeCondition;
import io.vessel.cri.v1.RuntimeServiceGrpc;
import io.vessel.cri.v1.RuntimeStatus;
import io.vessel.cri.v1.StartContainerRequest;
import io.vessel.cri.v1.StartContainerResponse;
import io.vessel.cri.v1.StatusRequest;
import io.vessel.cri.v1.StatusResponse;
import io.vessel.cri.v1.StopContainerRequest;
import io.vessel.cri.v1.StopContainerResponse;
import io.vessel.cri.v1.StopPodSandboxRequest;
import io.vessel.cri.v1.StopPodSandboxResponse;
import io.vessel.cri.v1.UpdateContainerResourcesRequest;
import io.vessel.cri.v1.UpdateContainerResourcesResponse;
import io.vessel.cri.v1.VersionRequest;
import io.vessel.cri.v1.VersionResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fake's RuntimeService: turns each RPC into a {@link FakePods} call. The streaming RPCs hand
 * out URLs in containerd's shape, but nothing serves them.
 */
final class FakeRuntimeService extends RuntimeServiceGrpc.RuntimeServiceImplBase {

  private static final String STREAM_SERVER = "http://127.0.0.1:10010";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final FakePods pods;
  private volatile VersionResponse version =
      VersionResponse.newBuilder()
          .setVersion("0.1.0")
          .setRuntimeName("vessel-fake")
          .setRuntimeVersion("0.1.0")
          .setRuntimeApiVersion("v1")
          .build();
  private volatile ExecSyncHandler execSync = ExecSyncHandler.builtins();

  /** Guarded by itself; by condition type, in the order the runtime reports them. */
  private final Map<String, RuntimeCondition> conditions = new LinkedHashMap<>();

  FakeRuntimeService(FakePods pods) {
    this.pods = pods;
    setCondition("RuntimeReady", true, "", "");
    setCondition("NetworkReady", true, "", "");
  }

  void setVersion(VersionResponse version) {
    this.version = version;
  }

  void setExecSync(ExecSyncHandler handler) {
    this.execSync = handler;
  }

  void setCondition(String type, boolean status, String reason, String message) {
    var condition =
        RuntimeCondition.newBuilder()
            .setType(type)
            .setStatus(status)
            .setReason(reason)
            .setMessage(message)
            .build();
    synchronized (conditions) {
      conditions.put(type, condition);
    }
  }

  @Override
  public void version(VersionRequest request, StreamObserver<VersionResponse> response) {
    answer(response, () -> version);
  }

  @Override
  public void status(StatusRequest request, StreamObserver<StatusResponse> response) {
    answer(
        response,
        () -> {
          synchronized (conditions) {
            var status = RuntimeStatus.newBuilder().addAllConditions(conditions.values());
            return StatusResponse.newBuilder().setStatus(status).build();
          }
        });
  }

  @Override
  public void runPodSandbox(
      RunPodSandboxRequest request, StreamObserver<RunPodSandboxResponse> response) {
    answer(
        response,
        () -> {
          String id = pods.runPodSandbox(request.getConfig(), request.getRuntimeHandler());
          return RunPodSandboxResponse.newBuilder().setPodSandboxId(id).build();
        });
  }

  @Override
  public void stopPodSandbox(
      StopPodSandboxRequest request, StreamObserver<StopPodSandboxResponse> response) {
    answer(
        response,
        () -> {
          pods.stopPodSandbox(request.getPodSandboxId());
          return StopPodSandboxResponse.getDefaultInstance();
        });
  }

  @Override
  public void removePodSandbox(
      RemovePodSandboxRequest request, StreamObserver<RemovePodSandboxResponse> response) {
    answer(
        response,
        () -> {
          pods.removePodSandbox(request.getPodSandboxId());
          return RemovePodSandboxResponse.getDefaultInstance();
        });
  }

  @Override
  public void podSandboxStatus(
      PodSandboxStatusRequest request, StreamObserver<PodSandboxStatusResponse> response) {
    answer(
        response,
        () ->
            PodSandboxStatusResponse.newBuilder()
                .setStatus(pods.podSandboxStatus(request.getPodSandboxId()))
                .setTimestamp(FakeClock.nowNanos())
                .build());
  }

  @Override
  public void listPodSandbox(
      ListPodSandboxRequest request, StreamObserver<ListPodSandboxResponse> response) {
    answer(
        response,
        () ->
            ListPodSandboxResponse.newBuilder()
                .addAllItems(pods.listPodSandbox(request.getFilter()))
                .build());
  }

  @Override
  public void createContainer(
      CreateContainerRequest request, StreamObserver<CreateContainerResponse> response) {
    answer(
        response,
        () -> {
          String id =
              pods.createContainer(
                  request.getPodSandboxId(), request.getConfig(), request.getSandboxConfig());
          return CreateContainerResponse.newBuilder().setContainerId(id).build();
        });
  }

  @Override
  public void startContainer(
      StartContainerRequest request, StreamObserver<StartContainerResponse> response) {
    answer(
        response,
        () -> {
          pods.startContainer(request.getContainerId());
          return StartContainerResponse.getDefaultInstance();
        });
  }

  @Override
  public void stopContainer(
      StopContainerRequest request, StreamObserver<StopContainerResponse> response) {
    answer(
        response,
        () -> {
          pods.stopContainer(request.getContainerId(), request.getTimeout());
          return StopContainerResponse.getDefaultInstance();
        });
  }

  @Override
  public void removeContainer(
      RemoveContainerRequest request, StreamObserver<RemoveContainerResponse> response) {
    answer(
        response,
        () -> {
          pods.removeContainer(request.getContainerId());
          return RemoveContainerResponse.getDefaultInstance();
        });
  }

  @Override
  public void listContainers(
      ListContainersRequest request, StreamObserver<ListContainersResponse> response) {
    answer(
        response,
        () ->
            ListContainersResponse.newBuilder()
                .addAllContainers(pods.listContainers(request.getFilter()))
                .build());
  }

  @Override
  public void containerStatus(
      ContainerStatusRequest request, StreamObserver<ContainerStatusResponse> response) {
    answer(
        response,
        () ->
            ContainerStatusResponse.newBuilder()
                .setStatus(pods.containerStatus(request.getContainerId()))
                .build());
  }

  @Override
  public void updateContainerResources(
      UpdateContainerResourcesRequest request,
      StreamObserver<UpdateContainerResourcesResponse> response) {
    answer(
        response,
        () -> {
          pods.updateContainerResources(request.getContainerId(), request.getLinux());
          return UpdateContainerResourcesResponse.getDefaultInstance();
        });
  }

  @Override
  public void reopenContainerLog(
      ReopenContainerLogRequest request, StreamObserver<ReopenContainerLogResponse> response) {
    answer(
        response,
        () -> {
          String id = request.getContainerId();
          var state =
              pods.containerState(
                  id, "an error occurred when try to find container \"" + id + "\": not found");
          if (state != ContainerState.CONTAINER_RUNNING) {
            throw unknown("container is not running");
          }
          return ReopenContainerLogResponse.getDefaultInstance();
        });
  }

  @Override
  public void execSync(ExecSyncRequest request, StreamObserver<ExecSyncResponse> response) {
    answer(
        response,
        () -> {
          String id = request.getContainerId();
          requireRunning(
              id,
              "failed to exec in container: failed to find container \""
                  + id
                  + "\" in store: not found",
              "failed to exec in container: ");
          return execSync.exec(id, request.getCmdList(), request.getTimeout());
        });
  }

  @Override
  public void exec(ExecRequest request, StreamObserver<ExecResponse> response) {
    answer(
        response,
        () -> {
          String id = request.getContainerId();
          requireRunning(id, "failed to find container \"" + id + "\" in store: not found", "");
          return ExecResponse.newBuilder().setUrl(streamUrl("exec")).build();
        });
  }

  @Override
  public void attach(AttachRequest request, StreamObserver<AttachResponse> response) {
    answer(
        response,
        () -> {
          requireRunning(
              request.getContainerId(), "failed to find container in store: not found", "");
          return AttachResponse.newBuilder().setUrl(streamUrl("attach")).build();
        });
  }

  @Override
  public void portForward(
      PortForwardRequest request, StreamObserver<PortForwardResponse> response) {
    answer(
        response,
        () -> {
          String id = request.getPodSandboxId();
          var state = pods.sandboxState(id, "failed to find sandbox \"" + id + "\": not found");
          if (state != PodSandboxState.SANDBOX_READY) {
            throw unknown("sandbox container is not running");
          }
          return PortForwardResponse.newBuilder().setUrl(streamUrl("portforward")).build();
        });
  }

  @Override
  public void containerStats(
      ContainerStatsRequest request, StreamObserver<ContainerStatsResponse> response) {
    answer(
        response,
        () ->
            ContainerStatsResponse.newBuilder()
                .setStats(pods.containerStats(request.getContainerId()))
                .build());
  }

  @Override
  public void listContainerStats(
      ListContainerStatsRequest request, StreamObserver<ListContainerStatsResponse> response) {
    answer(
        response,
        () ->
            ListContainerStatsResponse.newBuilder()
                .addAllStats(pods.listContainerStats(request.getFilter()))
                .build());
  }

  private void requireRunning(String id, String notFoundMessage, String prefix) {
    var state = pods.containerState(id, notFoundMessage);
    if (state != ContainerState.CONTAINER_RUNNING) {
      throw unknown(prefix + "container is in " + state + " state");
    }
  }

  private static String streamUrl(String kind) {
    var token = new byte[6];
    RANDOM.nextBytes(token);
    return STREAM_SERVER + "/" + kind + "/" + HexFormat.of().formatHex(token);
  }

  private static StatusRuntimeException unknown(String message) {
    return Status.UNKNOWN.withDescription(message).asRuntimeException();
  }

  /** Replies with what {@code body} returns, or with the status it throws. */
  private static <T> void answer(StreamObserver<T> response, Supplier<T> body) {
    T value;
    try {
      value = body.get();
    } catch (StatusRuntimeException e) {
      response.onError(e);
      return;
    }
    response.onNext(value);
    response.onCompleted();
  }
}
