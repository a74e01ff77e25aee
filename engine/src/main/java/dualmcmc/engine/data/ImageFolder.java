package dualmcmc.engine.data;

import dualmcmc.engine.util.OneLine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Imports a folder of PNG, JPEG, GIF or BMP pictures (e.g. the Twitter emoji set) as images of a
 * chosen {@link SampleShape}. When the folder has subfolders holding images, each of those
 * subfolders is a class (in name order) and pictures lying loose next to them are ignored;
 * otherwise every picture of the folder itself is class 0, named after the folder. Files are
 * loaded in sorted path order so that the same folder always gives the same data set. Hidden
 * files are skipped: copies from macOS carry "._name.png" resource forks that are not images.
 */
public final class ImageFolder {

    /** Keeps an import within memory and start-up time: 20,000 colour 32x32 images are 245 MB. */
    public static final int DEFAULT_LIMIT = 20_000;
    /**
     * The largest picture decoded, 2^25 pixels (e.g. 8192x4096, 128 MB decoded): more than any
     * camera's photo, far less than the heap.
     */
    public static final long MAX_PIXELS = 1L << 25;
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "gif", "bmp");

    private static final System.Logger LOG = System.getLogger(ImageFolder.class.getName());

    /** The pictures of a folder in load order, each with its class. */
    public record Listing(Path folder, List<Path> files, int[] labels, List<String> classNames) {

        public Listing {
            files = List.copyOf(files);
            labels = labels.clone();
            classNames = List.copyOf(classNames);
        }

        @Override
        public int[] labels() {
            return labels.clone();
        }

        public int size() {
            return files.size();
        }

        /**
         * At most {@code limit} pictures, evenly spaced through the sorted list: taking the first
         * ones would drop whole classes, since the list is sorted by class folder.
         */
        public Listing capped(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("image limit must be positive, got " + limit);
            }
            if (size() <= limit) {
                return this;
            }
            List<Path> keptFiles = new ArrayList<>(limit);
            int[] keptLabels = new int[limit];
            for (int i = 0; i < limit; i++) {
                int source = (int) ((long) i * size() / limit);
                keptFiles.add(files.get(source));
                keptLabels[i] = labels[source];
            }
            return new Listing(folder, keptFiles, keptLabels, classNames);
        }
    }

    private ImageFolder() {
    }

    /** {@link #read(String, Path, SampleShape, int)} with at most {@value #DEFAULT_LIMIT} images. */
    public static Dataset read(String name, Path folder, SampleShape target) throws IOException {
        return read(name, folder, target, DEFAULT_LIMIT);
    }

    /**
     * Reads the pictures of {@code folder} resized to {@code target} (1 channel: grey, 3: colour);
     * when there are more than {@code limit}, an evenly spaced {@code limit} of them, which is
     * logged as a warning.
     */
    public static Dataset read(String name, Path folder, SampleShape target, int limit) throws IOException {
        ImageSamples.requireSupported(target);
        Listing all = scan(folder);
        Listing used = all.capped(limit);
        if (used.size() < all.size()) {
            LOG.log(System.Logger.Level.WARNING, "{0}: {1} images found, using {2} evenly spaced ones (the limit)",
                    folder, all.size(), used.size());
        }
        RowWriter rows = new RowWriter(used.size(), target.size());
        for (Path file : used.files()) {
            rows.add(ImageSamples.toRow(decode(file), target));
        }
        return Dataset.ofImages(name, target, rows.finish(), used.labels(), used.classNames());
    }

    /** Lists the pictures and classes of {@code folder} without decoding any (see the class comment). */
    public static Listing scan(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " does not exist or is not a folder (expected a folder of images)");
        }
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (Path sub : subfolders(folder)) {
            List<Path> pictures = pictures(sub, Integer.MAX_VALUE);
            if (!pictures.isEmpty()) {
                files.addAll(pictures);
                pictures.forEach(p -> labels.add(classes.size()));
                classes.add(sub.getFileName().toString());
            }
        }
        if (classes.isEmpty()) {
            files.addAll(pictures(folder, 1));
            labels.addAll(Collections.nCopies(files.size(), 0));
            classes.add(folderName(folder));
        }
        if (files.isEmpty()) {
            throw new IOException(folder + ": no images found, looked for ." + String.join(", .", EXTENSIONS)
                    + " files in the folder and in its subfolders");
        }
        return new Listing(folder, files, labels.stream().mapToInt(Integer::intValue).toArray(), classes);
    }

    /**
     * Decodes one picture; any failure is reported with the file's name. The size is read from the
     * header first and checked against {@link #MAX_PIXELS}: decoders allocate the whole picture
     * from the size its header declares, so a damaged one declaring 100000x100000 pixels would
     * otherwise run the program out of memory before a byte of image data is read. A decoder's
     * warning (e.g. "Premature end of JPEG file") is a refusal too: the decoder has filled in the
     * missing part with grey, and that is not the picture.
     */
    static BufferedImage decode(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException(file + ": not a readable image, no PNG, JPEG, GIF or BMP decoder recognises"
                        + " its content");
            }
            ImageReader reader = readers.next();
            try {
                return decode(file, in, reader);
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage decode(Path file, ImageInputStream in, ImageReader reader) throws IOException {
        List<String> warnings = new ArrayList<>();
        int width;
        int height;
        try {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        }
        if (width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
            throw new IOException(file + ": its header declares " + width + "x" + height + " pixels; pictures of 1 to "
                    + MAX_PIXELS + " pixels are imported (a damaged file, or shrink the picture)");
        }
        BufferedImage image;
        try {
            image = reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        }
        if (!warnings.isEmpty()) {
            throw new IOException(file + ": damaged image data, the decoder warns " + OneLine.quote(warnings.get(0)));
        }
        return image;
    }

    /** Decoders throw anything from IIOException to ArrayIndexOutOfBounds on damaged data. */
    private static IOException unreadable(Path file, Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new IOException(file + ": not a readable image (" + OneLine.clean(detail) + ")", e);
    }

    private static List<Path> subfolders(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> !isHidden(p.getFileName()) && Files.isDirectory(p)).sorted().toList();
        }
    }

    /** Picture files in {@code folder} down to {@code depth} levels (1: the folder itself), sorted by path. */
    private static List<Path> pictures(Path folder, int depth) throws IOException {
        try (Stream<Path> s = Files.walk(folder, depth)) {
            return s.filter(p -> isPicture(p) && !isHidden(folder.relativize(p)) && Files.isRegularFile(p))
                    .sorted().toList();
        }
    }

    private static boolean isPicture(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** True when any name of the (relative) path starts with a dot. */
    private static boolean isHidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String folderName(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? "images" : name.toString();
    }
}
