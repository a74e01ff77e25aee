package dualmcmc.engine.session;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.data.DrawnData;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.io.Examples;
import dualmcmc.engine.io.Json;
import dualmcmc.engine.train.TrainingSetup;
import dualmcmc.engine.util.Nd4jSetup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds or reads models for {@link Explorer#adopt}: fresh models of a data set, a checkpoint, a
 * bundled example. Keeps the last few data sets it loaded, so switching back is quick. Confined to
 * one thread (the app's worker); every failure is an exception whose message names the problem.
 */
public final class ModelLoader {
    /** Image sets are large: a few are enough for switching back and forth. */
    private static final int CACHED_DATASETS = 3;

    private final Map<String, Dataset> datasets = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Dataset> eldest) {
            return size() > CACHED_DATASETS;
        }
    };
    /**
     * The points of the last drawn data set loaded: no name regenerates them, and Reset, a new seed
     * or a preset rebuild the models on the data set by name.
     */
    private Dataset drawn;

    /** Fresh models of data set {@code name} (read from {@code dir} when it is an import), labelled {@code preset}. */
    public LoadedModels fresh(String name, Path dir, String preset, TrainingConfig cfg, long seed) throws IOException {
        Nd4jSetup.init();
        Dataset d = dataset(name, dir, seed);
        return LoadedModels.of(TrainingSetup.create(d, cfg, seed).trainer(), preset, seed, dir, null, null, null);
    }

    /**
     * Fresh models of a drawn data set: {@code points} are {@code [x, y]} rows in model units, at
     * least {@link DrawnData#MIN_POINTS} of them. The data set is named {@value DrawnData#NAME}.
     */
    public LoadedModels fresh(float[][] points, String preset, TrainingConfig cfg, long seed) {
        Nd4jSetup.init();
        Dataset d = DrawnData.of(points);
        LoadedModels m = LoadedModels.of(TrainingSetup.create(d, cfg, seed).trainer(), preset, seed, null, null, null,
                null);
        drawn = d;
        return m;
    }

    /** A checkpoint with its data set, config, seed, iteration and optimiser state. */
    public LoadedModels open(Path file) throws IOException {
        Nd4jSetup.init();
        return loaded(Checkpoint.load(file), file.getFileName().toString(), file, null);
    }

    /** A bundled example, as untitled models. */
    public LoadedModels example(String id) throws IOException {
        Nd4jSetup.init();
        return loaded(Examples.load(id), "example " + id, null, id);
    }

    /** The bundled example {@code id} when there is one, else fresh models of the data set of that name. */
    public LoadedModels exampleOrFresh(String id, long seed) throws IOException {
        if (Examples.find(id).isPresent()) {
            return example(id);
        }
        String preset = Presets.defaultFor(id);
        return fresh(id, null, preset, Presets.get(preset), seed);
    }

    private LoadedModels loaded(Checkpoint.Loaded l, String label, Path file, String example) {
        if (DrawnData.isDrawn(l.data().name())) {
            drawn = l.data();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = Json.MAPPER.convertValue(l.manifest().path("metrics"), LinkedHashMap.class);
        return LoadedModels.of(l.trainer(), label, l.seed(), l.dataDir() == null ? null : Path.of(l.dataDir()), file,
                example, metrics);
    }

    private Dataset dataset(String name, Path dir, long seed) throws IOException {
        if (DrawnData.isDrawn(name)) {
            if (drawn == null) {
                throw new IllegalArgumentException("no drawn data yet: draw some points first");
            }
            return drawn;
        }
        String key = name + "#" + dir + "#" + seed;
        Dataset d = datasets.get(key);
        if (d == null) {
            d = Datasets.load(name, dir, seed);
            datasets.put(key, d);
        }
        return d;
    }
}
