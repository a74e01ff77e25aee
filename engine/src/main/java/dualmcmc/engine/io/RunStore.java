package dualmcmc.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.model.Architectures;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.nn.Init;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Parameter;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained run on disk: {@code manifest.json} (data set, config, seed, iteration, architecture)
 * and one {@code .npy} per parameter (numpy can read them). Every file is written atomically, the
 * manifest last, so a crash mid-save leaves the previous manifest pointing at complete arrays.
 */
public final class RunStore {
    public static final String FORMAT = "dualmcmc-run";
    public static final int VERSION = 1;

    private RunStore() {
    }

    /** What a run directory holds, loaded. */
    public record LoadedRun(Dataset data, String dataDir, TrainingConfig config, long seed, long iteration,
                            ModelSet models, JsonNode manifest) {
    }

    public static void save(Path dir, Dataset data, Path dataDir, TrainingConfig cfg, long seed, long iteration,
                            ModelSet models, Map<String, Object> metrics) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> arrays = new LinkedHashMap<>();
        List<Network> nets = models.networks();
        for (int i = 0; i < nets.size(); i++) {
            String model = ModelSet.networkNames().get(i);
            Network net = nets.get(i);
            for (Parameter p : net.parameters()) {
                String file = model + "." + net.parameterName(p) + ".npy";
                AtomicFiles.write(dir.resolve(file), Nd4j.toNpyByteArray(p.value()));
                arrays.put(file, p.value().shape());
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("dataset", data.name());
        m.put("data_dir", dataDir == null ? null : dataDir.toString());
        m.put("seed", seed);
        m.put("iteration", iteration);
        m.put("config", cfg.values());
        m.put("architecture", Map.of("ebm", nets.get(0).describe(), "generator", nets.get(1).describe(),
                "inference", nets.get(2).describe()));
        m.put("arrays", arrays);
        m.put("metrics", metrics == null ? Map.of() : metrics);
        m.put("created", Instant.now().toString());
        AtomicFiles.write(dir.resolve("manifest.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
    }

    public static LoadedRun load(Path dir) throws IOException {
        Path manifestFile = dir.resolve("manifest.json");
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(Files.readAllBytes(manifestFile));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(dir + " is not a run directory (no manifest.json)");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(manifestFile + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (!FORMAT.equals(m.path("format").asText()) || m.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException(manifestFile + ": expected format " + FORMAT + " version " + VERSION
                    + ", found " + m.path("format").asText("?") + " version " + m.path("version").asText("?"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        m.path("config").fields().forEachRemaining(e -> values.put(e.getKey(), jsonValue(e.getValue())));
        TrainingConfig cfg = new TrainingConfig(values);
        long seed = m.path("seed").asLong();
        String dataDir = m.hasNonNull("data_dir") ? m.get("data_dir").asText() : null;
        Dataset data = Datasets.load(m.path("dataset").asText(), dataDir == null ? null : Path.of(dataDir), seed);
        ModelSet models = Architectures.build(cfg, data.shape(), new Init(Rng.derive(seed, "init"), DataType.FLOAT));
        List<Network> nets = models.networks();
        for (int i = 0; i < nets.size(); i++) {
            String model = ModelSet.networkNames().get(i);
            for (Parameter p : nets.get(i).parameters()) {
                String file = model + "." + nets.get(i).parameterName(p) + ".npy";
                Path f = dir.resolve(file);
                if (!Files.exists(f)) {
                    throw new IllegalArgumentException(dir + ": missing array " + file);
                }
                INDArray a = Nd4j.createNpyFromByteArray(Files.readAllBytes(f));
                if (!Arrays.equals(a.shape(), p.value().shape())) {
                    throw new IllegalArgumentException(f + ": shape " + Arrays.toString(a.shape())
                            + " does not match the architecture's " + Arrays.toString(p.value().shape()));
                }
                p.value().assign(a.castTo(p.value().dataType()));
            }
            nets.get(i).parametersChanged(false);
        }
        return new LoadedRun(data, dataDir, cfg, seed, m.path("iteration").asLong(), models, m);
    }

    private static Object jsonValue(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber()) {
            return v.asInt();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        return v.asText();
    }
}
