package dualmcmc.app.chart;

import dualmcmc.engine.export.Palette;
import dualmcmc.engine.mcmc.ChainInit;
import javafx.scene.paint.Color;

/**
 * One colour per role, everywhere (charts, scatter plots, image grids, legends): data grey,
 * generator samples / x_0 orange, revised samples / x_k blue, noise-initialised chains purple,
 * the current-step marker red. The roles the exported pictures also draw come from the engine's
 * {@link Palette}, so a GIF and the view agree.
 */
public final class Roles {
    public static final Color DATA = Color.web("#8a8f98");
    public static final Color GENERATOR = Rgb.color(Palette.GENERATED);
    public static final Color REVISED = Rgb.color(Palette.REVISED);
    public static final Color NOISE = Rgb.color(Palette.NOISE);
    public static final Color MARKER = Color.web("#d62728");
    /** Third loss (inference model) and other neutral series. */
    public static final Color INFERENCE = Rgb.color(Palette.INFERENCE);

    private Roles() {
    }

    /** A chain's colour: blue revisions, purple chains from noise (x- and z-chains alike). */
    public static Color chain(ChainInit init) {
        return init == ChainInit.NOISE ? NOISE : REVISED;
    }

    /** The colour of a chain's start: orange dual-MCMC starts (generator, inference model), purple noise. */
    public static Color start(ChainInit init) {
        return init == ChainInit.NOISE ? NOISE : GENERATOR;
    }

    public static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }

    public static java.awt.Color awt(Color c, double alpha) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) alpha);
    }

    /** CSS hex of a colour, for inline styles of legend swatches. */
    public static String css(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }
}
