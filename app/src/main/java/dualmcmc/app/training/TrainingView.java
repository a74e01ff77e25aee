package dualmcmc.app.training;

import dualmcmc.engine.session.DataInfo;
import dualmcmc.app.MainModel;
import dualmcmc.app.chart.Charts;
import dualmcmc.app.chart.ImageGrid;
import dualmcmc.app.chart.PlotCanvas;
import dualmcmc.app.chart.Roles;
import dualmcmc.app.chart.Smoothing;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.HBox;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.ArrayList;
import java.util.List;

/**
 * Live training dashboard: the three losses and the mean energies of data and revised samples
 * (JFreeChart), beside the current samples: for 2-D data a scatter of data, generator samples and
 * x-revised samples over the EBM's energy heatmap; for images a grid of each.
 */
public final class TrainingView extends BorderPane {
    /** Fresh models, and files saved before checkpoints kept their history, have no curves yet. */
    private static final String NO_CURVE = "Train (Space) to draw this curve";
    private final TrainingViewModel vm;
    private final MainModel main;
    private final PlotCanvas plot = new PlotCanvas();
    private final ImageGrid dataGrid = new ImageGrid();
    private final ImageGrid generatedGrid = new ImageGrid();
    private final ImageGrid revisedGrid = new ImageGrid();
    private final StackPane samplesPane = new StackPane();
    private final VBox imagesBox = new VBox(6, dataGrid, generatedGrid, revisedGrid);
    private final Label header = new Label();
    private final Label sub = new Label();
    private final List<JFreeChart> charts = new ArrayList<>();

    public TrainingView(MainModel main, TrainingViewModel vm) {
        this.main = main;
        this.vm = vm;
        getStyleClass().add("view");
        setId("trainingView");
        header.getStyleClass().add("view-title");
        sub.getStyleClass().add("view-subtitle");
        sub.setText("Dual-MCMC teaching: the EBM E(x) revises generator samples (x-revision), the generator "
                + "revises inferred latents (z-revision); each model learns from the other's revised samples.");
        sub.setWrapText(true);
        VBox top = new VBox(2, header, sub);
        top.setPadding(new Insets(10, 14, 6, 14));
        setTop(top);

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(4, 4, 8, 10));
        grid.add(chart("EBM loss L_E", "L_E", "lossChartE", "Per-iteration EBM loss L_E = (mean E(x) - mean E(x\u0303)) / (n_x/s_x)^2",
                new Line(Roles.REVISED, vm.errE)), 0, 0);
        grid.add(chart("Generator loss L_G", "L_G", "lossChartG",
                "Generator loss L_G = ||x - g(z\u0303)||^2 + S ||g(z) - x\u0303||^2 per sample", new Line(Roles.GENERATOR, vm.errG)), 1, 0);
        grid.add(chart("Inference loss L_I", "L_I", "lossChartI",
                "Inference loss L_I: NLL of revised latents under q(z|x) + I \u00b7 NLL on revised samples",
                new Line(Roles.INFERENCE, vm.errI)), 0, 1);
        grid.add(chart("Mean energy", "E(x)", "energyChart",
                "Mean energy E(x) of a data batch and of the x-revised samples the EBM was trained against",
                new Line(Roles.DATA.darker(), vm.energyData), new Line(Roles.REVISED, vm.energySamples)), 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(50);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }

        plot.setId("trainingSamples");
        plot.setTitle("Samples over the EBM energy E(x)");
        plot.setEmptyMessage("computing samples\u2026");
        Tooltip.install(plot, new Tooltip("Data (grey), generator samples x\u2080 = g(z) (orange) and their EBM-guided"
                + " revisions x\u2096 (blue) over the energy landscape E(x): dark = low energy = high density"));
        generatedGrid.setId("generatedGrid");
        revisedGrid.setId("revisedGrid");
        dataGrid.setId("dataGrid");
        imagesBox.setPadding(new Insets(4));
        samplesPane.setPadding(new Insets(4, 10, 8, 4));
        VBox curves = new VBox(4, curveControls(), grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        SplitPane split = new SplitPane(curves, samplesPane);
        split.setDividerPositions(0.52);
        setCenter(split);

        main.dataProperty().addListener((o, a, b) -> showData(b));
        vm.samplesProperty().addListener((o, a, b) -> showSamples(b));
        showData(main.dataProperty().get());
    }

    private record Line(Color colour, TrainingViewModel.Curve curve) {
    }

    /**
     * A chart of curves: each curve's moving average drawn solid and its raw values faint behind
     * it (JFreeChart draws series 0 last, on top).
     */
    private ChartViewer chart(String title, String yLabel, String id, String tip, Line... lines) {
        int n = lines.length;
        XYSeriesCollection col = new XYSeriesCollection();
        for (Line l : lines) {
            col.addSeries(l.curve().smooth());
        }
        for (Line l : lines) {
            col.addSeries(l.curve().raw());
        }
        JFreeChart ch = Charts.lineChart(title, "iteration", yLabel, col, n > 1);
        Charts.noDataMessage(ch, NO_CURVE);
        for (int i = 0; i < n; i++) {
            Charts.style(ch, i, lines[i].colour(), 1, 1.6f, true);
            Charts.style(ch, n + i, lines[i].colour(), 0.25, 1f, false);
        }
        charts.add(ch);
        ChartViewer v = Charts.viewer(ch, id);
        Tooltip.install(v, new Tooltip(tip + ". Faint: every recorded iteration; solid: their moving average."));
        return v;
    }

