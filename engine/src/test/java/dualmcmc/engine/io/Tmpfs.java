package dualmcmc.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A small tmpfs mounted on a test's folder: a real full disk (ENOSPC) and, remounted, a real
 * read-only folder. Permission bits cannot stand in for either: the tests run as root, which
 * writes through them. Needs root (CI and the dev machines run as root); elsewhere the test using
 * it is skipped, not failed. Close it (try-with-resources) to unmount.
 */
public final class Tmpfs implements AutoCloseable {
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} (as mount takes it: "1m", "256k") on the existing empty folder {@code dir}. */
    public static Tmpfs mount(Path dir, String size) {
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        assumeTrue(mounted, "mounting a tmpfs needs root (and Linux); skipped here");
        return new Tmpfs(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Remounts read-only: every write, rename and delete on it fails with EROFS. */
    public void readOnly() {
        if (!run("mount", "-o", "remount,ro", dir.toString())) {
            throw new IllegalStateException("could not remount " + dir + " read-only");
        }
    }

    /** Writes {@code name} until the disk is full; removing it frees the space again. */
    public Path fill(String name) throws IOException {
        Path filler = dir.resolve(name);
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
        return filler;
    }

    @Override
    public void close() {
        // lazily: a file a failed test left open must not keep the mount (and the next test's folder) busy
        if (!run("umount", "-l", dir.toString())) {
            throw new IllegalStateException("could not unmount " + dir);
        }
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
