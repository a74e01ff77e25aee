package dualmcmc.app.shell;

import atlantafx.base.theme.Styles;
import dualmcmc.app.MainModel;
import dualmcmc.app.files.FileActions;
import dualmcmc.app.io.ImportActions;
import dualmcmc.app.io.ImportFormat;
import dualmcmc.engine.config.Presets;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.progress.TrainingState;
import javafx.beans.binding.Bindings;
import dualmcmc.app.prefs.Theme;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The toolbar: data set, preset, Train / Pause / Stop / Reset, seed, iteration counter and rate,
 * theme. A choice that would replace models with unsaved changes asks first; when the user
 * cancels or the change fails, the control goes back to the model's value.
 */
final class MainToolbar extends ToolBar {
    /** The data box's last entry, which opens File › Draw data rather than naming a data set. */
    static final String DRAW_ENTRY = "draw your own\u2026";
    private final MainModel main;
    private final FileActions files;
    private final ImportActions imports;
    private final Runnable drawData;
    private final ComboBox<String> datasetBox = new ComboBox<>();
    private final ComboBox<String> presetBox = new ComboBox<>();
    private boolean updating;

    MainToolbar(MainModel main, FileActions files, ImportActions imports, Runnable drawData,
                ObjectProperty<Theme> theme) {
        this.main = main;
        this.files = files;
        this.imports = imports;
        this.drawData = drawData;
        setId("toolbar");
        Label brand = new Label("Dual-MCMC Explorer");
        brand.getStyleClass().add("brand");
        brand.setTooltip(new Tooltip("Learning an energy-based model via dual-MCMC teaching (Cui & Han, NeurIPS 2023)"));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getItems().addAll(brand, sep(), label("Data"), datasetBox(), label("Preset"), presetBox(), sep());
        getItems().addAll(trainingButtons());
        getItems().addAll(sep(), label("Seed"), seedField(), grow, iterationLabel(), rateLabel(), themeToggle(theme));
    }

    private ComboBox<String> datasetBox() {
        datasetBox.setId("datasetBox");
        syncDatasetBox();
        datasetBox.setTooltip(new Tooltip("Data set p_data(x): 2-D toys (rings, grids, moons, spirals\u2026) or images "
                + "(digits 8\u00d78, Fashion-MNIST 28\u00d728, or your own through File \u203a Import data), or points "
                + "you draw; choosing one builds fresh models"));
        datasetBox.setOnAction(e -> {
            String v = datasetBox.getValue();
            if (!updating && v != null && !v.equals(dataLabel())) {
                chooseDataset(v);
            }
        });
        // as wide as the built-in names: a long entry (an imported folder) is cut short rather than
        // pushing the toolbar's right end out of the window
        datasetBox.setPrefWidth(134);
        datasetBox.setMaxWidth(134);
        main.datasetNameProperty().addListener((o, a, b) -> syncDatasetBox());
        main.dataDirProperty().addListener((o, a, b) -> syncDatasetBox());
        return datasetBox;
    }

    private ComboBox<String> presetBox() {
        presetBox.setId("presetBox");
        syncPresetBox();
        presetBox.setTooltip(new Tooltip("Named starting configuration (networks, chains, losses, optimiser); "
                + "a * marks edited values; after File \u203a Open it names the file the settings came from"));
        presetBox.setOnAction(e -> {
            String v = presetBox.getValue();
            if (!updating && v != null && !v.equals(main.presetNameProperty().get()) && Presets.names().contains(v)) {
                revertIfRefused(files.guard("switching to the " + v + " preset", () -> main.setPreset(v)),
                        this::syncPresetBox);
            }
        });
        main.presetNameProperty().addListener((o, a, b) -> syncPresetBox());
        presetBox.setEditable(false);
        // a long label (an opened file, a what-if) is cut short rather than pushing the toolbar over
        presetBox.setPrefWidth(170);
        presetBox.setMaxWidth(170);
        return presetBox;
    }

    private List<Button> trainingButtons() {
        Button train = button("Train", Feather.PLAY, "train", "Train the EBM, generator and inference model together "
                + "(each iteration: z-revision, x-revision, then the three updates) (Space)");
        train.getStyleClass().add("train-button");
        train.setOnAction(e -> main.train());
        Button pause = button("Pause", Feather.PAUSE, "pause", "Pause training between two iterations (Space)");
        pause.setOnAction(e -> main.pause());
        Button stop = button("Stop", Feather.SQUARE, "stop",
                "End the training thread; the models stay for the chain views (Train continues from here)");
        stop.setOnAction(e -> main.stop());
        Button reset = button("Reset", Feather.ROTATE_CCW, "reset",
                "New models from the current settings and seed, iteration 0 (Ctrl+R)");
        reset.setOnAction(e -> files.newModels());
        train.disableProperty().bind(main.stateProperty().isEqualTo(TrainingState.RUNNING));
        pause.disableProperty().bind(main.stateProperty().isNotEqualTo(TrainingState.RUNNING));
        stop.disableProperty().bind(main.stateProperty().isEqualTo(TrainingState.READY)
                .or(main.stateProperty().isEqualTo(TrainingState.STOPPED)));
        main.pendingRebuildProperty().addListener((o, a, b) -> reset.pseudoClassStateChanged(Styles.STATE_ACCENT, b));
        return List.of(train, pause, stop, reset);
    }

