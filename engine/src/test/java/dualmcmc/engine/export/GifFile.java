package dualmcmc.engine.export;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A GIF read back with javax.imageio: its frames and each frame's native metadata tree. */
record GifFile(List<BufferedImage> frames, List<IIOMetadataNode> metadata) {
    static GifFile read(byte[] bytes) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            List<BufferedImage> frames = new ArrayList<>();
            List<IIOMetadataNode> meta = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                frames.add(reader.read(i));
                meta.add((IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0"));
            }
            return new GifFile(frames, meta);
        } finally {
            reader.dispose();
        }
    }

    /** Frame delay in milliseconds from its Graphic Control Extension. */
    int delayMs(int frame) {
        IIOMetadataNode gce = (IIOMetadataNode) metadata.get(frame).getElementsByTagName("GraphicControlExtension").item(0);
        return 10 * Integer.parseInt(gce.getAttribute("delayTime"));
    }

    /** The NETSCAPE2.0 loop count of the first frame, or -1 when the GIF does not loop. */
    int loopCount() {
        var apps = metadata.get(0).getElementsByTagName("ApplicationExtension");
        for (int i = 0; i < apps.getLength(); i++) {
            IIOMetadataNode app = (IIOMetadataNode) apps.item(i);
            if ("NETSCAPE".equals(app.getAttribute("applicationID")) && "2.0".equals(app.getAttribute("authenticationCode"))) {
                byte[] data = (byte[]) app.getUserObject();
                return data[0] == 1 ? (data[1] & 0xff) | (data[2] & 0xff) << 8 : -1;
            }
        }
        return -1;
    }

    /** Pixels of an image with exactly this RGB colour. */
    static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    static int grey(int level) {
        return level << 16 | level << 8 | level;
    }
}
