package dualmcmc.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The file layout shared by checkpoints and classifiers: a zip of {@code manifest.json} and named
 * .npy arrays (numpy reads them), written atomically. Reading checks what a hostile or damaged
 * file could get wrong (corrupt zip, entry names escaping the archive, missing or mis-shaped
 * arrays) and names the file and the problem in an IllegalArgumentException.
 */
final class ArrayArchive {
    static final String MANIFEST = "manifest.json";

    private ArrayArchive() {
    }

    static void write(Path file, Object manifest, Map<String, INDArray> arrays) throws IOException {
        byte[] json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(json);
            zip.closeEntry();
            for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(Nd4j.toNpyByteArray(e.getValue()));
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /** All entries of {@code file}; {@code kind} ("checkpoint", "classifier") words the messages. */
    static Map<String, byte[]> read(Path file, String kind) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                String name = checkedName(e, file);
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(name, in.readAllBytes());
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such " + kind + ": " + file);
        } catch (ZipException | java.io.EOFException e) {
            throw new IllegalArgumentException(file + ": not a readable " + kind + " (corrupt or truncated: "
                    + e.getMessage() + ")");
        }
        return entries;
    }

    static Map<String, byte[]> read(InputStream in, String source, String kind) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(checkedName(e, source), zip.readAllBytes());
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new IllegalArgumentException(source + ": not a readable " + kind + " (corrupt or truncated: "
                    + e.getMessage() + ")");
        }
        return entries;
    }

    /** The manifest entry alone, read without inflating the arrays. */
    static byte[] manifest(InputStream in, String source, String kind) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (MANIFEST.equals(e.getName())) {
                    return zip.readAllBytes();
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new IllegalArgumentException(source + ": not a readable " + kind + " (" + e.getMessage() + ")");
        }
        throw new IllegalArgumentException(source + ": not a " + kind + " (no " + MANIFEST + ")");
    }

    /** Parses a manifest and checks it names the expected format and version. */
    static JsonNode checkedManifest(byte[] bytes, String format, int version, Object source) {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": manifest is not valid JSON: " + e.getMessage());
        }
        if (!format.equals(m.path("format").asText()) || m.path("version").asInt(-1) != version) {
            throw new IllegalArgumentException(source + ": expected " + format + " version " + version + ", found "
                    + m.path("format").asText("?") + " version " + m.path("version").asText("?"));
        }
        return m;
    }

    /** The checked manifest of a read archive; an archive without one is not a {@code kind}. */
    static JsonNode checkedManifest(Map<String, byte[]> entries, String format, int version, Object source,
                                    String kind) {
        byte[] bytes = entries.get(MANIFEST);
        if (bytes == null) {
            throw new IllegalArgumentException(source + ": not a " + kind + " (no " + MANIFEST + ")");
        }
        return checkedManifest(bytes, format, version, source);
    }

    /** Copies each named array of {@code entries} into the live array of the same name, checking shapes first. */
    static void fill(Map<String, byte[]> entries, Map<String, INDArray> targets, Object source) {
        Map<String, INDArray> read = new HashMap<>();
        for (Map.Entry<String, INDArray> e : targets.entrySet()) {
            byte[] bytes = entries.get(e.getKey());
            if (bytes == null) {
                throw new IllegalArgumentException(source + ": missing array " + e.getKey());
            }
            INDArray a;
            try {
                a = Nd4j.createNpyFromByteArray(bytes);
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException(source + ": " + e.getKey() + " is not a valid .npy array");
            }
            if (!Arrays.equals(a.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException(source + ": " + e.getKey() + " has shape "
                        + Arrays.toString(a.shape()) + ", the architecture needs "
                        + Arrays.toString(e.getValue().shape()));
            }
            read.put(e.getKey(), a);
        }
        // only now, with every array valid, is anything live overwritten
        read.forEach((name, a) -> targets.get(name).assign(a.castTo(targets.get(name).dataType())));
    }

    /** Refuses entry names that would resolve outside the archive (zip slip) if anyone extracted it. */
    private static String checkedName(ZipEntry e, Object source) {
        String name = e.getName();
        if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
            throw new IllegalArgumentException(source + ": entry '" + name + "' points outside the archive");
        }
        return name;
    }
}
