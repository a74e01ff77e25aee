package dualmcmc.app.launch;

import java.util.Locale;
import java.util.Optional;

/**
 * Before JavaFX starts: says in one sentence what the computer lacks for the window (a display,
 * GTK 3, memory), because JavaFX itself reports these as stack traces a new user cannot read.
 * Only Linux is checked: there JavaFX draws through GTK on X11 or Wayland; on macOS and Windows
 * it needs nothing outside the runtime.
 */
public final class SystemCheck {
    public static final String GTK = "libgtk-3.so.0";
    /** Below this much physical memory training and the chain views swap or fail. */
    public static final long MIN_MEMORY = 2L << 30;
    /** The heap the bundled example, a chain view and the latent map need together. */
    public static final long MIN_HEAP = 768L << 20;
    /** Set to 1 to start without the check, e.g. where GTK lives somewhere the check does not look. */
    public static final String SKIP_ENV = "DUALMCMC_SKIP_CHECKS";

    private SystemCheck() {
    }

    /** What stops the app from starting on {@code m}, or empty when nothing does. */
    public static Optional<String> problem(Machine m) {
        if ("1".equals(m.env().get(SKIP_ENV)) || !m.isLinux()) {
            return Optional.empty();
        }
        if (blank(m.env().get("DISPLAY")) && blank(m.env().get("WAYLAND_DISPLAY"))) {
            return Optional.of("Dual-MCMC Explorer needs a graphical display and found none (DISPLAY and "
                    + "WAYLAND_DISPLAY are not set): start it from a desktop session, or under xvfb-run for "
                    + "--screenshot.");
        }
        if (!m.hasLibrary().test(GTK)) {
            return Optional.of("Dual-MCMC Explorer needs GTK 3 for its window and cannot find " + GTK
                    + ": install it (Debian and Ubuntu: sudo apt-get install libgtk-3-0; Fedora: sudo dnf install "
                    + "gtk3), or set " + SKIP_ENV + "=1 if it is installed where this check does not look.");
        }
        if (m.totalMemory() > 0 && m.totalMemory() < MIN_MEMORY) {
            return Optional.of(String.format(Locale.ROOT, "Dual-MCMC Explorer needs at least %s of memory and this "
                    + "computer has %s.", gb(MIN_MEMORY), gb(m.totalMemory())));
        }
        if (m.maxHeap() < MIN_HEAP) {
            return Optional.of(String.format(Locale.ROOT, "Dual-MCMC Explorer needs a Java heap of at least %d MB and "
                    + "was given %d MB: start it without -Xmx, or with -Xmx2g.", MIN_HEAP >> 20, m.maxHeap() >> 20));
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
}
