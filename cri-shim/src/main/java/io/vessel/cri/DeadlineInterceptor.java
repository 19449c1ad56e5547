package io.vessel.cri;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every CRI call its deadline from {@link CriTimeouts} unless the caller set one, and writes
 * one DEBUG line per call with its outcome and duration. Doing both here keeps the client's methods
 * one line each, instead of the kubelet's log-timeout-call-log block per RPC.
 */
final class DeadlineInterceptor implements ClientInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(CriClient.class);

  private final CriTimeouts timeouts;

  DeadlineInterceptor(CriTimeouts timeouts) {
    this.timeouts = timeouts;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    String rpc = method.getBareMethodName();
    CallOptions withDeadline =
        options.getDeadline() != null
            ? options
            : options.withDeadlineAfter(timeouts.forMethod(rpc).toNanos(), TimeUnit.NANOSECONDS);
    if (!LOG.isDebugEnabled()) {
      return next.newCall(method, withDeadline);
    }
    long started = System.nanoTime();
    return new SimpleForwardingClientCall<>(next.newCall(method, withDeadline)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        super.start(
            new SimpleForwardingClientCallListener<>(listener) {
              @Override
              public void onClose(Status status, Metadata trailers) {
                LOG.debug(
                    "CRI {} {} in {} ms{}",
                    rpc,
                    status.getCode(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    status.getDescription() == null ? "" : ": " + status.getDescription());
                super.onClose(status, trailers);
              }
            },
            headers);
      }
    };
  }
}
