package dualmcmc.app.chart;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * A region that draws on a canvas of its own size: a layout pass that changes the size resizes the
 * canvas (to whole pixels, so lines stay sharp) and redraws it.
 */
public abstract class CanvasRegion extends Region {
    protected final Canvas canvas = new Canvas();

    protected CanvasRegion() {
        getChildren().add(canvas);
    }

    /** Draws everything again at the canvas's current size. */
    public abstract void redraw();

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }
}
