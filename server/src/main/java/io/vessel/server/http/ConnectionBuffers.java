package io.vessel.server.http;

import io.netty.channel.WriteBufferWaterMark;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Gives each connection a larger socket write buffer before Netty calls it unwritable (8 MiB, not
 * 64 KiB). Under Vert.x 5.0 every flip of a connection's writability is passed to all of its
 * HTTP/2 streams, and a flip that arrives while a stream is writing can leave that stream's
 * writable flag inverted: it then queues forever (loaded API bench runs had 36 of 50 watch streams
 * on one connection stuck this way). HTTP/2 flow control still bounds what each stream may send;
 * this only makes the connection-wide flips rare. {@link WatchHandler} resets a stream that stays
 * stuck anyway.
 */
public final class ConnectionBuffers {
  static final int LOW_WATER = 2 * 1024 * 1024;
  static final int HIGH_WATER = 8 * 1024 * 1024;

  private ConnectionBuffers() {}

  public static void widen(HttpConnection connection) {
    if (connection instanceof ConnectionBase base) {
      var marks = new WriteBufferWaterMark(LOW_WATER, HIGH_WATER);
      base.channel().config().setWriteBufferWaterMark(marks);
    }
  }
}
