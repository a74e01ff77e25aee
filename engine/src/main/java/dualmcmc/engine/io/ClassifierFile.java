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
    /** 2: the manifest carries each array's SHA-256 (version 1 files still load, unchecked). */
    public static final int VERSION = 2;
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

    /**
     * Adds checksums to a classifier written before they existed (format version 1), in place; it
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

    /** The classifier bundled for {@code dataset}, if the project ships one. */
    public static Optional<Loaded> bundled(String dataset) throws IOException {
        String path = BUNDLED + dataset + EXTENSION;
        if (!Assets.exists(path)) {
            return Optional.empty();
        }
        try (InputStream in = Assets.open(path);
             ArrayArchive.Reader r = ArrayArchive.Reader.open(in, "bundled " + path, KIND, FORMAT, VERSION)) {
            return Optional.of(load(r, "bundled " + path));
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

    /** Sample shapes and class counts a classifier file may ask for: it is built before its arrays are read. */
    private static final int MAX_CHANNELS = 4;
    private static final int MAX_SIDE = 256;
    private static final int MAX_CLASSES = 1000;

    private static Loaded load(ArrayArchive.Reader archive, String source) throws IOException {
        JsonNode m = archive.manifest();
        JsonNode shape = m.path("shape");
        int c = shape.path(0).asInt();
        int h = shape.path(1).asInt();
        int w = shape.path(2).asInt();
        int classes = m.path("classes").asInt();
        if (c < 1 || c > MAX_CHANNELS || h < 1 || h > MAX_SIDE || w < 1 || w > MAX_SIDE
                || classes < 2 || classes > MAX_CLASSES) {
            throw new IllegalArgumentException(source + ": unsupported classifier shape " + shape + " with "
                    + m.path("classes") + " classes (channels 1-" + MAX_CHANNELS + ", sides 1-" + MAX_SIDE
                    + ", classes 2-" + MAX_CLASSES + ")");
        }
        Classifier cl;
        try {
            cl = Classifier.build(new SampleShape(c, h, w), classes, new Init(Rng.of(0), DataType.FLOAT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
        archive.fill(arrays(cl));
        return new Loaded(cl, m.path("dataset").asText(), m.path("test_accuracy").asDouble(Double.NaN), m);
    }
}
