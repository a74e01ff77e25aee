package dualmcmc.engine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary folder for the fuzz suites, which jqwik does not give @TempDir: emptied per case, deleted at the end. */
public final class Scratch {

    private final Path root;

    /**
     * A scratch space for one fuzz suite, with ND4J's backend already loaded: its first array
     * allocates the backend, which is no case's cost (the cases have an allocation budget).
     */
    public static Scratch forSuite() {
        org.nd4j.linalg.factory.Nd4j.create(new float[] {1f}, new long[] {1, 1}, 'c');
        return new Scratch();
    }

    public Scratch() {
        try {
            root = Files.createTempDirectory("readers-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty folder of this scratch space. */
    public Path emptyFolder() {
        clear(root);
        return root;
    }

    /** Writes {@code bytes} as {@code name} in a freshly emptied folder. */
    public Path file(String name, byte[] bytes) {
        Path p = emptyFolder().resolve(name);
        try {
            Files.createDirectories(p.getParent());
            return Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete() {
        clear(root);
        try {
            Files.deleteIfExists(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clear(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
