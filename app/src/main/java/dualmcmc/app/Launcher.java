package dualmcmc.app;

/** Plain main class for {@code java -jar}: a JavaFX Application subclass as main class fails on the classpath. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        ExplorerApp.main(args);
    }
}
