package dualmcmc.engine.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * Turns a decoded picture into one data row of a target {@link SampleShape}: transparency
 * composited over white, centre-cropped to the target's aspect ratio, converted to grey if the
 * target has one channel, resampled to the target size and scaled to model units.
 */
final class ImageSamples {

    /** ITU-R BT.601 luma weights, the usual colour-to-grey conversion (PIL's "L", OpenCV). */
    private static final float LUMA_R = 0.299f;
    private static final float LUMA_G = 0.587f;
    private static final float LUMA_B = 0.114f;

    private ImageSamples() {
    }

    static void requireSupported(SampleShape target) {
        if (target.channels() != 1 && target.channels() != 3) {
            throw new IllegalArgumentException("images are imported as grey (1 channel) or colour (3 channels), not "
                    + target.channels() + " channels");
        }
    }

    /** The row of {@code target.size()} values in [-1, 1], channel-major (C, H, W). */
    static float[] toRow(BufferedImage image, SampleShape target) {
        requireSupported(target);
        int[] crop = centreCrop(image.getWidth(), image.getHeight(), target.width(), target.height());
        float[][] planes = planes(overWhite(image), crop, target.channels());
        int area = target.height() * target.width();
        float[] row = new float[target.size()];
        for (int c = 0; c < planes.length; c++) {
            float[] resized = resize(planes[c], crop[2], crop[3], target.width(), target.height());
            for (int i = 0; i < area; i++) {
                row[c * area + i] = Pixels.toModelUnits(resized[i]);
            }
        }
        return row;
    }

    /**
     * An opaque sRGB copy drawn over white. Emoji and icons are mostly transparent, and their
     * transparent pixels often hold black, which read directly would turn the background black.
     */
    static BufferedImage overWhite(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /**
     * {x, y, width, height} of the largest centred region with the target's aspect ratio:
     * stretching instead would distort the shapes the models are meant to learn.
     */
    static int[] centreCrop(int width, int height, int targetWidth, int targetHeight) {
        long wide = (long) width * targetHeight;
        long tall = (long) height * targetWidth;
        int w = width;
        int h = height;
        if (wide > tall) {
            w = (int) Math.max(1, Math.round((double) height * targetWidth / targetHeight));
        } else if (tall > wide) {
            h = (int) Math.max(1, Math.round((double) width * targetHeight / targetWidth));
        }
        return new int[] {(width - w) / 2, (height - h) / 2, w, h};
    }

    /** The cropped region as R, G, B planes (or one luma plane) of intensities 0..255. */
    private static float[][] planes(BufferedImage rgb, int[] crop, int channels) {
        int w = crop[2];
        int h = crop[3];
        int[] argb = rgb.getRGB(crop[0], crop[1], w, h, null, 0, w);
        float[][] planes = new float[channels][w * h];
        for (int i = 0; i < argb.length; i++) {
            float r = (argb[i] >> 16) & 0xff;
            float g = (argb[i] >> 8) & 0xff;
            float b = argb[i] & 0xff;
            if (channels == 1) {
                planes[0][i] = LUMA_R * r + LUMA_G * g + LUMA_B * b;
            } else {
                planes[0][i] = r;
                planes[1][i] = g;
                planes[2][i] = b;
            }
        }
        return planes;
    }

    /** Separable resampling of a row-major plane: area averaging where it shrinks, bilinear where it grows. */
    static float[] resize(float[] plane, int width, int height, int newWidth, int newHeight) {
        Axis horizontal = Axis.of(width, newWidth);
        Axis vertical = Axis.of(height, newHeight);
        float[] rows = new float[height * newWidth];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < newWidth; x++) {
                rows[y * newWidth + x] = horizontal.apply(x, plane, y * width, 1);
            }
        }
        float[] out = new float[newHeight * newWidth];
        for (int y = 0; y < newHeight; y++) {
            for (int x = 0; x < newWidth; x++) {
                out[y * newWidth + x] = vertical.apply(y, rows, x, newWidth);
            }
        }
        return out;
    }

    /** For each output index along one axis, the source indices it reads and their weights (summing to 1). */
    private record Axis(int[] first, float[][] weights) {

        static Axis of(int size, int newSize) {
            return newSize <= size ? area(size, newSize) : bilinear(size, newSize);
        }

        /**
         * Output pixel j averages the source interval [j*s, (j+1)*s), s = size/newSize, each
         * source pixel weighted by its overlap: every source pixel counts, so thin strokes survive
         * a 64 -> 28 reduction that nearest-neighbour or single-step bilinear would break up.
         */
        private static Axis area(int size, int newSize) {
            double scale = (double) size / newSize;
            int[] first = new int[newSize];
            float[][] weights = new float[newSize][];
            for (int j = 0; j < newSize; j++) {
                double start = j * scale;
                double end = (j + 1) * scale;
                int lo = (int) Math.floor(start);
                int hi = Math.min(size, (int) Math.ceil(end - 1e-9));
                first[j] = lo;
                weights[j] = new float[hi - lo];
                for (int i = lo; i < hi; i++) {
                    weights[j][i - lo] = (float) ((Math.min(end, i + 1) - Math.max(start, i)) / scale);
                }
            }
            return new Axis(first, weights);
        }

        /** Pixel centres aligned (as most image libraries do), edges clamped. */
        private static Axis bilinear(int size, int newSize) {
            double scale = (double) size / newSize;
            int[] first = new int[newSize];
            float[][] weights = new float[newSize][];
            for (int j = 0; j < newSize; j++) {
                double x = Math.min(size - 1, Math.max(0, (j + 0.5) * scale - 0.5));
                int lo = Math.min((int) Math.floor(x), Math.max(0, size - 2));
                float t = (float) (x - lo);
                first[j] = lo;
                weights[j] = size == 1 ? new float[] {1f} : new float[] {1f - t, t};
            }
            return new Axis(first, weights);
        }

        /** Weighted sum for output index {@code j} of the source values at {@code offset + i * stride}. */
        float apply(int j, float[] source, int offset, int stride) {
            float[] w = weights[j];
            int base = offset + first[j] * stride;
            float sum = 0;
            for (int k = 0; k < w.length; k++) {
                sum += w[k] * source[base + k * stride];
            }
            return sum;
        }
    }
}
