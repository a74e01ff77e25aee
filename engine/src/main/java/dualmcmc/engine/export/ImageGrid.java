package dualmcmc.engine.export;

import dualmcmc.engine.data.Pixels;
import dualmcmc.engine.data.SampleShape;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * A grid of flat samples drawn as pictures: each sample (channel-major C,H,W, values in [-1, 1])
 * becomes a cell of {@code scale x scale} blocks per pixel (nearest neighbour, so pixels stay
 * sharp), grey for one channel and RGB for three. GIF frames and PNG pictures both draw with it.
 */
record ImageGrid(SampleShape shape, int cols, int rows, int scale, int gap) {
    /** Gap between cells, in screen pixels. */
    public static final int GAP = 2;

    public ImageGrid {
        if (!shape.isImage() || (shape.channels() != 1 && shape.channels() != 3)) {
            throw new IllegalArgumentException("an image grid needs 1 or 3 channels of pictures, got " + shape);
        }
        if (cols < 1 || rows < 1 || scale < 1 || gap < 0) {
            throw new IllegalArgumentException("grid needs positive sizes, got " + cols + "x" + rows + " scale " + scale);
        }
    }

    /**
     * A near-square grid for {@code n} samples whose cells are at least {@code minCellPx} wide
     * (e.g. 56: a 28x28 image is doubled, an 8x8 digit drawn 7x).
     */
    public static ImageGrid forCount(SampleShape shape, int n, int minCellPx) {
        int cols = (int) Math.ceil(Math.sqrt(Math.max(1, n)));
        int rows = (int) Math.ceil(Math.max(1, n) / (double) cols);
        int scale = Math.max(1, (int) Math.ceil(minCellPx / (double) Math.max(shape.height(), shape.width())));
        return new ImageGrid(shape, cols, rows, scale, GAP);
    }

    /**
     * The grid that fills a {@code width x height} box with about {@code targetCols} columns of
     * cells as large as whole-number scaling allows; it shows {@link #capacity()} samples.
     */
    public static ImageGrid fitting(SampleShape shape, int width, int height, int targetCols) {
        int scale = Math.max(1, (width / Math.max(1, targetCols) - GAP) / shape.width());
        int cellW = scale * shape.width() + GAP;
        int cellH = scale * shape.height() + GAP;
        int cols = Math.max(1, (width + GAP) / cellW);
        int rows = Math.max(1, (height + GAP) / cellH);
        return new ImageGrid(shape, cols, rows, scale, GAP);
    }

    public int capacity() {
        return cols * rows;
    }

    public int width() {
        return cols * shape.width() * scale + (cols - 1) * gap;
    }

    public int height() {
        return rows * shape.height() * scale + (rows - 1) * gap;
    }

    /** A panel showing up to {@link #capacity()} of these samples, row by row. */
    Panel panel(float[][] samples) {
        return new Panel() {
            @Override
            public int width() {
                return ImageGrid.this.width();
            }

            @Override
            public int height() {
                return ImageGrid.this.height();
            }

            @Override
            public void draw(Graphics2D g, BufferedImage img, int x, int y) {
                ImageGrid.this.draw(img, x, y, samples);
            }
        };
    }

    /** Draws up to {@link #capacity()} samples row by row, top-left cell at (x0, y0). */
    public void draw(BufferedImage img, int x0, int y0, float[][] samples) {
        int n = Math.min(capacity(), samples.length);
        for (int i = 0; i < n; i++) {
            if (samples[i].length != shape.size()) {
                throw new IllegalArgumentException("sample " + i + " has " + samples[i].length + " values, shape "
                        + shape + " needs " + shape.size());
            }
            int cx = x0 + (i % cols) * (shape.width() * scale + gap);
            int cy = y0 + (i / cols) * (shape.height() * scale + gap);
            drawCell(img, cx, cy, samples[i]);
        }
    }

    private void drawCell(BufferedImage img, int cx, int cy, float[] sample) {
        int plane = shape.height() * shape.width();
        for (int y = 0; y < shape.height(); y++) {
            for (int x = 0; x < shape.width(); x++) {
                int argb = Pixels.argb(sample, shape.channels(), plane, y * shape.width() + x);
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        img.setRGB(cx + x * scale + dx, cy + y * scale + dy, argb);
                    }
                }
            }
        }
    }
}
