package io.vessel.cri.fake;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a test can do to any RPC, by its bare name ("PullImage"): count its calls, fail its next
 * calls with a given status, or make it hang. Works in front of both services, before the fake's
 * own logic, so a failed or hung call changes no state.
 *
 * <p>Thread-safe: gRPC's executor threads and the test thread share it.
 */
final class FakeCallHooks implements ServerInterceptor {

  private final ConcurrentMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Queue<Status>> failures = new ConcurrentHashMap<>();
  private final Set<String> hung = ConcurrentHashMap.newKeySet();

  int calls(String rpc) {
    var count = calls.get(rpc);
    return count == null ? 0 : count.get();
  }

  void failNext(String rpc, Status status) {
    failures.computeIfAbsent(rpc, k -> new ConcurrentLinkedQueue<>()).add(status);
  }

  void hang(String rpc) {
    hung.add(rpc);
  }

  void release(String rpc) {
    hung.remove(rpc);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String rpc = call.getMethodDescriptor().getBareMethodName();
    calls.computeIfAbsent(rpc, k -> new AtomicInteger()).incrementAndGet();
    if (hung.contains(rpc)) {
      // Never answered: the client's deadline, or the server's shutdown, cancels the call.
      return new ServerCall.Listener<>() {};
    }
    var queued = failures.get(rpc);
    var failure = queued == null ? null : queued.poll();
    if (failure != null) {
      call.close(failure, new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }
}
