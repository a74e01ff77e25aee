package dualmcmc.app.compare;

import dualmcmc.engine.session.DataInfo;
import dualmcmc.app.chain.XChainPainter;
import dualmcmc.app.chain.ZChainPainter;
import dualmcmc.app.chart.GridLayout;
import dualmcmc.app.chart.ImageGrid;
import dualmcmc.app.chart.PlotCanvas;
import dualmcmc.app.chart.Roles;
import dualmcmc.engine.mcmc.ChainTrace;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

import java.util.List;

/**
 * One side of the compare view: a header naming where its chains start (with the colour of its
 * curve in the chart) and its mean value at the current step, over the chains themselves at that
 * step: 2-D points on the energy landscape or g(z) moving toward x, or an image grid.
 */
final class ComparePanel extends VBox {
    private final PlotCanvas plot = new PlotCanvas();
    private final ImageGrid grid = new ImageGrid();
    private final StackPane body = new StackPane();
    private final Circle swatch = new Circle(6);
    private final Label title = new Label();
    private final Label value = new Label();

    ComparePanel(String id) {
        setId(id);
        getStyleClass().add("compare-panel");
        plot.setId(id + "Plot");
        grid.setId(id + "Grid");
        title.getStyleClass().add("compare-panel-title");
        value.getStyleClass().add("compare-panel-value");
        value.setId(id + "Value");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, swatch, title, grow, value);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setPadding(new Insets(0, 4, 4, 4));
        VBox.setVgrow(body, Priority.ALWAYS);
        body.setMinSize(0, 0);
        getChildren().addAll(head, body);
        setSpacing(2);
    }

    void setHeader(String text, Color color) {
        title.setText(text);
        swatch.setFill(color);
    }

    /** Shows a plot or a grid for the data set; empty until the first chains arrive. */
    void layoutFor(DataInfo info, String emptyMessage) {
        body.getChildren().setAll(info.image() ? grid : plot);
        plot.clearLayers();
        plot.setHeatmap(null, null);
        plot.setTitle("");
        plot.setEmptyMessage(emptyMessage);
        if (!info.image()) {
            plot.setBounds(info.bounds()[0], info.bounds()[1], info.bounds()[2], info.bounds()[3]);
        }
        plot.redraw();
        grid.setImages(new float[0][], 0, 0, 1, 1, 1);
        grid.redraw();
        value.setText("");
    }

    /** x-chains at {@code step}: over the energy landscape (2-D) or as a grid of x_tau (images). */
    void showX(DataInfo info, ChainTrace t, double[][] energy, int step) {
        value.setText(String.format("mean E(x) = %s", Comparison.number(t.mean(step))));
        if (!info.image()) {
            XChainPainter.paint(plot, info.points(), t, energy, step, "\u03c4 = " + step + " of " + t.steps());
            return;
        }
        int n = t.recordedChains().length;
        int[] shape = GridLayout.squareShape(n);
        int rows = shape[0];
        int cols = shape[1];
        float[][] cells = new float[rows * cols][];
        for (int i = 0; i < n; i++) {
            cells[i] = t.state(step, i);
        }
        grid.setTitle("x\u209c of " + n + " chains at \u03c4 = " + step);
        grid.setImages(cells, rows, cols, info.channels(), info.height(), info.width());
        grid.setLabels(null, null);
        grid.setColumnColors(null);
        grid.setHighlightColumn(-1);
        grid.redraw();
    }

    /** z-chains at {@code step}: g(z_tau) moving toward x (2-D), or rows of x, g(z_0), g(z_tau) (images). */
    void showZ(DataInfo info, ChainTrace t, float[][] targets, int step) {
        value.setText(String.format("mean MSE = %s", Comparison.number(t.mean(step))));
        if (!info.image()) {
            ZChainPainter.paintData(plot, info.points(), t, targets, -1, step,
                    "g(z\u209c) toward the observed x \u00b7 \u03c4 = " + step + " of " + t.steps());
            return;
        }
        int n = t.recordedChains().length;
        float[][] cells = new float[n * 3][];
        String[] rows = new String[n];
        for (int ch = 0; ch < n; ch++) {
            cells[ch * 3] = targets[ch];
            cells[ch * 3 + 1] = t.decoded(0, ch);
            cells[ch * 3 + 2] = t.decoded(step, ch);
            rows[ch] = "MSE " + Comparison.number(t.value(step, ch));
        }
        grid.setTitle("x, start g(z\u2080), g(z\u209c) at \u03c4 = " + step);
        grid.setImages(cells, n, 3, info.channels(), info.height(), info.width());
        grid.setLabels(List.of("x", "g(z\u2080)", "g(z\u209c)"), List.of(rows));
        grid.setColumnColors(new Color[]{Roles.DATA, Roles.start(t.init()), Roles.chain(t.init())});
        grid.setHighlightColumn(2);
        grid.redraw();
    }

    PlotCanvas plot() {
        return plot;
    }

    ImageGrid grid() {
        return grid;
    }
}
