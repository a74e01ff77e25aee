package dualmcmc.engine.io;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.util.Nd4jSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process killed (SIGKILL, no shutdown hooks, no finally blocks) while it saves over its
 * checkpoint again and again must leave a complete checkpoint behind: the last good one. The
 * temporary file such a kill strands beside the checkpoint goes at the next save to it.
 */
class KillDuringSaveTest {
    @TempDir
    Path tmp;

    private static final String STALLED = "stalled in the middle of a save";

    /**
     * The child: trains a wide model and saves it over the same file as fast as it can until
     * killed; with a second argument {@code stall}, saves once and then stops in the middle of
     * the next save, so the kill lands there for sure.
     */
    public static void main(String[] args) throws Exception {
        Nd4jSetup.init();
        DualMcmcTrainer t = CheckpointTest.trainer(4, Presets.get("toy2d").withValue("width", 512)
                .withValue("batch", 16).withValue("x_steps", 1).withValue("z_steps", 1));
        Path file = Path.of(args[0]);
        if (args.length > 1 && args[1].equals("stall")) {
            t.step();
            Checkpoint.save(file, t, null, null);
            AtomicFiles.write(file, out -> {
                out.write(new byte[]{'P', 'K', 3, 4});
                out.flush();
                System.out.println(STALLED);
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
            });
        }
        while (true) {
            t.step();
            Checkpoint.save(file, t, null, null);
        }
    }

    private Process child(Path file, String... more) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KillDuringSaveTest.class.getName(), file.toString()));
        cmd.addAll(List.of(more));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile())
                .start();
    }

    private void await(String what, Process child, BooleanSupplier done) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!done.getAsBoolean() && System.currentTimeMillis() < deadline && child.isAlive()) {
            Thread.sleep(20);
        }
        assertTrue(done.getAsBoolean(), what + ": " + Files.readString(tmp.resolve("child.log")));
    }

    private static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();     // SIGKILL on Linux
        child.waitFor(10, TimeUnit.SECONDS);
    }

    /** The temporary files beside {@code file}: what a save killed before its rename leaves. */
    private static List<Path> leftovers(Path file) throws Exception {
        try (Stream<Path> s = Files.list(file.getParent())) {
            return s.filter(p -> AtomicFiles.isLeftover(p.getFileName().toString(),
                    file.getFileName().toString()::equals)).toList();
        }
    }

    @Test
    void killingTheProcessMidSaveLeavesTheLastGoodCheckpoint() throws Exception {
        Path file = tmp.resolve("model.dmcx");
        for (long killAfterMs : new long[]{300, 1100}) {
            Process child = child(file);
            try {
                await("the child saved nothing", child, () -> Files.exists(file));
                Thread.sleep(killAfterMs);   // somewhere in the middle of one of its saves
            } finally {
                kill(child);
            }
            Checkpoint.Loaded last = Checkpoint.load(file);
            assertTrue(last.iteration() >= 1, "a complete checkpoint: iteration " + last.iteration());
        }
    }

    @Test
    void theTemporaryFileOfAKilledSaveGoesAtTheNextSave() throws Exception {
        Path file = tmp.resolve("model.dmcx");
        Process child = child(file, "stall");
        try {
            await("the child did not stall mid-save", child, () -> {
                try {
                    return Files.readString(tmp.resolve("child.log")).contains(STALLED);
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        } finally {
            kill(child);
        }
        assertEquals(1, leftovers(file).size(), "the killed save stranded its temporary file");
        Checkpoint.Loaded last = Checkpoint.load(file);
        assertEquals(1, last.iteration(), "the last good checkpoint");

        last.trainer().step();
        Checkpoint.save(file, last.trainer(), null, null);
        assertEquals(List.of(), leftovers(file), "the next save removed it");
        assertEquals(2, Checkpoint.load(file).iteration());
    }
}
