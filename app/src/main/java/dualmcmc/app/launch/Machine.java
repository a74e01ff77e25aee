package dualmcmc.app.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the start-up check needs to know about the computer, gathered in one place so that the
 * check itself can be tested with any machine a test makes up.
 *
 * @param os          the os.name system property
 * @param env         environment variables
 * @param hasLibrary  whether a shared library of that file name can be loaded
 * @param totalMemory physical memory in bytes, or -1 when unknown
 * @param maxHeap     the JVM's heap limit in bytes
 */
public record Machine(String os, Map<String, String> env, Predicate<String> hasLibrary, long totalMemory,
                     long maxHeap) {
    /** The folders the dynamic linker searches on Debian, Fedora and friends, besides LD_LIBRARY_PATH. */
    private static final List<String> LIBRARY_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu",
            "/usr/lib64", "/lib64", "/usr/lib", "/lib", "/usr/local/lib");

    public boolean isLinux() {
        return os.toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /** This computer. */
    public static Machine current() {
        Map<String, String> env = System.getenv();
        return new Machine(System.getProperty("os.name", ""), env, name -> onLibraryPath(env, name),
                linuxTotalMemory(), Runtime.getRuntime().maxMemory());
    }

    private static boolean onLibraryPath(Map<String, String> env, String name) {
        List<String> dirs = new ArrayList<>();
        String ld = env.get("LD_LIBRARY_PATH");
        if (ld != null) {
            dirs.addAll(List.of(ld.split(":")));
        }
        dirs.addAll(LIBRARY_DIRS);
        return dirs.stream().filter(d -> !d.isBlank()).anyMatch(d -> Files.exists(Path.of(d, name)))
                || inLinkerCache(name);
    }

    /** Distributions that keep libraries elsewhere still list them in ldconfig's cache. */
    private static boolean inLinkerCache(String name) {
        for (String ldconfig : List.of("/sbin/ldconfig", "/usr/sbin/ldconfig")) {
            if (Files.isExecutable(Path.of(ldconfig))) {
                try {
                    Process p = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
                    String out = new String(p.getInputStream().readAllBytes());
                    p.waitFor();
                    return out.contains(name);
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private static long linuxTotalMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux or /proc not mounted: the memory check is skipped
        }
        return -1;
    }
}
