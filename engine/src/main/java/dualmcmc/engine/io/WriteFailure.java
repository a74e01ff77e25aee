package dualmcmc.engine.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Words a failed write for the status bar: what went wrong and where, in one line a user reads
 * ("no space left on device (/data/runs/model.dmcx)"), instead of the JDK's exception text, which
 * names temporary files and errno strings.
 */
final class WriteFailure {
    private WriteFailure() {
    }

    /** {@code e} with {@link #reason}'s wording as its message, and {@code e} as its cause. */
    static IOException explain(Path target, IOException e) {
        return new IOException(reason(target, e), e);
    }

    static String reason(Path target, IOException e) {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        String os = osReason(e);
        String lower = os == null ? "" : os.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left")) {
            return "no space left on device (" + file + ")";
        }
        if (lower.contains("quota")) {
            return "disk quota exceeded (" + file + ")";
        }
        if (lower.contains("read-only file system")) {
            return "the folder is read-only (" + dir + ")";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied (" + dir + ")";
        }
        if (lower.contains("operation not permitted")) {
            return "writing is not permitted (" + file + ")";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException
                || lower.contains("not a directory")) {
            return "not a folder (" + offending(e, dir) + ")";
        }
        // checked after the errno-like causes: a folder that was never made (read-only parent) is no removal
        if (!Files.isDirectory(dir)) {
            return Files.exists(dir) ? "not a folder (" + dir + ")" : "the folder was removed (" + dir + ")";
        }
        if (e instanceof NoSuchFileException) {
            return "a file being written was removed (" + file + ")";
        }
        if (os == null || os.isBlank()) {
            return e.getClass().getSimpleName() + " (" + file + ")";
        }
        return Character.toLowerCase(os.charAt(0)) + os.substring(1) + " (" + file + ")";
    }

    /** The operating system's words without the file names the JDK puts around them. */
    private static String osReason(IOException e) {
        return e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    }

    private static String offending(IOException e, Path dir) {
        return e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : dir.toString();
    }
}
