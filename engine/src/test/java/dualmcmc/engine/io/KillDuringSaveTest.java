package dualmcmc.engine.io;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.util.Nd4jSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process killed (SIGKILL, no shutdown hooks, no finally blocks) while it saves over its
 * checkpoint again and again must leave a complete checkpoint behind: the last good one.
 */
class KillDuringSaveTest {
    @TempDir
    Path tmp;

    /** The child: trains a wide model and saves it over the same file as fast as it can until killed. */
    public static void main(String[] args) throws Exception {
        Nd4jSetup.init();
        DualMcmcTrainer t = CheckpointTest.trainer(4, Presets.get("toy2d").withValue("width", 512)
                .withValue("batch", 16).withValue("x_steps", 1).withValue("z_steps", 1));
        Path file = Path.of(args[0]);
        while (true) {
            t.step();
            Checkpoint.save(file, t, null, null);
        }
    }

    @Test
    void killingTheProcessMidSaveLeavesTheLastGoodCheckpoint() throws Exception {
        Path file = tmp.resolve("model.dmcx");
        for (long killAfterMs : new long[]{300, 1100}) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), KillDuringSaveTest.class.getName(), file.toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
            try {
                long deadline = System.currentTimeMillis() + 60_000;
                while (!Files.exists(file) && System.currentTimeMillis() < deadline && child.isAlive()) {
                    Thread.sleep(20);
                }
                assertTrue(Files.exists(file), "the child saved nothing: " + Files.readString(tmp.resolve("child.log")));
                Thread.sleep(killAfterMs);   // somewhere in the middle of one of its saves
            } finally {
                child.destroyForcibly();     // SIGKILL on Linux
                child.waitFor(10, TimeUnit.SECONDS);
            }
            Checkpoint.Loaded last = Checkpoint.load(file);
            assertTrue(last.iteration() >= 1, "a complete checkpoint: iteration " + last.iteration());
        }
    }
}
