package dualmcmc.engine.export;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** A rectangle of content in a {@link Figure}: an image grid or a scatter plot. */
interface Panel {
    int width();

    int height();

    /** Draws the panel with its top-left corner at (x, y); grids write pixels, plots use {@code g}. */
    void draw(Graphics2D g, BufferedImage img, int x, int y);
}
