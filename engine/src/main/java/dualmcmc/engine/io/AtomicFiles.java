package dualmcmc.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Predicate;

/**
 * Writes files so that a reader (or a crash) sees either the old file or the complete new one:
 * write a temporary file beside the target, force it to disk, then rename it over the target.
 * A failure (full disk, read-only or removed folder) leaves the target as it was, removes the
 * temporary file and is thrown as an IOException whose message is one readable line naming the
 * cause and the place, e.g. "no space left on device (/data/model.dmcx)".
 */
public final class AtomicFiles {
    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path file = target.toAbsolutePath();
        try {
            replace(file, writer);
        } catch (IOException e) {
            throw WriteFailure.explain(file, e);
        }
    }

    private static void replace(Path file, Writer writer) throws IOException {
        Path dir = file.getParent();
        String name = file.getFileName().toString();
        Files.createDirectories(dir);
        removeLeftovers(dir, name::equals);
        Path tmp = Files.createTempFile(dir, "." + name + ".", TEMP_SUFFIX);
        try {
            readableByAll(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                writer.write(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (Throwable e) {
            // a half-written file on a full disk holds the space the next save needs; a failure to
            // remove it (the folder went read-only) must not hide why the save failed
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException d) {
                e.addSuppressed(d);
            }
            throw e;
        }
    }

    /**
     * Removes the temporary files that saves killed before their rename left in {@code dir}
     * ({@code .<target>.<digits>.tmp}), for the targets whose file name {@code ofTarget} accepts.
     * Best effort: a folder that cannot be listed or changed makes the save that follows fail
     * with the reason, which is the message worth showing.
     *
     * <p>Safe because saves to one target are serialised: the app saves and autosaves on the
     * training thread between two iterations (the CLI on its only thread), so no save of this
     * target is running while this one starts, and such a file belongs to a save that died. (Another
     * process saving the same file at this very moment would lose its temporary file and report a
     * failed save; the target stays whole either way.)
     */
    public static void removeLeftovers(Path dir, Predicate<String> ofTarget) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir,
                p -> isLeftover(p.getFileName().toString(), ofTarget))) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            // see above: the save itself reports the folder's problem
        }
    }

    /** Whether {@code fileName} is a temporary file {@link #write} made for a target {@code ofTarget} accepts. */
    static boolean isLeftover(String fileName, Predicate<String> ofTarget) {
        if (!fileName.startsWith(".") || !fileName.endsWith(TEMP_SUFFIX)) {
            return false;
        }
        String middle = fileName.substring(1, fileName.length() - TEMP_SUFFIX.length());
        int dot = middle.lastIndexOf('.');
        if (dot <= 0 || dot == middle.length() - 1) {
            return false;
        }
        // Files.createTempFile puts an unsigned random long between prefix and suffix
        for (int i = dot + 1; i < middle.length(); i++) {
            char c = middle.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return ofTarget.test(middle.substring(0, dot));
    }

    /**
     * Temporary files are created owner-only; the finished file is an ordinary document (a picture,
     * a model to share), so it gets the usual rw-r--r-- where the file system has POSIX permissions.
     */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): its defaults already let others read
        }
    }
}
