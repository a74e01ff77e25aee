package dualmcmc.app.chart;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A typeset LaTeX formula (JLaTeXMath) as a JavaFX node. It is drawn at twice its size and shown
 * at half, so it stays sharp on high-density screens and at the larger UI scales.
 */
public final class Formula extends ImageView {
    private static final int OVERSAMPLE = 2;
    private final float size;
    private String latex = "";
    private Color colour;

    public Formula(float size, Color colour) {
        this.size = size;
        this.colour = colour;
        setPreserveRatio(true);
        setSmooth(true);
    }

    /** Shows {@code latex}. */
    public void setLatex(String latex) {
        if (latex.equals(this.latex) && getImage() != null) {
            return;
        }
        this.latex = latex;
        draw();
    }

    public String latex() {
        return latex;
    }

    /** For the theme: the same formula in another colour. */
    public void setColour(Color c) {
        this.colour = c;
        if (!latex.isEmpty()) {
            draw();
        }
    }

    private void draw() {
        Image img = render(latex, size * OVERSAMPLE, colour);
        setImage(img);
        setFitWidth(img.getWidth() / OVERSAMPLE);
    }

    /**
     * Renders {@code latex} at {@code size} points in {@code colour} on a transparent background; a
     * formula JLaTeXMath refuses is an IllegalArgumentException naming it.
     */
    public static Image render(String latex, float size, Color colour) {
        TeXIcon icon;
        try {
            icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot typeset '" + latex + "': " + e.getMessage(), e);
        }
        icon.setForeground(new java.awt.Color((float) colour.getRed(), (float) colour.getGreen(),
                (float) colour.getBlue(), (float) colour.getOpacity()));
        BufferedImage img = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return SwingFXUtils.toFXImage(img, null);
    }
}
