package io.vessel.server.boot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The state directory of one cluster and the lock that lets only one Vessel run on it. The lock
 * is an OS file lock held for the life of the process, so a crashed server never leaves a stale
 * lock behind; the pid and ready files only inform the launcher.
 */
public final class StateDir implements AutoCloseable {
  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private StateDir(Path dir, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = channel;
    this.lock = lock;
  }

  /** Creates the directory if needed and takes its lock; fails if another Vessel holds it. */
  public static StateDir acquire(Path dir) throws IOException {
    Files.createDirectories(dir);
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException | IOException ignored) {
      // not a POSIX file system, or not ours to change: keep what is there
    }
    FileChannel channel =
        FileChannel.open(dir.resolve("vessel.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = channel.tryLock();
    if (lock == null) {
      channel.close();
      String pid = readPid(dir);
      throw new AlreadyRunningException(
          "Vessel is already running for state dir "
              + dir
              + (pid.isEmpty() ? "" : " (pid " + pid + ")")
              + "; stop it first with ./vessel down --state-dir "
              + dir);
    }
    StateDir state = new StateDir(dir, channel, lock);
    write(dir.resolve("vessel.pid"), Long.toString(ProcessHandle.current().pid()) + "\n");
    Files.deleteIfExists(dir.resolve("ready"));
    return state;
  }

  public Path path() {
    return dir;
  }

  public Path resolve(String name) {
    return dir.resolve(name);
  }

  /** Tells the launcher the API is serving (the file holds the URL). */
  public void markReady(String url) throws IOException {
    write(dir.resolve("ready"), url + "\n");
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(dir.resolve("ready"));
    Files.deleteIfExists(dir.resolve("vessel.pid"));
    lock.release();
    lockChannel.close();
  }

  private static String readPid(Path dir) {
    try {
      return Files.readString(dir.resolve("vessel.pid")).trim();
    } catch (IOException e) {
      return "";
    }
  }

  private static void write(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Another process holds the state directory. */
  public static final class AlreadyRunningException extends IOException {
    public AlreadyRunningException(String message) {
      super(message);
    }
  }
}
