package dualmcmc.engine.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench's split of resident memory into the Java heap's pages and the rest. */
class HeapPagesTest {
    @Test
    void onlyMappingsInsideTheRangeCount() {
        List<String> smaps = List.of(
                "00400000-00500000 r-xp 00000000 08:01 123 /usr/bin/java",
                "Size:               1024 kB",
                "Rss:                 512 kB",
                "680000000-690000000 rw-p 00000000 00:00 0",
                "Rss:               20480 kB",
                "690000000-800000000 ---p 00000000 00:00 0",
                "Rss:                   0 kB",
                "7f0000000000-7f0000100000 rw-p 00000000 00:00 0",
                "Rss:                1024 kB");
        assertEquals(20480L * 1024, HeapPages.residentWithin(smaps, 0x680000000L, 0x800000000L));
    }

    /** A touched 64 MB array is heap; the reading must see it (Linux, where smaps exists). */
    @Test
    void touchedHeapShowsAsHeapPages() {
        OptionalLong before = HeapPages.resident();
        if (before.isEmpty()) {
            assertTrue(!System.getProperty("os.name").toLowerCase().contains("linux"), "no reading on Linux");
            return;
        }
        byte[] block = new byte[64 << 20];
        for (int i = 0; i < block.length; i += 4096) {
            block[i] = 1;
        }
        long after = HeapPages.resident().orElseThrow();
        assertTrue(after - before.getAsLong() > 48L << 20,
                "heap pages grew by " + ((after - before.getAsLong()) >> 20) + " MB after touching 64 MB");
        assertEquals(1, block[4096]);
    }
}
