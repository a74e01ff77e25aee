package dualmcmc.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The file layout shared by checkpoints and classifiers: a zip of {@code manifest.json} and named
 * .npy arrays (numpy reads them), written atomically. The manifest carries each array's SHA-256
 * ({@value #CHECKSUMS}), so a flipped bit anywhere in an array is caught even where the zip's own
 * CRC-32 (also checked) would be fooled by a rewritten entry.
 *
 * <p>Reading trusts nothing in the file: each message is one line naming the file and the entry.
 * The manifest is read first and bounded; an array is read only when the architecture built from
 * the manifest asks for it, at most as many bytes as that shape needs (a zip bomb or a lying
 * header cannot make it allocate more), checked against its CRC-32, its checksum, its declared
 * shape and for non-finite values; and only when every array has passed is anything the caller
 * holds overwritten.
 */
final class ArrayArchive {
    static final String MANIFEST = "manifest.json";
    /** Manifest field: entry name -> SHA-256 of its bytes (hex), since format version 2. */
    static final String CHECKSUMS = "sha256";
    /** Manifests are a few kilobytes; anything past this is not one. */
    private static final int MAX_MANIFEST = 1 << 20;
    /** A bundled archive is copied to a temporary file to be read like any other: no bundled one comes near this. */
    private static final long MAX_STREAMED = 1L << 30;
    /** Files that were read without checksums, named once each per run. */
    private static final Set<String> UNCHECKED_TOLD = ConcurrentHashMap.newKeySet();

    private ArrayArchive() {
    }

    /** Writes {@code manifest} plus the arrays' checksums, then the arrays, atomically. */
    static void write(Path file, Map<String, Object> manifest, Map<String, INDArray> arrays) throws IOException {
        Map<String, byte[]> npy = new LinkedHashMap<>();
        Map<String, String> sums = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            byte[] bytes = Nd4j.toNpyByteArray(e.getValue());
            // a file that could not be loaded back must not replace the last good one
            Npy.finiteFloats(bytes, e.getValue().shape(), file + ": not saved: " + e.getKey());
            npy.put(e.getKey(), bytes);
            sums.put(e.getKey(), sha256(bytes));
        }
        Map<String, Object> m = new LinkedHashMap<>(manifest);
        m.put(CHECKSUMS, sums);
        writeZip(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(m), npy);
    }

    /** The manifest first (a reader of a stream finds it before the arrays), then the arrays. */
    private static void writeZip(Path file, byte[] manifest, Map<String, byte[]> arrays) throws IOException {
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifest);
            zip.closeEntry();
            for (Map.Entry<String, byte[]> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /**
     * Adds the arrays' checksums to a file written before them, in place and atomically, entries
     * otherwise unchanged, and marks it {@code version}. The caller loads the file fully first, so
     * that checksums are never computed over damage. False when it has them already.
     */
    static boolean addChecksums(Path file, int version) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        ObjectNode m = (ObjectNode) Json.MAPPER.readTree(entries.get(MANIFEST));
        if (m.has(CHECKSUMS)) {
            return false;
        }
        ObjectNode sums = m.putObject(CHECKSUMS);
        entries.forEach((name, bytes) -> {
            if (!name.equals(MANIFEST)) {
                sums.put(name, sha256(bytes));
            }
        });
        m.put("version", version);
        entries.remove(MANIFEST);
        writeZip(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(m), entries);
        return true;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * An archive opened for reading: its manifest, checked for format and version, and its arrays
     * on demand ({@link #fill}). {@code kind} ("checkpoint", "classifier") words the messages.
     */
    static final class Reader implements Closeable {
        private final ZipFile zip;
        private final Path copy;
        private final String source;
        private final JsonNode manifest;
        private final JsonNode checksums;

        private Reader(ZipFile zip, Path copy, String source, String kind, String format, int version) throws IOException {
            this.zip = zip;
            this.copy = copy;
            this.source = source;
            try {
                // never extracted, but a name that would escape a folder marks a file made to harm
                zip.stream().forEach(e -> checkedName(e, source));
                ZipEntry e = zip.getEntry(MANIFEST);
                if (e == null) {
                    throw new IllegalArgumentException(source + ": not a " + kind + " (no " + MANIFEST + ")");
                }
                this.manifest = checkedManifest(entry(e, MAX_MANIFEST), format, version, source);
                this.checksums = manifest.get(CHECKSUMS);
                if (manifest.path("version").asInt() >= 2 && (checksums == null || !checksums.isObject())) {
                    throw new IllegalArgumentException(source + ": " + MANIFEST + " has no array checksums ("
                            + CHECKSUMS + "), which its version requires");
                }
            } catch (IOException | RuntimeException ex) {
                close();
                throw ex;
            }
        }

        static Reader open(Path file, String kind, String format, int version) throws IOException {
            ZipFile zip;
            try {
                zip = new ZipFile(file.toFile());
            } catch (NoSuchFileException | java.io.FileNotFoundException e) {
                throw new IllegalArgumentException("no such " + kind + ": " + file);
            } catch (ZipException | java.io.EOFException e) {
                throw unreadable(file.toString(), kind, e);
            }
            return new Reader(zip, null, file.toString(), kind, format, version);
        }

        /** Reads from a stream (a bundled archive on the classpath), through a temporary copy. */
        static Reader open(InputStream in, String source, String kind, String format, int version) throws IOException {
            Path copy = Files.createTempFile("dualmcmc-", ".zip");
            try {
                try (var out = Files.newOutputStream(copy)) {
                    if (in.transferTo(out) > MAX_STREAMED) {
                        throw new IllegalArgumentException(source + ": larger than any " + kind + " (over "
                                + (MAX_STREAMED >> 20) + " MB)");
                    }
                }
                ZipFile zip;
                try {
                    zip = new ZipFile(copy.toFile());
                } catch (ZipException | java.io.EOFException e) {
                    throw unreadable(source, kind, e);
                }
                return new Reader(zip, copy, source, kind, format, version);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(copy);
                throw e;
            }
        }

        /**
         * A zip whose directory is damaged: ZipException, or EOFException when a flipped bit makes the
         * end record point past the end of the file (found by ArchiveFuzzTest).
         */
        private static IllegalArgumentException unreadable(String source, String kind, IOException e) {
            String why = e.getMessage() == null ? "it ends early" : e.getMessage();
            return new IllegalArgumentException(source + ": not a readable " + kind + " (corrupt or truncated: "
                    + why + ")");
        }

        JsonNode manifest() {
            return manifest;
        }

        /** The arrays' sizes as the zip declares them, summed: what the file claims to hold, before reading any. */
        long declaredBytes() {
            return zip.stream().mapToLong(e -> Math.max(0, e.getSize())).sum();
        }

        /** Whether the arrays carry checksums (files from before format version 2 do not). */
        boolean checksummed() {
            return checksums != null;
        }

        /**
         * Copies each named array into the live array of the same name (and shape). Every array is
         * read and checked first; only then is any live array overwritten.
         */
        void fill(Map<String, INDArray> targets) throws IOException {
            if (checksums == null && UNCHECKED_TOLD.add(source)) {
                System.err.println("note: " + source + " has no checksums (written by an earlier version); "
                        + "its arrays are checked for shape and finite values only; saving it again, or "
                        + "`verify --add-checksums FILE`, adds them.");
            }
            Map<String, float[]> read = new HashMap<>();
            for (Map.Entry<String, INDArray> t : targets.entrySet()) {
                String name = t.getKey();
                long[] shape = t.getValue().shape();
                ZipEntry e = zip.getEntry(name);
                if (e == null) {
                    throw new IllegalArgumentException(source + ": missing array " + name);
                }
                byte[] bytes = entry(e, Npy.maxBytes(t.getValue().length()));
                if (checksums != null) {
                    String expected = checksums.path(name).asText(null);
                    if (expected == null) {
                        throw new IllegalArgumentException(source + ": " + name + " has no checksum in " + MANIFEST);
                    }
                    if (!expected.equalsIgnoreCase(sha256(bytes))) {
                        throw new IllegalArgumentException(source + ": " + name
                                + " is damaged (its SHA-256 differs from the manifest's)");
                    }
                }
                read.put(name, Npy.finiteFloats(bytes, shape, source + ": " + name));
            }
            // only now, with every array valid, is anything live overwritten
            read.forEach((name, values) -> {
                INDArray target = targets.get(name);
                target.assign(Nd4j.create(values, target.shape(), 'c').castTo(target.dataType()));
            });
        }

        /** An entry's bytes: at most {@code limit} of them, and matching the zip's CRC-32. */
        private byte[] entry(ZipEntry e, long limit) throws IOException {
            String name = checkedName(e, source);
            if (e.getSize() > limit) {
                throw new IllegalArgumentException(source + ": " + name + " declares " + e.getSize()
                        + " bytes, more than it can hold (" + limit + ")");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(e.getSize(), 0), limit));
            CRC32 crc = new CRC32();
            try (InputStream in = zip.getInputStream(e)) {
                byte[] buf = new byte[1 << 16];
                long total = 0;
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                    if (total > limit) {
                        throw new IllegalArgumentException(source + ": " + name + " holds more than "
                                + limit + " bytes, more than it can hold");
                    }
                    crc.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            } catch (ZipException | java.io.EOFException ex) {
                throw new IllegalArgumentException(source + ": " + name + " is corrupt or truncated ("
                        + ex.getMessage() + ")");
            }
            if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
                throw new IllegalArgumentException(source + ": " + name + " is damaged (CRC-32 mismatch)");
            }
            if (e.getSize() != -1 && out.size() != e.getSize()) {
                throw new IllegalArgumentException(source + ": " + name + " is truncated (" + out.size()
                        + " of " + e.getSize() + " bytes)");
            }
            return out.toByteArray();
        }

        @Override
        public void close() throws IOException {
            try {
                zip.close();
            } finally {
                if (copy != null) {
                    Files.deleteIfExists(copy);
                }
            }
        }
    }

    /** The manifest entry alone, read without inflating the arrays (the examples gallery). */
    static byte[] manifest(InputStream in, String source, String kind) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (MANIFEST.equals(e.getName())) {
                    byte[] bytes = zip.readNBytes(MAX_MANIFEST + 1);
                    if (bytes.length > MAX_MANIFEST) {
                        throw new IllegalArgumentException(source + ": " + MANIFEST + " is larger than "
                                + (MAX_MANIFEST >> 10) + " KB, not a manifest");
                    }
                    return bytes;
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new IllegalArgumentException(source + ": not a readable " + kind + " (" + e.getMessage() + ")");
        }
        throw new IllegalArgumentException(source + ": not a " + kind + " (no " + MANIFEST + ")");
    }

    /** Parses a manifest and checks it names the expected format and a version up to {@code version}. */
    static JsonNode checkedManifest(byte[] bytes, String format, int version, Object source) {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            // the parser's own message ends in a second line with its location: one line here
            String where = e.getLocation() == null ? "" : ", at line " + e.getLocation().getLineNr();
            throw new IllegalArgumentException(source + ": " + MANIFEST + " is not valid JSON ("
                    + e.getOriginalMessage().replaceAll("\\s+", " ") + where + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": " + MANIFEST + " is not valid JSON");
        }
        if (m == null || !m.isObject()) {
            throw new IllegalArgumentException(source + ": " + MANIFEST + " is not a JSON object");
        }
        int v = m.path("version").asInt(-1);
        if (!format.equals(m.path("format").asText()) || v < 1 || v > version) {
            throw new IllegalArgumentException(source + ": expected " + format + " version 1 to " + version
                    + ", found " + m.path("format").asText("?") + " version " + m.path("version").asText("?"));
        }
        return m;
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