    /** Smoothing slider and log-scale switch above the curves. */
    private HBox curveControls() {
        Slider slider = new Slider(0, Smoothing.MAX_WEIGHT, vm.smoothingProperty().get());
        slider.setId("curveSmoothing");
        slider.setPrefWidth(150);
        slider.valueProperty().bindBidirectional(vm.smoothingProperty());
        Label value = new Label();
        value.setId("curveSmoothingValue");
        value.textProperty().bind(vm.smoothingProperty().asString("%.2f"));
        value.setMinWidth(32);
        Label label = new Label("Smoothing");
        Tooltip tip = new Tooltip("Moving average of the curves (as TensorBoard's slider): 0 shows the raw values,"
                + " 0.99 the slowest trend. The raw values stay faint behind.");
        slider.setTooltip(tip);
        Tooltip.install(label, tip);
        CheckBox log = new CheckBox("Log scale");
        log.setId("curveLogScale");
        log.selectedProperty().bindBidirectional(vm.logScaleProperty());
        log.setTooltip(new Tooltip("Logarithmic value axes, symmetric about zero (losses change sign)"));
        vm.logScaleProperty().addListener((o, a, b) -> charts.forEach(c -> Charts.logScale(c, b)));
        HBox box = new HBox(8, label, slider, value, log);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(0, 4, 0, 10));
        return box;
    }

    public List<JFreeChart> charts() {
        return charts;
    }

    public PlotCanvas samplePlot() {
        return plot;
    }

    private void showData(DataInfo info) {
        if (info == null) {
            return;
        }
        header.setText("Training \u00b7 " + info.describe());
        if (info.image()) {
            samplesPane.getChildren().setAll(imagesBox);
            VBox.setVgrow(dataGrid, Priority.ALWAYS);
            VBox.setVgrow(generatedGrid, Priority.ALWAYS);
            int n = Math.min(12, info.images().length);
            dataGrid.setTitle("Data x");
            dataGrid.setImages(java.util.Arrays.copyOf(info.images(), n), (n + 5) / 6, 6, info.channels(),
                    info.height(), info.width());
            dataGrid.redraw();
            VBox.setVgrow(revisedGrid, Priority.ALWAYS);
            generatedGrid.setTitle("Generator samples x\u2080 = g(z)");
            revisedGrid.setTitle("After x-revision x\u2096 (EBM-guided)");
            generatedGrid.setImages(new float[0][], 0, 0, 1, 1, 1);
            revisedGrid.setImages(new float[0][], 0, 0, 1, 1, 1);
            generatedGrid.redraw();
            revisedGrid.redraw();
        } else {
            samplesPane.getChildren().setAll(plot);
            plot.setBounds(info.bounds()[0], info.bounds()[1], info.bounds()[2], info.bounds()[3]);
            plot.setHeatmap(null, null);
            plot.clearLayers();
            plot.addPoints(info.points(), Roles.DATA, 1.6, 0.55);
            legend();
            plot.redraw();
        }
    }

    private void legend() {
        plot.addLegend("data x", Roles.DATA, PlotCanvas.Mark.DOT);
        plot.addLegend("generator x\u2080 = g(z)", Roles.GENERATOR, PlotCanvas.Mark.TRIANGLE);
        plot.addLegend("revised x\u2096 (k_x steps)", Roles.REVISED, PlotCanvas.Mark.SQUARE);
    }

    private void showSamples(TrainingViewModel.Samples s) {
        DataInfo info = main.dataProperty().get();
        if (s == null || info == null) {
            return;
        }
        if (info.image()) {
            int cols = 6;
            int rows = (s.generatedImages().length + cols - 1) / cols;
            generatedGrid.setImages(s.generatedImages(), rows, cols, info.channels(), info.height(), info.width());
            revisedGrid.setImages(s.revisedImages(), rows, cols, info.channels(), info.height(), info.width());
            generatedGrid.setTitle("Generator samples x\u2080 = g(z) \u00b7 iteration " + s.iteration());
            revisedGrid.setTitle("After " + main.config().xChain().steps() + " x-revision steps x\u2096 (EBM-guided)");
            generatedGrid.redraw();
            revisedGrid.redraw();
            return;
        }
        plot.setHeatmap(s.energy(), "energy E(x), low = dark");
        plot.clearLayers();
        plot.addPoints(info.points(), Color.WHITE, 1.5, 0.45);
        plot.addPoints(s.generated(), Roles.GENERATOR, 2.4, 0.85, PlotCanvas.Mark.TRIANGLE);
        plot.addPoints(s.revised(), Roles.REVISED, 2.4, 0.85, PlotCanvas.Mark.SQUARE);
        plot.setTitle("Samples over the EBM energy E(x) \u00b7 iteration " + s.iteration());
        plot.addLegend("data x", Color.WHITE.darker(), PlotCanvas.Mark.DOT);
        plot.addLegend("generator x\u2080 = g(z)", Roles.GENERATOR, PlotCanvas.Mark.TRIANGLE);
        plot.addLegend("revised x\u2096 (" + main.config().xChain().steps() + " steps)", Roles.REVISED,
                PlotCanvas.Mark.SQUARE);
        plot.redraw();
    }
}
