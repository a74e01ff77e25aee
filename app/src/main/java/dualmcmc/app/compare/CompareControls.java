package dualmcmc.app.compare;

import atlantafx.base.theme.Styles;
import dualmcmc.app.widget.Segmented;
import dualmcmc.engine.mcmc.ChainKind;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The compare view's controls: which revision to compare (x or z), the number of steps k for both
 * sides (up to three times the training's), the seed both sides share, a new seed and a rerun.
 */
final class CompareControls extends HBox {
    private final CompareViewModel vm;
    private final Segmented kind;
    private final Spinner<Integer> steps = new Spinner<>();
    private final IntegerSpinnerValueFactory stepsFactory = new IntegerSpinnerValueFactory(1, 30, 30);
    private final Spinner<Integer> seed = new Spinner<>(new IntegerSpinnerValueFactory(0, Integer.MAX_VALUE, 7));
    private final Label stepsNote = new Label();

    CompareControls(CompareViewModel vm) {
        this.vm = vm;
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("chain-settings");
        kind = new Segmented("compareKind", new String[]{
                "x: generator vs noise", "z: inference vs noise"}, new String[]{
                "EBM-guided x-revision started at generator samples g(z), against the short-run EBM's noise start",
                "Generator-guided z-revision started at the inference model's q(z|x), against alternating "
                        + "back-propagation's prior-noise start"},
                i -> vm.kindProperty().set(i == 0 ? ChainKind.X : ChainKind.Z));
        kind.select(vm.kindProperty().get() == ChainKind.X ? 0 : 1);
        vm.kindProperty().addListener((o, a, b) -> kind.select(b == ChainKind.X ? 0 : 1));

        steps.setValueFactory(stepsFactory);
        steps.setId("compareSteps");
        steps.setEditable(true);
        steps.setPrefWidth(112);
        steps.getStyleClass().add(Spinner.STYLE_CLASS_SPLIT_ARROWS_HORIZONTAL);
        steps.setTooltip(new Tooltip("Langevin steps k of both sides; more steps let the noise-started chains "
                + "catch up (or not)"));
        stepsFactory.maxProperty().bind(vm.maxStepsProperty());
        stepsFactory.setValue(vm.stepsProperty().get());
        stepsFactory.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.stepsProperty().get()) {
                vm.stepsProperty().set(b);
            }
        });
        vm.stepsProperty().addListener((o, a, b) -> stepsFactory.setValue(b.intValue()));
        stepsNote.getStyleClass().add("muted");
        vm.maxStepsProperty().addListener((o, a, b) -> updateNote());
        vm.kindProperty().addListener((o, a, b) -> updateNote());
        updateNote();

        seed.setId("compareSeed");
        seed.setEditable(true);
        seed.setPrefWidth(120);
        seed.getStyleClass().add(Spinner.STYLE_CLASS_SPLIT_ARROWS_HORIZONTAL);
        seed.setTooltip(new Tooltip("Seed of both sides: the same Langevin noise, and for z the same observed x"));
        seed.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.seedProperty().get()) {
                vm.seedProperty().set(b);
            }
        });
        vm.seedProperty().addListener((o, a, b) -> seed.getValueFactory().setValue(b.intValue()));

        Button again = new Button(null, new FontIcon(Feather.SHUFFLE));
        again.setId("compareResample");
        again.getStyleClass().add(Styles.BUTTON_ICON);
        again.setTooltip(new Tooltip("A new seed for both sides"));
        again.setOnAction(e -> vm.resample());
        Button rerun = new Button("Rerun", new FontIcon(Feather.REFRESH_CW));
        rerun.setId("compareRerun");
        rerun.setTooltip(new Tooltip("Run both sides again on the current models (they change while training)"));
        rerun.setOnAction(e -> vm.run());
        getChildren().addAll(kind, field("k", steps), stepsNote, field("seed", seed), again, rerun);
    }

    private static HBox field(String name, Spinner<Integer> s) {
        Label l = new Label(name);
        l.getStyleClass().add("field-label");
        HBox box = new HBox(6, l, s);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void updateNote() {
        stepsNote.setText(String.format("training uses %s = %d; up to %d here",
                vm.kindProperty().get() == ChainKind.X ? "k_x" : "k_z", vm.configSteps(),
                vm.maxStepsProperty().get()));
    }
}
