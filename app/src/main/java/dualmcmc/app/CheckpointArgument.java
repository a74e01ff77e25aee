package dualmcmc.app;

import dualmcmc.engine.io.Checkpoint;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The checkpoint a desktop hands the app when a {@code .dmcx} is double-clicked: a bare path, or a
 * {@code file:} URI from launchers whose entry asks for URLs. Anything else is not a file argument,
 * so a mistyped option is still reported as one.
 */
final class CheckpointArgument {
    private CheckpointArgument() {
    }

    /** The checkpoint {@code arg} names, or null when it names none. */
    static Path parse(String arg) {
        if (arg.startsWith("-") || !arg.toLowerCase(Locale.ROOT).endsWith(Checkpoint.EXTENSION)) {
            return null;
        }
        if (arg.startsWith("file:")) {
            return Path.of(URI.create(arg));
        }
        return Path.of(arg).toAbsolutePath();
    }
}
