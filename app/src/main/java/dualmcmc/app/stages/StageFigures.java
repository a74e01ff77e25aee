package dualmcmc.app.stages;

import dualmcmc.engine.model.ModelKind;
import dualmcmc.engine.session.StagedIteration;
import dualmcmc.engine.session.StagedIteration.Figures;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The iteration's losses on its own batch before and after its updates (and, with one update
 * switched off, after the same draw with every update), the row of the current stage's model
 * lit, and a sentence on which models the iteration changed.
 */
final class StageFigures extends VBox {
    private static final PseudoClass LIT = PseudoClass.getPseudoClass("lit");

    private record Row(String name, String tip, ModelKind model, ToDoubleFunction<Figures> value) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("L_G", "the generator's loss", ModelKind.GENERATOR, Figures::lossG),
            new Row("L_I", "the inference model's loss", ModelKind.INFERENCE, Figures::lossI),
            new Row("mean E(x)", "mean energy of the data batch", ModelKind.EBM, Figures::energyData),
            new Row("mean E(x\u0303)", "mean energy of the samples the EBM is contrasted with", ModelKind.EBM,
                    Figures::energySamples),
            new Row("L_E", "the EBM's loss", ModelKind.EBM, Figures::lossE));

    private final GridPane table = new GridPane();
    private final Label outcome = new Label();

    StageFigures() {
        setSpacing(8);
        getStyleClass().add("stage-figures");
        table.getStyleClass().add("stage-table");
        table.setHgap(14);
        table.setVgap(3);
        outcome.setId("stagesOutcome");
        outcome.getStyleClass().add("stage-outcome");
        outcome.setWrapText(true);
        getChildren().addAll(table, outcome);
    }

    void show(StagesViewModel.Result r, IterationStage stage) {
        table.getChildren().clear();
        StagedIteration shown = r.shown();
        ModelKind off = shown.skipped();
        header(0, "");
        header(1, "before");
        header(2, off == null ? "after" : "after, " + shortName(off) + " off");
        if (off != null) {
            header(3, "after, all on");
        }
        for (int i = 0; i < ROWS.size(); i++) {
            Row row = ROWS.get(i);
            boolean lit = stage.isUpdate() && stage.kind() == row.model();
            cell(row.name(), 0, i + 1, lit, "stage-table-name");
            cell(number(row.value().applyAsDouble(shown.before())), 1, i + 1, lit, "stage-table-value");
            cell(number(row.value().applyAsDouble(shown.after())), 2, i + 1, lit, "stage-table-value");
            if (off != null) {
                cell(number(row.value().applyAsDouble(r.full().after())), 3, i + 1, lit, "stage-table-value");
            }
        }
        outcome.setText(outcome(shown));
    }

    /** Which models the staged iteration changed, in one sentence. */
    static String outcome(StagedIteration it) {
        StringBuilder b = new StringBuilder();
        if (it.skipped() != null) {
            b.append("With the ").append(it.skipped().label()).append("'s update switched off: ");
        }
        for (ModelKind m : ModelKind.values()) {
            b.append(capitalised(m.label())).append(it.wasUpdated(m) ? " changed" : " unchanged").append(", ");
        }
        b.setLength(b.length() - 2);
        return b.append(". All on a copy: the real models are untouched.").toString();
    }

    private static String capitalised(String s) {
        return s.equals("EBM") ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String shortName(ModelKind m) {
        return m == ModelKind.INFERENCE ? "inference" : m.label();
    }

    private void header(int col, String text) {
        Label l = new Label(text);
        l.getStyleClass().add("stage-table-header");
        table.add(l, col, 0);
    }

    private void cell(String text, int col, int row, boolean lit, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.pseudoClassStateChanged(LIT, lit);
        table.add(l, col, row);
    }

    static String number(double v) {
        return Double.isNaN(v) ? "\u2014" : String.format("%.4g", v);
    }

    Label outcome() {
        return outcome;
    }
}
