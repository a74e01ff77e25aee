package dualmcmc.engine.export;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes frames as a looping animated GIF with javax.imageio: each frame's delay goes into its
 * Graphic Control Extension, the NETSCAPE2.0 application extension of the first frame makes
 * viewers loop forever. A frame of at most 256 colours (grey images, captions) is stored with an
 * exact palette; richer frames are left to the writer's own quantiser.
 */
final class GifWriter {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private GifWriter() {
    }

    static byte[] encode(List<BufferedImage> frames, int[] delaysMs) throws IOException {
        if (frames.isEmpty() || frames.size() != delaysMs.length) {
            throw new IllegalArgumentException(frames.size() + " frames need as many delays, got " + delaysMs.length);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = exactPalette(frames.get(i));
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
                configure(meta, delaysMs[i], i == 0, frame.getColorModel());
                writer.writeToSequence(new IIOImage(frame, null, meta), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static void configure(IIOMetadata meta, int delayMs, boolean first, ColorModel colours)
            throws IIOInvalidTreeException {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        if (colours instanceof IndexColorModel palette) {
            // without an explicit local table the writer pairs our indices with its default palette
            IIOMetadataNode table = child(root, "LocalColorTable");
            root.replaceChild(localColorTable(palette), table);
        }
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("transparentColorIndex", "0");
        gce.setAttribute("delayTime", Integer.toString(Math.max(1, Math.round(delayMs / 10f))));
        if (first) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[]{1, 0, 0}); // sub-block 1: loop count 0 = forever
            child(root, "ApplicationExtensions").appendChild(app);
        }
        meta.setFromTree(FORMAT, root);
    }

    private static IIOMetadataNode localColorTable(IndexColorModel palette) {
        int n = palette.getMapSize();
        int size = 2;
        while (size < n) {
            size *= 2;
        }
        IIOMetadataNode table = new IIOMetadataNode("LocalColorTable");
        table.setAttribute("sizeOfLocalColorTable", Integer.toString(size));
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < size; i++) {
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString(i < n ? palette.getRed(i) : 0));
            entry.setAttribute("green", Integer.toString(i < n ? palette.getGreen(i) : 0));
            entry.setAttribute("blue", Integer.toString(i < n ? palette.getBlue(i) : 0));
            table.appendChild(entry);
        }
        return table;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /** The frame as an indexed image with exactly its colours, or itself when it has more than 256. */
    static BufferedImage exactPalette(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        Map<Integer, Integer> index = new LinkedHashMap<>();
        for (int c : rgb) {
            if (index.putIfAbsent(c & 0xffffff, index.size()) == null && index.size() > 256) {
                return img;
            }
        }
        int n = Math.max(2, index.size());
        byte[] r = new byte[n];
        byte[] g = new byte[n];
        byte[] b = new byte[n];
        index.forEach((c, i) -> {
            r[i] = (byte) (c >> 16);
            g[i] = (byte) (c >> 8);
            b[i] = (byte) (int) c;
        });
        IndexColorModel cm = new IndexColorModel(8, n, r, g, b);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, cm);
        byte[] pixels = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            pixels[i] = index.get(rgb[i] & 0xffffff).byteValue();
        }
        out.getRaster().setDataElements(0, 0, w, h, pixels);
        return out;
    }
}
