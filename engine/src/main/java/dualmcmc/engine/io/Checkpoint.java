package dualmcmc.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.data.DrawnData;
import dualmcmc.engine.model.Architectures;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.nn.Adam;
import dualmcmc.engine.nn.Init;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Parameter;
import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.progress.TrainingHistory;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One saved training state in one file (a zip, extension .dmcx): {@code manifest.json} (format
 * version, data set, full config, architecture, seed, iteration, batch position, metrics, creation
 * time) and .npy arrays (numpy reads them) for the three models' parameters and the three Adam
 * optimisers' moments, and the points themselves when the data set was drawn by hand ({@value
 * #DRAWN_POINTS}). Data, never Java serialisation. Written atomically (temp file, fsync,
 * rename), so an interrupted save leaves the previous file intact.
 *
 * <p>All randomness of iteration t derives from (seed, t), so seed, iteration, batch position and
 * optimiser state are the whole state: a resumed run continues exactly.
 */
public final class Checkpoint {
    public static final String FORMAT = "dualmcmc-checkpoint";
    /** 2: the manifest carries each array's SHA-256 (version 1 files still load, unchecked). */
    public static final int VERSION = 2;
    public static final String EXTENSION = ".dmcx";
    /** The points of a drawn data set, which no name and seed can regenerate. */
    static final String DRAWN_POINTS = "data/points.npy";
    private static final String KIND = "checkpoint";
    /**
     * The random state needs no array: every draw of iteration t (batch order, chain noise,
     * generator codes) comes from a generator seeded by (seed, t), so seed + iteration restore it.
     */
    private static final String RNG_SCHEME = "derived from (seed, iteration) per draw";

    private Checkpoint() {
    }

    /** A checkpoint read back: data, config and a trainer ready to continue. */
    public record Loaded(Dataset data, String dataDir, TrainingConfig config, long seed, long iteration,
                         DualMcmcTrainer trainer, JsonNode manifest) {
        public ModelSet models() {
            return trainer.models();
        }
    }

    public static void save(Path file, DualMcmcTrainer trainer, Path dataDir, Map<String, Object> metrics)
            throws IOException {
        save(file, trainer, dataDir, metrics, Map.of());
    }

