package io.vessel.agent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns the records of a CRI log file into what {@code kubectl logs} shows, under one request's
 * {@link LogOptions}.
 *
 * <ul>
 *   <li>Lines: a stream's {@code P} records are joined up to its next {@code F} record. stdout and
 *       stderr interleave in one file, so each stream has its own pending line. A joined line has
 *       the time of its first record; that time is what {@code since} and the timestamp prefix use.
 *   <li>{@code tailLines} counts joined lines of what the file holds when the request starts: lines
 *       are held back until {@link #caughtUp()}, which releases the last N. {@code since} then
 *       filters those, as the kubelet seeks to the tail before it filters.
 *   <li>{@code limitBytes} cuts the output, mid-line if need be; {@link #exhausted()} then tells
 *       the reader to stop.
 * </ul>
 *
 * <p>Not thread-safe: one instance per request, used by one step at a time.
 */
final class LogFilter {
  /**
   * A partial line that grows past this is sent as it is, so that a container writing without
   * newlines cannot make the agent buffer without bound; the rest of it gets no timestamp prefix.
   */
  static final int MAX_PENDING_BYTES = 1 << 20;

  private static final byte[] EMPTY = new byte[0];

  /** @param continued the rest of a line whose start went out already: no timestamp prefix */
  private record Line(OffsetDateTime time, boolean continued, byte[] content) {}

  private static final class Pending {
    final OffsetDateTime time;
    final boolean continued;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Pending(OffsetDateTime time, boolean continued) {
      this.time = time;
      this.continued = continued;
    }

    Line toLine() {
      return new Line(time, continued, bytes.toByteArray());
    }
  }

  private final LogOptions options;
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private final Set<String> cut = new HashSet<>();
  private final ArrayDeque<Line> held = new ArrayDeque<>();
  private boolean caughtUp;
  private long remaining;

  LogFilter(LogOptions options) {
    this.options = options;
    this.remaining = options.limitBytes().orElse(Long.MAX_VALUE);
  }

  /** Adds the file's next record; returns what to send now, often nothing. */
  byte[] add(CriLogLine record) {
    if (exhausted()) {
      return EMPTY;
    }
    String stream = record.stream();
    Pending p = pending.get(stream);
    if (p == null) {
      p = new Pending(record.time(), cut.remove(stream));
      pending.put(stream, p);
    }
    p.bytes.writeBytes(record.content());
    if (!record.partial()) {
      pending.remove(stream);
      p.bytes.write('\n');
      return accept(p.toLine());
    }
    if (p.bytes.size() >= MAX_PENDING_BYTES) {
      pending.remove(stream);
      cut.add(stream);
      return accept(p.toLine());
    }
    return EMPTY;
  }

  /** Everything the file held at the start has been added: releases the last tailLines lines. */
  byte[] caughtUp() {
    if (caughtUp) {
      return EMPTY;
    }
    caughtUp = true;
    var out = new ByteArrayOutputStream();
    for (Line line : held) {
      out.writeBytes(emit(line));
    }
    held.clear();
    return out.toByteArray();
  }

  /**
   * No record will follow: sends the partial lines still pending as they are (a container that
   * exited mid-line), and whatever {@link #caughtUp()} has not released yet.
   */
  byte[] finish() {
    var out = new ByteArrayOutputStream();
    for (Pending p : pending.values()) {
      out.writeBytes(accept(p.toLine()));
    }
    pending.clear();
    out.writeBytes(caughtUp());
    return out.toByteArray();
  }

  /** limitBytes have been sent: nothing more will be. */
  boolean exhausted() {
    return remaining <= 0;
  }

  private byte[] accept(Line line) {
    var tail = options.tailLines();
    if (!caughtUp && tail.isPresent()) {
      held.addLast(line);
      if (held.size() > tail.getAsLong()) {
        held.removeFirst();
      }
      return EMPTY;
    }
    return emit(line);
  }

  private byte[] emit(Line line) {
    if (remaining <= 0) {
      return EMPTY;
    }
    var since = options.since();
    if (since.isPresent() && line.time().toInstant().isBefore(since.get())) {
      return EMPTY;
    }
    byte[] out = line.content();
    if (options.timestamps() && !line.continued()) {
      byte[] prefix =
          (CriLogLine.RFC3339_NANO.format(line.time()) + " ").getBytes(StandardCharsets.US_ASCII);
      out = concat(prefix, out);
    }
    if (out.length > remaining) {
      out = Arrays.copyOf(out, (int) remaining);
    }
    remaining -= out.length;
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
