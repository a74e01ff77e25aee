package dualmcmc.app.launch;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SystemCheckTest {
    private static final long GB = 1L << 30;

    private static Machine linux(Map<String, String> env, boolean gtk, long memory, long heap) {
        return new Machine("Linux", env, name -> gtk && name.equals(SystemCheck.GTK), memory, heap);
    }

    private static final Map<String, String> X11 = Map.of("DISPLAY", ":0");

    @Test
    void aComputerWithEverythingStarts() {
        assertEquals(Optional.empty(), SystemCheck.problem(linux(X11, true, 16 * GB, 3 * GB)));
        assertEquals(Optional.empty(), SystemCheck.problem(linux(Map.of("WAYLAND_DISPLAY", "wayland-0"), true,
                -1, 3 * GB)), "Wayland counts as a display; unknown memory is not held against it");
    }

    @Test
    void eachMissingThingIsNamedInOneSentence() {
        String display = SystemCheck.problem(linux(Map.of("DISPLAY", " "), true, 16 * GB, 3 * GB)).orElseThrow();
        assertTrue(display.contains("display"), display);
        String gtk = SystemCheck.problem(linux(X11, false, 16 * GB, 3 * GB)).orElseThrow();
        assertTrue(gtk.contains("GTK 3") && gtk.contains("libgtk-3-0"), gtk);
        String memory = SystemCheck.problem(linux(X11, true, GB, 3 * GB)).orElseThrow();
        assertTrue(memory.contains("1.0 GB"), memory);
        String heap = SystemCheck.problem(linux(X11, true, 16 * GB, 256L << 20)).orElseThrow();
        assertTrue(heap.contains("256 MB"), heap);
        for (String s : new String[] {display, gtk, memory, heap}) {
            assertTrue(s.endsWith(".") && !s.contains("\n") && !s.contains("Exception"), s);
        }
    }

    @Test
    void otherSystemsAndTheEscapeHatchAreNotChecked() {
        assertEquals(Optional.empty(), SystemCheck.problem(new Machine("Mac OS X", Map.of(), n -> false, GB, GB)));
        assertEquals(Optional.empty(), SystemCheck.problem(linux(Map.of(SystemCheck.SKIP_ENV, "1"), false, GB, GB)));
    }
}
