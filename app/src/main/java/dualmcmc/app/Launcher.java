package dualmcmc.app;

import dualmcmc.app.launch.Machine;
import dualmcmc.app.launch.SystemCheck;

import java.util.List;
import java.util.Optional;

/**
 * Plain main class for {@code java -jar} and the installed launcher: a JavaFX Application subclass
 * as main class fails on the classpath. It first checks that the window can open at all, so a
 * missing display or GTK reads as one sentence rather than a stack trace.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        boolean help = List.of(args).contains("--help") || List.of(args).contains("-h");
        Optional<String> problem = help ? Optional.empty() : SystemCheck.problem(Machine.current());
        if (problem.isPresent()) {
            System.err.println(problem.get());
            System.exit(1);
        }
        try {
            ExplorerApp.main(args);
        } catch (RuntimeException | LinkageError e) {
            // what the check cannot foresee (a display that refuses connections, a broken GTK)
            System.err.println("Dual-MCMC Explorer could not open its window: " + rootMessage(e)
                    + " (set -Dprism.verbose=true for details).");
            System.exit(1);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
