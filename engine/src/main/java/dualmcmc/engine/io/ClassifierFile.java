package dualmcmc.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import dualmcmc.engine.data.Assets;
import dualmcmc.engine.data.SampleShape;
import dualmcmc.engine.model.Classifier;
import dualmcmc.engine.nn.Init;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Parameter;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trained feature classifier in one file ({@code .dmcc}: the checkpoint layout with its own
 * format name): manifest (data set, sample shape, classes, test accuracy, recipe) and parameters.
 * The project bundles one per image data set under {@code assets/classifiers/}.
 */
public final class ClassifierFile {
    public static final String FORMAT = "dualmcmc-classifier";
    public static final int VERSION = 1;
    public static final String EXTENSION = ".dmcc";
    private static final String KIND = "classifier";
    private static final String BUNDLED = "classifiers/";

    private ClassifierFile() {
    }

    public record Loaded(Classifier classifier, String dataset, double testAccuracy, JsonNode manifest) {
    }

    /** {@code info} adds fields such as {@code test_accuracy} and {@code recipe} to the manifest. */
    public static void save(Path file, Classifier c, String dataset, Map<String, Object> info) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("dataset", dataset);
        SampleShape s = c.shape();
        m.put("shape", List.of(s.channels(), s.height(), s.width()));
        m.put("classes", c.classes());
        m.put("created", Instant.now().toString());
        m.putAll(info);
        ArrayArchive.write(file, m, arrays(c));
    }

    public static Loaded load(Path file) throws IOException {
        return load(ArrayArchive.read(file, KIND), file.toString());
    }

    /** The classifier bundled for {@code dataset}, if the project ships one. */
    public static Optional<Loaded> bundled(String dataset) throws IOException {
        String path = BUNDLED + dataset + EXTENSION;
        if (!Assets.exists(path)) {
            return Optional.empty();
        }
        try (InputStream in = Assets.open(path)) {
            return Optional.of(load(ArrayArchive.read(in, "bundled " + path, KIND), "bundled " + path));
        }
    }

    private static Map<String, INDArray> arrays(Classifier c) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            Network n = c.networks().get(i);
            for (Parameter p : n.parameters()) {
                out.put(Classifier.networkNames().get(i) + "/" + n.parameterName(p) + ".npy", p.value());
            }
        }
        return out;
    }

    private static Loaded load(Map<String, byte[]> entries, String source) throws IOException {
        JsonNode m = ArrayArchive.checkedManifest(entries, FORMAT, VERSION, source, KIND);
        JsonNode shape = m.path("shape");
        SampleShape s = new SampleShape(shape.path(0).asInt(), shape.path(1).asInt(), shape.path(2).asInt());
        Classifier c = Classifier.build(s, m.path("classes").asInt(), new Init(Rng.of(0), DataType.FLOAT));
        ArrayArchive.fill(entries, arrays(c), source);
        return new Loaded(c, m.path("dataset").asText(), m.path("test_accuracy").asDouble(Double.NaN), m);
    }
}