    /**
     * As {@link #save(Path, DualMcmcTrainer, Path, Map)}, with {@code extra} manifest fields
     * (e.g. {@code recipe}: the command, seed and wall time that produced a bundled model).
     */
    public static void save(Path file, DualMcmcTrainer trainer, Path dataDir, Map<String, Object> metrics,
                            Map<String, Object> extra) throws IOException {
        ModelSet models = trainer.models();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("dataset", trainer.data().name());
        m.put("data_dir", dataDir == null ? null : dataDir.toString());
        m.put("seed", trainer.seed());
        m.put("iteration", trainer.iteration());
        m.put("batch_position", trainer.batches().position());
        m.put("config", trainer.config().values());
        m.put("rng", Map.of("scheme", RNG_SCHEME, "seed", trainer.seed(), "iteration", trainer.iteration()));
        Map<String, Object> arch = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            arch.put(ModelSet.networkNames().get(i), models.networks().get(i).describe());
        }
        m.put("architecture", arch);
        m.put("optimiser_steps", trainer.optimisers().stream().map(Adam::steps).toList());
        m.put("metrics", metrics == null ? Map.of() : metrics);
        m.put("history", trainer.history().toMap());
        m.put("created", Instant.now().toString());
        extra.forEach((k, v) -> {
            if (m.containsKey(k)) {
                throw new IllegalArgumentException("manifest field '" + k + "' is reserved");
            }
            m.put(k, v);
        });
        Map<String, INDArray> arrays = arrays(trainer);
        if (DrawnData.isDrawn(trainer.data().name())) {
            arrays.put(DRAWN_POINTS, trainer.data().x());
        }
        Map<String, Object> shapes = new LinkedHashMap<>();
        arrays.forEach((name, a) -> shapes.put(name, a.shape()));
        m.put("arrays", shapes);
        ArrayArchive.write(file, m, arrays);
    }

    /**
     * Parameters, optimiser moments and layer state by entry name, e.g. {@code ebm/0.weight.npy},
     * {@code adam/ebm/0.weight.m.npy}, {@code state/ebm/0.weight.u.npy} (spectral norm's vectors).
     */
    private static Map<String, INDArray> arrays(DualMcmcTrainer trainer) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        List<Network> nets = trainer.models().networks();
        for (int i = 0; i < nets.size(); i++) {
            String model = ModelSet.networkNames().get(i);
            Network net = nets.get(i);
            List<INDArray> moments = trainer.optimisers().get(i).moments();
            List<Parameter> ps = net.parameters();
            for (int j = 0; j < ps.size(); j++) {
                String name = net.parameterName(ps.get(j));
                out.put(model + "/" + name + ".npy", ps.get(j).value());
                out.put("adam/" + model + "/" + name + ".m.npy", moments.get(2 * j));
                out.put("adam/" + model + "/" + name + ".v.npy", moments.get(2 * j + 1));
            }
            net.state().forEach((name, a) -> out.put("state/" + model + "/" + name + ".npy", a));
        }
        return out;
    }

    /**
     * Reads a checkpoint; anything wrong (not a zip, truncated, wrong format or version, a damaged
     * entry, a missing, mis-shaped or non-finite array, a config that asks for more than the file
     * holds) is an IllegalArgumentException naming the file and the problem, and nothing of the
     * caller's state has been touched.
     */
    /**
     * Adds checksums to a checkpoint written before they existed (format version 1), in place; it
     * is loaded fully first, so a damaged file is refused rather than given checksums. False when
     * it has them already.
     */
    public static boolean addChecksums(Path file) throws IOException {
        load(file);
        return ArrayArchive.addChecksums(file, VERSION);
    }

    public static Loaded load(Path file) throws IOException {
        try (ArrayArchive.Reader r = ArrayArchive.Reader.open(file, KIND, FORMAT, VERSION)) {
            return load(r, file.toString());
        }
    }

    /** Reads a checkpoint from a stream (e.g. a bundled example on the classpath); {@code source} names it in messages. */
    public static Loaded load(InputStream in, String source) throws IOException {
        try (ArrayArchive.Reader r = ArrayArchive.Reader.open(in, source, KIND, FORMAT, VERSION)) {
            return load(r, source);
        }
    }

    /** The manifest alone, without building models: cheap enough for a gallery of examples. */
    public static JsonNode manifest(InputStream in, String source) throws IOException {
        return ArrayArchive.checkedManifest(ArrayArchive.manifest(in, source, KIND), FORMAT, VERSION, source);
    }

    private static Loaded load(ArrayArchive.Reader archive, String file) throws IOException {
        JsonNode m = archive.manifest();
        TrainingConfig cfg;
        Dataset data;
        try {
            Map<String, Object> values = new LinkedHashMap<>();
            m.path("config").fields().forEachRemaining(e -> values.put(e.getKey(), jsonValue(e.getValue())));
            cfg = new TrainingConfig(values);
            // the networks are built from the manifest's word: it must not ask for more than the file holds
            long needed = 4 * Architectures.minimumParameters(cfg);
            if (archive.declaredBytes() < needed) {
                throw new IllegalArgumentException("its config (arch " + cfg.arch() + ", width " + cfg.width()
                        + ") needs at least " + needed + " bytes of arrays, the file holds " + archive.declaredBytes());
            }
            String dataDir = m.hasNonNull("data_dir") ? m.get("data_dir").asText() : null;
            data = DrawnData.isDrawn(m.path("dataset").asText()) ? null : Datasets.load(m.path("dataset").asText(),
                    dataDir == null ? null : Path.of(dataDir), m.path("seed").asLong());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        if (data == null) {
            data = drawn(archive, m, file);
        }
        long seed = m.path("seed").asLong();
        ModelSet models = Architectures.build(cfg, data.shape(), new Init(Rng.derive(seed, "init"), DataType.FLOAT));
        DualMcmcTrainer trainer = new DualMcmcTrainer(models, data, cfg, seed);
        archive.fill(arrays(trainer));
        for (Network n : models.networks()) {
            n.parametersChanged(false);
        }
        JsonNode steps = m.path("optimiser_steps");
        for (int i = 0; i < 3; i++) {
            trainer.optimisers().get(i).setSteps(steps.path(i).asLong());
        }
        trainer.batches().setPosition(m.path("batch_position").asLong());
        trainer.setIteration(m.path("iteration").asLong());
        trainer.setHistory(history(m, file));
        String dataDir = m.hasNonNull("data_dir") ? m.get("data_dir").asText() : null;
        return new Loaded(data, dataDir, cfg, seed, trainer.iteration(), trainer, m);
    }

    /**
     * The drawn points the file carries, read as boundedly and checked as the models' arrays: the
     * manifest's shape must be [N, 2] with N in range before anything is allocated.
     */
    private static Dataset drawn(ArrayArchive.Reader archive, JsonNode m, String file) throws IOException {
        JsonNode shape = m.path("arrays").path(DRAWN_POINTS);
        long rows = shape.path(0).asLong(-1);
        if (shape.size() != 2 || shape.path(1).asLong() != 2 || rows < DrawnData.MIN_POINTS
                || rows > DrawnData.MAX_POINTS) {
            throw new IllegalArgumentException(file + ": " + DRAWN_POINTS + ": the drawn points' shape is missing"
                    + " or not [N, 2] with N in " + DrawnData.MIN_POINTS + ".." + DrawnData.MAX_POINTS
                    + " (manifest says " + (shape.isMissingNode() ? "nothing" : shape.toString()) + ")");
        }
        INDArray points = Nd4j.zeros(DataType.FLOAT, rows, 2);
        archive.fill(Map.of(DRAWN_POINTS, points));
        return DrawnData.of(points);
    }

    /** The curves saved with the models; files written before histories were kept have none. */
    private static TrainingHistory history(JsonNode m, String file) {
        if (!m.has("history")) {
            return new TrainingHistory();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> h = Json.MAPPER.convertValue(m.get("history"), Map.class);
            TrainingHistory history = TrainingHistory.fromMap(h);
            if (history.size() > 0 && history.rows().get(history.size() - 1).iteration() > m.path("iteration").asLong()) {
                throw new IllegalArgumentException("history: it goes past the checkpoint's iteration "
                        + m.path("iteration").asLong());
            }
            return history;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
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
