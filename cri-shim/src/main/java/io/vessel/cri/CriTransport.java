package io.vessel.cri;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC channel to a runtime's unix socket, and the one event-loop thread it runs on. Netty's
 * epoll transport is the only one that speaks unix sockets on Linux, so it is required.
 */
final class CriTransport implements AutoCloseable {

  /**
   * The kubelet's limit too: ListContainers on a busy node outgrows gRPC's 4 MiB default, and the
   * runtime already sends that much.
   */
  static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private final EventLoopGroup eventLoop;
  private final ManagedChannel channel;

  private CriTransport(EventLoopGroup eventLoop, ManagedChannel channel) {
    this.eventLoop = eventLoop;
    this.channel = channel;
  }

  /** Opens the channel lazily: the first call connects, so a missing socket fails that call. */
  static CriTransport open(CriEndpoint endpoint) {
    if (!Epoll.isAvailable()) {
      throw new IllegalStateException(
          "CRI over a unix socket needs Netty's native epoll transport (Linux)",
          Epoll.unavailabilityCause());
    }
    // One thread: a channel to a local socket is one connection, and callers block on their own
    // threads, not on this one.
    EventLoopGroup eventLoop =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("cri-client", true), EpollIoHandler.newFactory());
    ManagedChannel channel =
        NettyChannelBuilder.forAddress(new DomainSocketAddress(endpoint.socket().toString()))
            .channelType(EpollDomainSocketChannel.class)
            .eventLoopGroup(eventLoop)
            // grpc sets SO_KEEPALIVE on every transport; a unix socket has no such option and
            // Netty would warn on each connect
            .withOption(ChannelOption.SO_KEEPALIVE, null)
            .usePlaintext()
            .maxInboundMessageSize(MAX_MESSAGE_BYTES)
            .build();
    return new CriTransport(eventLoop, channel);
  }

  ManagedChannel channel() {
    return channel;
  }

  /** Cancels calls still in flight, then stops the event-loop thread. */
  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      eventLoop.shutdownGracefully(0, 5, TimeUnit.SECONDS);
    }
  }
}
