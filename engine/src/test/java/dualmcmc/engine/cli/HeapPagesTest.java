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

    /**
     * A live, touched 64 MB array lies in resident heap pages: the reading must count at least
     * that much, and no more than the whole process holds (Linux, where smaps exists). Not the
     * growth: in a JVM that has run other tests the array may land on pages already resident.
     */
    @Test
    void aTouchedArrayIsCountedAsHeapAndTheHeapIsPartOfTheProcess() throws java.io.IOException {
        byte[] block = new byte[64 << 20];
        for (int i = 0; i < block.length; i += 4096) {
            block[i] = 1;
        }
        OptionalLong heap = HeapPages.resident();
        if (heap.isEmpty()) {
            assertTrue(!System.getProperty("os.name").toLowerCase().contains("linux"), "no reading on Linux");
            return;
        }
        long process = 1024 * Long.parseLong(java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))
                .stream().filter(l -> l.startsWith("VmRSS:")).findFirst().orElseThrow().replaceAll("[^0-9]", ""));
        assertTrue(heap.getAsLong() >= block.length, "heap pages " + (heap.getAsLong() >> 20) + " MB");
        assertTrue(heap.getAsLong() <= process, "heap pages " + (heap.getAsLong() >> 20) + " MB of "
                + (process >> 20) + " MB resident");
        assertEquals(1, block[4096]);
    }
}
