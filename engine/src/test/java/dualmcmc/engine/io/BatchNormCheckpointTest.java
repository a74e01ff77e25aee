package dualmcmc.engine.io;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.train.TrainingSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator's batch-norm running statistics of cifar10-paper survive a checkpoint round trip. */
class BatchNormCheckpointTest {
    @TempDir
    Path tmp;

    /** A CIFAR-10 binary batch of random pictures: label byte, then 3 x 32 x 32 bytes. */
    private Path tinyCifar(int records) throws IOException {
        byte[] bytes = new byte[records * (1 + 3 * 32 * 32)];
        new Random(3).nextBytes(bytes);
        for (int r = 0; r < records; r++) {
            bytes[r * (1 + 3 * 32 * 32)] = (byte) (r % 10);
        }
        Files.write(tmp.resolve("data_batch_1.bin"), bytes);
        return tmp;
    }

    private static Map<String, INDArray> runningStatistics(DualMcmcTrainer t) {
        Map<String, INDArray> out = new java.util.TreeMap<>();
        Network g = t.models().generator().network();
        g.state().forEach((name, a) -> {
            if (name.contains("running_")) {
                out.put(name, a.dup());
            }
        });
        return out;
    }

    @Test
    void runningStatisticsAreSavedAndRestored() throws IOException {
        TrainingConfig cfg = Presets.get("cifar10-paper").withValue("width", 8).withValue("nz", 4)
                .withValue("batch", 4).withValue("x_steps", 2).withValue("z_steps", 2);
        Path data = tinyCifar(8);
        DualMcmcTrainer t = TrainingSetup.create(Datasets.load("cifar10", data, 5), cfg, 5).trainer();
        Map<String, INDArray> fresh = runningStatistics(t);
        t.step();
        t.step();
        Map<String, INDArray> trained = runningStatistics(t);
        // 3 up-blocks with two batch norms each, plus the final one: a mean and a variance each
        assertEquals(2 * 7, trained.size(), trained.keySet().toString());
        assertTrue(trained.containsKey("2.main.0.running_mean") && trained.containsKey("5.running_var"),
                trained.keySet().toString());
        trained.forEach((name, a) -> assertNotEquals(fresh.get(name), a, name + " moved while training"));

        Path file = tmp.resolve("paper.dmcx");
        Checkpoint.save(file, t, data, Map.of());
        Checkpoint.Loaded back = Checkpoint.load(file);
        Map<String, INDArray> restored = runningStatistics(back.trainer());
        assertEquals(trained, restored);
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            assertTrue(zip.getEntry("state/generator/2.main.0.running_var.npy") != null);
            assertTrue(zip.getEntry("generator/2.main.0.gamma.npy") != null);
        }
    }
}
