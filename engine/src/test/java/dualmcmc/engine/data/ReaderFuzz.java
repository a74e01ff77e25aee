package dualmcmc.engine.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.statistics.Statistics;

/**
 * The contract every fuzzed reader keeps: a case either loads or is refused with an
 * IOException or IllegalArgumentException whose message is one short line naming the file. Any
 * other exception, an error such as OutOfMemoryError, a case that runs past {@link #TIME_LIMIT}
 * or allocates more than its budget fails the property: a budget far below what a lying header
 * declares is how a reader that trusts the header is caught before it runs out of memory.
 */
public final class ReaderFuzz {

    public enum Outcome { LOADED, REFUSED }

    /** One reading of a file; anything it throws is judged. */
    public interface Read {
        void run() throws Exception;
    }

    static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    /** Covers a reader's fixed costs (buffers, decoder tables); the seeds are a few kilobytes. */
    public static final long BASE_ALLOCATION = 48L << 20;
    static final int MAX_MESSAGE = 500;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final Map<String, long[]> TALLY = new ConcurrentHashMap<>();

    private ReaderFuzz() {
    }

    /** {@link #check(String, String, long, Read)} with the budget a small file should need. */
    public static Outcome check(String reader, String fileName, Read read) {
        return check(reader, fileName, BASE_ALLOCATION, read);
    }

    /**
     * Runs one case of {@code reader} on the file named {@code fileName}, fails the property
     * unless it keeps the contract, and counts its outcome.
     */
    public static Outcome check(String reader, String fileName, long allocationBudget, Read read) {
        long[] counts = TALLY.computeIfAbsent(reader, k -> new long[Outcome.values().length + 1]);
        Outcome outcome;
        try {
            outcome = assertTimeoutPreemptively(TIME_LIMIT, () -> judge(fileName, allocationBudget, read),
                    () -> reader + " ran past " + TIME_LIMIT.toSeconds() + " s: a reader must end on any input");
        } catch (Throwable broken) {
            counts[Outcome.values().length]++;
            throw broken;
        }
        counts[outcome.ordinal()]++;
        Statistics.label(reader).collect(outcome);
        return outcome;
    }

    /** Fails the property unless its cases both loaded and were refused: seeds that are valid, damage that is real. */
    public static void requireBothOutcomes(String reader) {
        Statistics.label(reader).coverage(c -> {
            c.check(Outcome.LOADED).count(n -> n > 0);
            c.check(Outcome.REFUSED).count(n -> n > 0);
        });
    }

    /** Prints the reader's counts over all its properties: the table of the suite. */
    /** Reports {@code reader}'s tally and deletes its suite's scratch space. */
    public static void finish(String reader, Scratch scratch) {
        report(reader);
        scratch.delete();
    }

    public static void report(String reader) {
        long[] n = TALLY.getOrDefault(reader, new long[Outcome.values().length + 1]);
        long broken = n[Outcome.values().length];
        System.out.printf("readers fuzz | %s | %d cases | %d loaded | %d refused | %d broken the contract"
                        + " (other exception, bad message, OOM, hang, over budget)%n", reader,
                n[0] + n[1] + broken, n[Outcome.LOADED.ordinal()], n[Outcome.REFUSED.ordinal()], broken);
    }

    private static Outcome judge(String fileName, long allocationBudget, Read read) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        Outcome outcome;
        try {
            read.run();
            outcome = Outcome.LOADED;
        } catch (IOException | IllegalArgumentException e) {
            assertOneLineNaming(fileName, e);
            outcome = Outcome.REFUSED;
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated <= allocationBudget, () -> "allocated " + (allocated >> 20) + " MB, the budget is "
                + (allocationBudget >> 20) + " MB: the reader trusts a size it has not checked");
        return outcome;
    }

    static void assertOneLineNaming(String fileName, Exception e) {
        String m = e.getMessage();
        assertNotNull(m, () -> e.getClass().getName() + " without a message");
        assertFalse(m.isBlank(), "blank message");
        assertTrue(m.contains(fileName), () -> "the message does not name " + fileName + ": " + m);
        assertTrue(m.length() <= MAX_MESSAGE + fileName.length() + 100,
                () -> "a message of " + m.length() + " characters is not one line: " + m.substring(0, 200));
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            boolean breaks = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            int at = i;
            assertFalse(breaks, () -> String.format("control character U+%04X at %d of the message: %s", (int) c,
                    at, m));
        }
    }
}
