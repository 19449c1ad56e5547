package io.vessel.server.storage.cache;

import java.nio.charset.StandardCharsets;

/** Builds JSON watch frames around already-encoded objects, without re-encoding them. */
public final class WatchFrames {
  private static final byte[] TAIL = "}\n".getBytes(StandardCharsets.US_ASCII);

  private WatchFrames() {}

  public static byte[] json(String type, byte[] object) {
    byte[] head = ("{\"type\":\"" + type + "\",\"object\":").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[head.length + object.length + TAIL.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(object, 0, out, head.length, object.length);
    System.arraycopy(TAIL, 0, out, head.length + object.length, TAIL.length);
    return out;
  }
}
