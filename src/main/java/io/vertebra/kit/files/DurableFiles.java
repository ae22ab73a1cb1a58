package io.vertebra.kit.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that a crash (SIGKILL, power loss) at any moment leaves either no file / the previous one, or
 * the complete new one: never an empty or half-written file under the real name. The bytes go to
 * {@code NAME.tmp} in the same folder, are synced to the disk, the temporary file is renamed to {@code NAME}
 * (atomic on POSIX file systems), and the folder is synced so the rename itself survives a power loss.
 * A {@code NAME.tmp} left by a crash is simply overwritten by the next write.
 */
public final class DurableFiles {

  private DurableFiles() {}

  /** Writes {@code bytes} to {@code file}, replacing what was there; {@code ownerOnly} makes it mode 600. */
  public static void replace(Path file, byte[] bytes, boolean ownerOnly) throws IOException {
    Path tmp = writeTemporary(file, bytes, ownerOnly);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncFolder(file);
  }

  /**
   * Writes {@code bytes} to {@code file} unless it exists: returns false (writing nothing) when another process
   * created it first, so that every process ends up using the same file. The temporary file is linked to the real
   * name (link fails when the name is taken); on a file system without hard links it is renamed instead.
   */
  public static boolean createOnce(Path file, byte[] bytes, boolean ownerOnly) throws IOException {
    if (Files.exists(file)) {
      return false;
    }
    Path tmp = writeTemporary(file, bytes, ownerOnly);
    try {
      Files.createLink(file, tmp);
      Files.delete(tmp);
    } catch (FileAlreadyExistsException e) {
      Files.delete(tmp);
      return false;
    } catch (UnsupportedOperationException | FileSystemException e) {
      if (Files.exists(file)) {
        Files.delete(tmp);
        return false;
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }
    syncFolder(file);
    return true;
  }

  /** Syncs a file's content to the disk (e.g. one another component wrote before it is renamed). */
  public static void syncFile(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /** Syncs the folder holding {@code file}, so a rename or creation of it survives a power loss. */
  public static void syncFolder(Path file) throws IOException {
    if (System.getProperty("os.name", "").startsWith("Windows")) {
      return; // a folder cannot be opened there; NTFS journals its renames itself
    }
    try (FileChannel channel = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static Path writeTemporary(Path file, byte[] bytes, boolean ownerOnly) throws IOException {
    if (ownerOnly) {
      OwnerOnly.folder(file.toAbsolutePath().getParent()); // a secret's folder is the owner's alone too
    } else {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try (FileChannel channel = openNew(tmp, ownerOnly)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    return tmp;
  }

  private static FileChannel openNew(Path file, boolean ownerOnly) throws IOException {
    Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      FileAttribute<?> mode = PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--"));
      return FileChannel.open(file, options, mode);
    } catch (UnsupportedOperationException e) {
      return FileChannel.open(file, options); // not a POSIX file system
    }
  }
}
