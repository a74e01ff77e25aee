package dualmcmc.app.chain;

import dualmcmc.app.chart.ImageGrid;
import dualmcmc.app.widget.Segmented;
import dualmcmc.engine.mcmc.Revision;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.util.Locale;

/**
 * The image chain grids' "what changed" mode, shared by the x- and z-revision views: the pictures
 * themselves, or each later column as its change from the chain's start column on a diverging
 * map, with an amplify control so that a revision of a few thousandths per pixel is seen.
 */
public final class ChangeView extends HBox {
    public static final double MAX_AMPLIFY = 50;
    private final BooleanProperty showChange = new SimpleBooleanProperty(false);
    private final DoubleProperty amplify = new SimpleDoubleProperty(1);

    /** @param prefix ids: prefix + "Show0" / "Show1", prefix + "Amplify" */
    public ChangeView(String prefix, String startName) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        Segmented show = new Segmented(prefix + "Show", new String[]{"Pictures", "Change from " + startName},
                new String[]{"The chains' pictures at the chosen steps",
                        "Each step's picture minus the chain's start " + startName
                                + ": red where it grew brighter, blue where darker"},
                i -> showChange.set(i == 1));
        showChange.addListener((o, a, b) -> show.select(b ? 1 : 0));
        Slider amp = new Slider(1, MAX_AMPLIFY, 1);
        amp.setId(prefix + "Amplify");
        amp.setPrefWidth(120);
        amp.valueProperty().bindBidirectional(amplify);
        amp.setTooltip(new Tooltip("Full colour at the largest change divided by this: small changes become visible"));
        Label value = new Label();
        value.textProperty().bind(amplify.asString(Locale.ROOT, "\u00d7%.0f"));
        value.setMinWidth(34);
        Label label = new Label("Amplify");
        amp.disableProperty().bind(showChange.not());
        label.disableProperty().bind(showChange.not());
        getChildren().addAll(show, label, amp, value);
    }

    public BooleanProperty showChangeProperty() {
        return showChange;
    }

    public DoubleProperty amplifyProperty() {
        return amplify;
    }

    /**
     * In change mode, replaces the cells of columns {@code fromCol} on by their difference to the
     * cell of column {@code baseCol} in the same row, sets the grid to draw them as changes and
     * returns a phrase for the grid's title naming the colour scale; in picture mode leaves the
     * cells and returns "".
     */
    public String apply(ImageGrid grid, float[][] cells, int rows, int cols, int baseCol, int fromCol) {
        if (!showChange.get()) {
            grid.setChangeColumns(Integer.MAX_VALUE, 0);
            return "";
        }
        double max = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = fromCol; c < cols; c++) {
                cells[r * cols + c] = Revision.difference(cells[r * cols + c], cells[r * cols + baseCol]);
                max = Math.max(max, Revision.maxAbs(cells[r * cols + c]));
            }
        }
        double scale = max / Math.max(1, amplify.get());
        grid.setChangeColumns(fromCol, scale);
        return String.format(Locale.ROOT, " \u00b7 red +, blue \u2212, full at \u00b1%.2g", scale);
    }
}
