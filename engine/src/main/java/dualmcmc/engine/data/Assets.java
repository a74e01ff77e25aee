package dualmcmc.engine.data;

import java.io.FileNotFoundException;
import java.io.InputStream;

/**
 * Locates the files of the repository's {@code assets/} folder, which the engine build copies
 * onto the classpath under {@code /dualmcmc/assets/}. Going through the classpath keeps the
 * bundled data working both from the IDE and from the packaged jar.
 */
public final class Assets {

    public static final String ROOT = "/dualmcmc/assets/";

    private Assets() {
    }

    /** True when the asset is on the classpath. */
    public static boolean exists(String relativePath) {
        return Assets.class.getResource(resourceName(relativePath)) != null;
    }

    /**
     * Opens {@code relativePath} (e.g. "data/digits/digits.csv.gz"); the caller closes the stream.
     *
     * @throws FileNotFoundException when the asset is missing, which means the engine was built
     *                               without the assets folder on its classpath
     */
    public static InputStream open(String relativePath) throws FileNotFoundException {
        String name = resourceName(relativePath);
        InputStream in = Assets.class.getResourceAsStream(name);
        if (in == null) {
            throw new FileNotFoundException("bundled asset '" + relativePath + "' is not on the classpath (looked for "
                    + name + "); the engine jar must be built with the repository's assets/ folder as a resource"
                    + " directory, see <resources> in engine/pom.xml");
        }
        return in;
    }

    private static String resourceName(String relativePath) {
        if (relativePath == null || relativePath.isBlank() || relativePath.startsWith("/")
                || relativePath.contains("..")) {
            throw new IllegalArgumentException("asset path must be relative to the assets folder, got '"
                    + relativePath + "'");
        }
        return ROOT + relativePath;
    }
}
