package io.vessel.agent;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a log file that may still be growing, a chunk at a time, as whole lines. The bytes after
 * the last newline stay unread until their newline arrives (the runtime may be mid-write), or
 * until {@link #rest()} takes them when no more will come.
 *
 * <p>Blocking; not thread-safe (one step of one request uses it at a time).
 */
final class LogFileReader implements Closeable {
  static final int CHUNK_BYTES = 64 * 1024;

  /**
   * @param lines the complete lines read, without their newlines
   * @param eof the read reached the end of the file as it is now
   */
  record Chunk(List<byte[]> lines, boolean eof) {}

  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES);
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private long position;

  private LogFileReader(FileChannel channel) {
    this.channel = channel;
  }

  static LogFileReader open(Path file) throws IOException {
    return new LogFileReader(FileChannel.open(file, StandardOpenOption.READ));
  }

  /** Reads up to {@link #CHUNK_BYTES} more bytes of the file. */
  Chunk read() throws IOException {
    buffer.clear();
    int n = channel.read(buffer, position);
    if (n <= 0) {
      return new Chunk(List.of(), true);
    }
    position += n;
    var lines = new ArrayList<byte[]>();
    byte[] bytes = buffer.array();
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (bytes[i] == '\n') {
        partial.write(bytes, start, i - start);
        lines.add(partial.toByteArray());
        partial.reset();
        start = i + 1;
      }
    }
    partial.write(bytes, start, n - start);
    return new Chunk(lines, n < CHUNK_BYTES);
  }

  /** The bytes after the last newline read; the file ends without one, and nothing will follow. */
  byte[] rest() {
    byte[] rest = partial.toByteArray();
    partial.reset();
    return rest;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