    private TextField seedField() {
        TextField seed = new TextField(Long.toString(main.seedProperty().get()));
        seed.setId("seedField");
        seed.setPrefColumnCount(5);
        seed.setTooltip(new Tooltip("Root seed of the run: every random stream (init, batches, chains) derives "
                + "from it by name; Enter rebuilds the models"));
        seed.setOnAction(e -> {
            try {
                long s = Long.parseLong(seed.getText().trim());
                seed.pseudoClassStateChanged(Styles.STATE_DANGER, false);
                if (s != main.seedProperty().get()) {
                    revertIfRefused(files.guard("rebuilding the models with seed " + s, () -> main.setSeed(s)),
                            () -> seed.setText(Long.toString(main.seedProperty().get())));
                }
            } catch (NumberFormatException ex) {
                seed.pseudoClassStateChanged(Styles.STATE_DANGER, true);
                main.messageProperty().set("The seed must be a whole number, got '" + seed.getText() + "'");
            }
        });
        main.seedProperty().addListener((o, a, b) -> seed.setText(Long.toString(b.longValue())));
        return seed;
    }

    private Label iterationLabel() {
        Label iter = new Label();
        iter.setId("iterationLabel");
        iter.getStyleClass().add("counter");
        iter.textProperty().bind(Bindings.createStringBinding(
                () -> String.format("iteration %,d", main.iterationProperty().get()), main.iterationProperty()));
        iter.setTooltip(new Tooltip("Training iterations done (one batch: generator, inference and EBM updates)"));
        return iter;
    }

    private Label rateLabel() {
        Label rate = new Label();
        rate.setId("rateLabel");
        rate.getStyleClass().add("muted");
        rate.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.1f it/s on %d core%s", main.itersPerSecondProperty().get(),
                        main.trainingCoresProperty().get(), main.trainingCoresProperty().get() == 1 ? "" : "s"),
                main.itersPerSecondProperty(), main.trainingCoresProperty()));
        rate.setTooltip(new Tooltip("Training iterations per second, and the cores training keeps busy"));
        rate.setMinWidth(60);
        return rate;
    }

    /** Pressed in the dark themes; pressing it switches between light and dark. */
    private static ToggleButton themeToggle(ObjectProperty<Theme> theme) {
        ToggleButton dark = new ToggleButton(null, new FontIcon(Feather.MOON));
        dark.setId("themeToggle");
        dark.getStyleClass().add(Styles.BUTTON_ICON);
        dark.setTooltip(new Tooltip("Switch between the light and the dark theme (View \u203a High contrast for "
                + "projectors)"));
        dark.setSelected(theme.get() != Theme.LIGHT);
        theme.addListener((o, a, b) -> dark.setSelected(b != Theme.LIGHT));
        dark.setOnAction(e -> theme.set(dark.isSelected() ? Theme.DARK : Theme.LIGHT));
        return dark;
    }

    /** "ring8", or "cifar10 (cifar-10-batches-bin)" for a data set read from a folder. */
    private String dataLabel() {
        Path dir = main.dataDirProperty().get();
        String name = main.datasetNameProperty().get();
        return dir == null || dir.getFileName() == null ? name : name + " (" + dir.getFileName() + ")";
    }

    /** The built-in names, with the current data set's folder beside its name when it was imported. */
    private void syncDatasetBox() {
        quietly(() -> {
            List<String> items = new ArrayList<>(Datasets.names());
            String label = dataLabel();
            if (!items.contains(label)) {
                items.add(items.indexOf(main.datasetNameProperty().get()) + 1, label);
            }
            items.add(DRAW_ENTRY);
            datasetBox.getItems().setAll(items);
            datasetBox.setValue(label);
        });
    }

    /** The named presets, with the current label first when it is none of them (an edited preset, an opened file). */
    private void syncPresetBox() {
        quietly(() -> {
            String label = main.presetNameProperty().get();
            List<String> items = new ArrayList<>(Presets.names());
            if (!items.contains(label)) {
                items.add(0, label);
            }
            presetBox.getItems().setAll(items);
            presetBox.setValue(label);
        });
    }

    /**
     * A data set chosen in the toolbar: generated and bundled ones load at once; one that needs the
     * user's files (mnist without --data-dir, cifar10, folders of images) opens File > Import data
     * with its format chosen; "draw your own" opens File › Draw data.
     */
    private void chooseDataset(String name) {
        if (name.equals(DRAW_ENTRY)) {
            // the box keeps showing the loaded data set: the drawing replaces it only on "Train on these"
            javafx.application.Platform.runLater(() -> quietly(this::syncDatasetBox));
            drawData.run();
            return;
        }
        var format = ImportFormat.forDataset(name);
        boolean needsFiles = format.isPresent() && !name.equals(Datasets.FASHION_MNIST)
                && !(name.equals(Datasets.MNIST) && main.hasDefaultDataDir());
        CompletableFuture<Boolean> done = needsFiles ? imports.importData(format.get())
                : files.guard("switching to " + name, () -> main.load(name));
        revertIfRefused(done, this::syncDatasetBox);
    }

    /** Puts a control back to the model's value when the user cancelled or the change failed. */
    private void revertIfRefused(CompletableFuture<Boolean> done, Runnable revert) {
        done.thenAccept(ok -> {
            if (!ok) {
                quietly(revert);
            }
        });
    }

    private void quietly(Runnable r) {
        updating = true;
        try {
            r.run();
        } finally {
            updating = false;
        }
    }

    private static Label label(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("muted");
        return l;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }

    private static Button button(String text, Feather icon, String id, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

}
