package dualmcmc.engine.export;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Lays out one picture: caption lines (the first bold) with an optional progress bar, then
 * labelled panels side by side, on white. GIF frames and PNG pictures share it. Everything drawn
 * besides the panels' content is grey, so a frame of grey images stays exactly representable in
 * a 256-grey GIF palette.
 */
final class Figure {
    static final Color INK = new Color(0x202020);
    private static final Color BAR = new Color(0x8a8a8a);
    private static final Color BAR_TRACK = new Color(0xe4e4e4);
    private static final int BAR_HEIGHT = 3;

    /** A panel with the label written above it (empty for none). */
    record Part(String label, Panel panel) {
    }

    private final int fontSize;
    private final Font bold;
    private final Font plain;

    Figure(int fontSize) {
        this.fontSize = fontSize;
        this.bold = new Font(Font.SANS_SERIF, Font.BOLD, fontSize);
        this.plain = new Font(Font.SANS_SERIF, Font.PLAIN, fontSize);
    }

    private int pad() {
        return Math.max(8, fontSize * 2 / 3);
    }

    private int lineHeight() {
        return (int) Math.ceil(fontSize * 1.4);
    }

    private int captionHeight(int lines, boolean bar) {
        return pad() + lines * lineHeight() + (bar ? BAR_HEIGHT + pad() / 2 : 0) + pad() / 2;
    }

    private int labelHeight(List<Part> parts) {
        return parts.stream().anyMatch(p -> !p.label().isEmpty()) ? lineHeight() + pad() / 2 : 0;
    }

    /** Room each of {@code panels} side-by-side panels gets in a picture of the given size. */
    Dimension panelBox(int width, int height, int captionLines, int panels, boolean labelled) {
        int w = (width - 2 * pad() - (panels - 1) * 2 * pad()) / panels;
        int h = height - captionHeight(captionLines, false) - (labelled ? lineHeight() + pad() / 2 : 0) - pad();
        return new Dimension(Math.max(1, w), Math.max(1, h));
    }

    /** The smallest size that holds the caption, the labels and the panels. */
    Dimension naturalSize(List<String> caption, boolean bar, List<Part> parts) {
        int w = Math.max(panelsWidth(parts), textWidth(caption, parts)) + 2 * pad();
        int h = captionHeight(caption.size(), bar) + labelHeight(parts) + panelsHeight(parts) + pad();
        return new Dimension(w, h);
    }

    private int panelsWidth(List<Part> parts) {
        return parts.stream().mapToInt(p -> p.panel().width()).sum() + (parts.size() - 1) * 2 * pad();
    }

    private static int panelsHeight(List<Part> parts) {
        return parts.stream().mapToInt(p -> p.panel().height()).max().orElse(0);
    }

    /**
     * Renders the figure at least {@code width x height} (0: as large as the content needs;
     * larger sizes centre the content). {@code progress} in [0, 1] draws a bar under the caption,
     * NaN draws none.
     */
    BufferedImage render(List<String> caption, double progress, List<Part> parts, int width, int height) {
        boolean bar = !Double.isNaN(progress);
        Dimension natural = naturalSize(caption, bar, parts);
        int w = Math.max(width, natural.width);
        int h = Math.max(height, natural.height);
        int top = captionHeight(caption.size(), bar);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            int y0 = (h - natural.height) / 2; // spare room goes above and below the whole block
            drawCaption(g, caption, w, y0, progress);
            int y = y0 + top;
            int x = (w - panelsWidth(parts)) / 2;
            for (Part p : parts) {
                g.setFont(plain);
                g.setColor(INK);
                centred(g, p.label(), x + p.panel().width() / 2, y + lineHeight() - fontSize / 3);
                p.panel().draw(g, img, x, y + labelHeight(parts));
                x += p.panel().width() + 2 * pad();
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private void drawCaption(Graphics2D g, List<String> caption, int w, int y0, double progress) {
        int y = y0 + pad();
        for (int i = 0; i < caption.size(); i++) {
            g.setFont(i == 0 ? bold : plain);
            g.setColor(INK);
            centred(g, caption.get(i), w / 2, y + lineHeight() - fontSize / 3);
            y += lineHeight();
        }
        if (!Double.isNaN(progress)) {
            int barW = w - 2 * pad();
            g.setColor(BAR_TRACK);
            g.fillRect(pad(), y + pad() / 2, barW, BAR_HEIGHT);
            g.setColor(BAR);
            g.fillRect(pad(), y + pad() / 2, (int) Math.round(barW * Math.max(0, Math.min(1, progress))), BAR_HEIGHT);
        }
    }

    private static void centred(Graphics2D g, String text, int cx, int baseline) {
        if (!text.isEmpty()) {
            g.drawString(text, cx - g.getFontMetrics().stringWidth(text) / 2, baseline);
        }
    }

    /** Widest caption line, or all labels side by side, measured with the figure's fonts. */
    private int textWidth(List<String> caption, List<Part> parts) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            int widest = 0;
            for (int i = 0; i < caption.size(); i++) {
                widest = Math.max(widest, g.getFontMetrics(i == 0 ? bold : plain).stringWidth(caption.get(i)));
            }
            FontMetrics fm = g.getFontMetrics(plain);
            int labels = parts.stream().mapToInt(p -> fm.stringWidth(p.label()) + 2 * pad()).sum();
            return Math.max(widest, labels);
        } finally {
            g.dispose();
        }
    }
}
