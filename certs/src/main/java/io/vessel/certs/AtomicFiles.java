package io.vessel.certs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Whole-file writes that a crash can never leave half done: the content goes to a temporary file in
 * the target's directory, is fsynced, and is renamed over the target with {@code ATOMIC_MOVE}. A
 * reader sees either the old file or the new one.
 */
final class AtomicFiles {

  /** {@code 0600}: private keys and kubeconfigs (they embed keys). */
  static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

  /** {@code 0644}: certificates and public keys. */
  static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

  /** {@code 0700}: directories this module creates. */
  static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code content}, leaving it with exactly {@code permissions}.
   *
   * @throws PkiException naming {@code target} if any step fails; the target is then unchanged
   */
  static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) {
    var dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      // Created with the final permissions, so a key is never readable by others, not even
      // for the moment before a chmod.
      temp =
          POSIX
              ? Files.createTempFile(
                  dir,
                  "." + target.getFileName(),
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(permissions))
              : Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      if (POSIX) {
        Files.setPosixFilePermissions(temp, permissions); // the umask may have removed bits
      }
      try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        var buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
      syncDirectory(dir);
    } catch (IOException | UnsupportedOperationException e) {
      throw new PkiException(target, "cannot write: " + e, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /**
   * Creates {@code dir} (and missing parents) with mode {@code 0700}. An existing directory keeps
   * its mode: the operator may have chosen it.
   */
  static void createPrivateDirectories(Path dir) {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      if (POSIX) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
        Files.setPosixFilePermissions(dir, PRIVATE_DIR);
      } else {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new PkiException(dir, "cannot create directory: " + e, e);
    }
  }

  /** Makes the rename durable; without it a power cut can bring the old entry back. */
  private static void syncDirectory(Path dir) {
    try (var channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems refuse to open or sync a directory; the file itself is already synced.
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // The write already failed and says so; a stray temp file is the lesser problem.
    }
  }
}
