package dualmcmc.engine.io;

import dualmcmc.engine.TorchReference;
import com.fasterxml.jackson.databind.JsonNode;
import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.model.Posterior;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.util.Nd4jSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bench/dualmcmc/convert_paper.py turns a checkpoint of the paper's PyTorch code into a .dmcx whose networks
 * compute what the paper's do: check_converter.py builds them (paper_nets.py) at width 16 with random weights,
 * saves them as the paper's train.py does and converts them; the file then loads through the ordinary
 * {@link Checkpoint#load} (with a small CIFAR-10 batch file as its data set), and the engine's energies,
 * generator outputs and inference means and log-variances match torch's to 1e-5. Skipped where PyTorch is
 * not installed.
 */
class PaperConverterTest {
    private static final double TOLERANCE = 1e-5;

    @Test
    void convertedPaperNetworksComputeWhatTorchComputes(@TempDir Path tmp) throws Exception {
        TorchReference.assumeInstalled();
        Nd4jSetup.init();
        Path data = cifarBatch(tmp.resolve("cifar"));

        JsonNode torch = TorchReference.run("check_converter.py", tmp.toString(), data.toString());

        Path converted = tmp.resolve("paper.dmcx");
        Checkpoint.Loaded loaded = Checkpoint.load(converted);
        ModelSet m = loaded.models();
        INDArray x = matrix(torch.get("x"));
        INDArray z = matrix(torch.get("z"));
        TorchReference.assertClose("E(x)", m.energy().energy(x).reshape(-1, 1), torch.get("energy"), true, TOLERANCE);
        TorchReference.assertClose("g(z)", m.generator().generate(z), torch.get("generated"), false, TOLERANCE);
        Posterior q = m.inference().infer(x);
        TorchReference.assertClose("mu(x)", q.mu(), torch.get("mu"), false, TOLERANCE);
        TorchReference.assertClose("logvar(x)", q.logvar(), torch.get("logvar"), false, TOLERANCE);

        // the converter's copy of the preset and its wording of the networks are the engine's own
        Map<String, Object> preset = new LinkedHashMap<>(Presets.get("cifar10-paper").values());
        preset.put("width", 16);
        preset.put("nz", 8);
        assertEquals(new TrainingConfig(preset).values(), loaded.config().values(), "config");
        for (int i = 0; i < 3; i++) {
            String name = ModelSet.networkNames().get(i);
            Network net = m.networks().get(i);
            assertEquals(net.describe(), loaded.manifest().path("architecture").path(name).asText(), name);
        }
        assertEquals(data.toAbsolutePath().toString(), loaded.dataDir(), "the data folder the app will load");
        assertEquals(0, loaded.iteration());

        // loading reads only the arrays it needs: the file must hold exactly what the engine writes, no
        // stray entry a mapping slip could leave behind
        Path resaved = tmp.resolve("resaved.dmcx");
        Checkpoint.save(resaved, loaded.trainer(), data, Map.of());
        assertEquals(entries(resaved), entries(converted), "entries of the converted file");

        JsonNode refusals = torch.get("refusals");
        assertRefused(refusals, "extra", "block3.sc.weight_orig");
        assertRefused(refusals, "missing", "block3.bn_2.running_var");
        assertRefused(refusals, "shape", "conv52.bias");
    }

    /** One CIFAR-10 binary batch of 100 random records (label byte, 3072 pixel bytes): a loadable data set. */
    private static Path cifarBatch(Path dir) throws Exception {
        Files.createDirectories(dir);
        byte[] records = new byte[100 * 3073];
        new Random(3).nextBytes(records);
        for (int i = 0; i < 100; i++) {
            records[i * 3073] = (byte) (i % 10);
        }
        Files.write(dir.resolve("data_batch_1.bin"), records);
        return dir;
    }

    private static Set<String> entries(Path file) throws Exception {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Set<String> names = new TreeSet<>();
            zip.stream().forEach(e -> names.add(e.getName()));
            return names;
        }
    }

    private static void assertRefused(JsonNode refusals, String what, String key) {
        String message = refusals.path(what).asText(null);
        assertNotNull(message, what + ": the converter accepted a broken checkpoint");
        assertTrue(message.contains(key) && !message.contains("\n"), what + ": one line naming " + key + ": "
                + message);
    }

    private static INDArray matrix(JsonNode rows) {
        float[][] a = new float[rows.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = new float[rows.get(i).size()];
            for (int j = 0; j < a[i].length; j++) {
                a[i][j] = (float) rows.get(i).get(j).asDouble();
            }
        }
        return Nd4j.createFromArray(a);
    }
}
