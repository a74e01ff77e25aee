package dualmcmc.app.shell;

import atlantafx.base.theme.Styles;
import dualmcmc.app.GlyphLayoutGuard;
import dualmcmc.app.MainModel;
import dualmcmc.app.chart.Charts;
import dualmcmc.app.compare.CompareView;
import dualmcmc.app.compare.CompareViewModel;
import dualmcmc.app.examples.ExamplesGallery;
import dualmcmc.app.examples.ExamplesViewModel;
import dualmcmc.app.help.HelpMenu;
import dualmcmc.app.lesson.Lesson;
import dualmcmc.app.lesson.LessonPanel;
import dualmcmc.app.lesson.LessonViewModel;
import dualmcmc.app.whatif.WhatIfBanner;
import dualmcmc.app.whatif.WhatIfMenu;
import dualmcmc.app.whatif.WhatIfViewModel;
import dualmcmc.app.prefs.AppPreferences;
import dualmcmc.app.prefs.Appearance;
import dualmcmc.app.prefs.SettingsDialog;
import dualmcmc.app.export.ExportActions;
import dualmcmc.app.io.AutosaveDialog;
import dualmcmc.app.io.AutosaveSettings;
import dualmcmc.app.io.ImportActions;
import dualmcmc.app.io.ImportFormat;
import dualmcmc.app.latent.LatentView;
import dualmcmc.app.latent.LatentViewModel;
import dualmcmc.app.training.TrainingView;
import dualmcmc.app.training.TrainingViewModel;
import dualmcmc.app.xrevision.XRevisionView;
import dualmcmc.app.xrevision.XRevisionViewModel;
import dualmcmc.app.zrevision.ZRevisionView;
import dualmcmc.app.zrevision.ZRevisionViewModel;
import dualmcmc.engine.config.Presets;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.progress.TrainingState;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * The main window: the menu bar (File, View), the toolbar (data set, preset, Train / Pause / Stop /
 * Reset, seed, iteration counter and rate), the hyperparameter sheet on the left, the views as
 * tabs in the centre and a status bar with a progress bar for any long task. Everything that
 * would replace models that have unsaved changes asks first (through {@link FileActions}).
 */
public final class MainWindow extends BorderPane {
    public static final String TAB_TRAINING = "training";
    public static final String TAB_X = "xrevision";
    public static final String TAB_Z = "zrevision";
    public static final String TAB_LATENT = "latent";
    public static final String TAB_COMPARE = "compare";

    private final MainModel main;
    private final TrainingViewModel trainingVm;
    private final XRevisionViewModel xVm;
    private final ZRevisionViewModel zVm;
    private final LatentViewModel latentVm;
    private final CompareViewModel compareVm;
    private LessonViewModel lessonVm;
    /** First start: one line offering the lesson. */
    private final HBox lessonOffer = new HBox(10);
    private final WhatIfViewModel whatIfVm;
    private final TrainingView trainingView;
    private final XRevisionView xView;
    private final ZRevisionView zView;
    private final LatentView latentView;
    private final CompareView compareView;
    private final TabPane tabs = new TabPane();
    private final SettingsSheet settings;
    private final ComboBox<String> datasetBox = new ComboBox<>();
    private final ComboBox<String> presetBox = new ComboBox<>();
    private final TextField seedField = new TextField();
    private final Label alertLabel = new Label();
    private final HBox alertBar = new HBox(8);
    private final Preferences prefs;
    private final FileActions files;
    private final ExportActions export;
    private final ImportActions imports;
    private final ExamplesViewModel examplesVm;
    private ExamplesGallery gallery;
    private boolean updating;
    /** Opens web addresses: the app sets HostServices; until then the address goes to the status bar. */
    private Consumer<String> browser = url -> { };
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    /** Presenter mode: full screen, larger text, thicker lines (F11). */
    private final BooleanProperty presenter = new SimpleBooleanProperty(false);
    private double scaleBeforePresenting = AppPreferences.DEFAULT.scale();
    static final double PRESENTER_SCALE = 1.5;
    static final double PRESENTER_STROKE = 1.7;
    private final DoubleProperty uiScale = new SimpleDoubleProperty(AppPreferences.DEFAULT.scale());

    /**
     * @param prefs where recent files, folders and autosave settings are kept (the app's node;
     *              tests pass their own)
     */
    public MainWindow(MainModel main, Preferences prefs) {
        GlyphLayoutGuard.install();
        this.main = main;
        this.prefs = prefs;
        getStyleClass().add("main-window");
        Supplier<Window> owner = () -> getScene() == null ? null : getScene().getWindow();
        main.autosaveProperty().set(AutosaveSettings.load(prefs));
        files = new FileActions(main, new RecentFiles(prefs), prefs, owner);
        imports = new ImportActions(main, files, prefs, owner);
        examplesVm = new ExamplesViewModel(main);
        trainingVm = new TrainingViewModel(main);
        xVm = new XRevisionViewModel(main);
        zVm = new ZRevisionViewModel(main);
        latentVm = new LatentViewModel(main);
        compareVm = new CompareViewModel(main);
        whatIfVm = new WhatIfViewModel(main);
        trainingView = new TrainingView(main, trainingVm);
        xView = new XRevisionView(main, xVm);
        zView = new ZRevisionView(main, zVm);
        latentView = new LatentView(main, latentVm);
        compareView = new CompareView(main, compareVm);
        settings = new SettingsSheet(main);
        export = new ExportActions(main, prefs, owner, this::selectedPage, this::selectedView, this::shownChain,
                trainingVm::history);
        FileMenu menu = new FileMenu(files, export, new FileMenu.Commands() {
            @Override
            public void examples() {
                showExamples();
            }

            @Override
            public void importData() {
                imports.importData(null);
            }

            @Override
            public void autosave() {
                AutosaveDialog.edit(owner.get(), prefs, main);
            }

            @Override
            public void select(String view) {
                MainWindow.this.select(view);
            }
        });

        darkTheme.addListener((o, a, b) -> Appearance.theme(b));
        uiScale.addListener((o, a, b) -> applyScale());
        sceneProperty().addListener((o, a, b) -> applyScale());
        menu.bar().getMenus().stream().filter(m -> "viewMenu".equals(m.getId())).findFirst().orElseThrow()
                .getItems().addAll(new SeparatorMenuItem(),
                        FileMenu.item("Presenter mode", Feather.MONITOR, "menuPresenter", "F11",
                                () -> presenter.set(!presenter.get())),
                        FileMenu.item("Settings\u2026", Feather.SETTINGS,
                        "menuSettings", "Shortcut+Comma", this::showSettings));
        presenter.addListener((o, a, b) -> present(b));
        menu.bar().getMenus().add(WhatIfMenu.create(whatIfVm, files));
        Menu help = HelpMenu.create(owner, menu.bar(), url -> {
            main.messageProperty().set("Opening " + url + " in the web browser");
            browser.accept(url);
        });
        menu.bar().getMenus().add(help);

        Tab t1 = tab("Training", Feather.ACTIVITY, trainingView, TAB_TRAINING,
                "Live losses L_E, L_G, L_I, mean energies and the current samples (Ctrl+1)");
        Tab t2 = tab("x-revision (EBM-guided)", Feather.TRENDING_DOWN, xView, TAB_X,
                "Step through EBM-guided Langevin chains x\u2080 \u2192 x\u2096 started from the generator (Ctrl+2)");
        Tab t3 = tab("z-revision (generator-guided)", Feather.CROSSHAIR, zView, TAB_Z,
                "Step through generator-guided Langevin chains on z started from the inference model (Ctrl+3)");
        Tab t4 = tab("Latent map", Feather.MAP, latentView, TAB_LATENT,
                "The inference model's latent space as a live t-SNE map of \u03bc_\u03c6(x), coloured by class (Ctrl+4)");
        Tab t5 = tab("Compare starts", Feather.COLUMNS, compareView, TAB_COMPARE,
                "The same chains from the generator / inference model and from noise, side by side (Ctrl+5)");
        tabs.getTabs().addAll(t1, t2, t3, t4, t5);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> onTab(b));
        tabs.setId("views");

        SplitPane split = new SplitPane(settings, tabs);
        split.setDividerPositions(0.225);
        SplitPane.setResizableWithParent(settings, false);
        settings.setMinWidth(280);
        settings.setPrefWidth(325);
        settings.setMaxWidth(420);

        alertBar.setId("alertBar");
        alertBar.getStyleClass().add("alert-bar");
        alertBar.setAlignment(Pos.CENTER_LEFT);
        alertBar.setPadding(new Insets(6, 12, 6, 12));
        alertLabel.setId("alertText");
        alertLabel.setWrapText(true);
        Button dismiss = new Button(null, new FontIcon(Feather.X));
        dismiss.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dismiss.setTooltip(new Tooltip("Dismiss"));
        dismiss.setOnAction(e -> main.alertProperty().set(null));
        Region g = new Region();
        HBox.setHgrow(g, Priority.ALWAYS);
        alertBar.getChildren().addAll(new FontIcon(Feather.ALERT_TRIANGLE), alertLabel, g, dismiss);
        alertBar.visibleProperty().bind(main.alertProperty().isNotNull());
        alertBar.managedProperty().bind(alertBar.visibleProperty());
        alertLabel.textProperty().bind(main.alertProperty());

        lessonOffer.managedProperty().bind(lessonOffer.visibleProperty());
        lessonOffer.setVisible(false);
        setTop(new VBox(menu.bar(), toolbar(), alertBar, new WhatIfBanner(whatIfVm), lessonOffer));
        setCenter(split);
        lessonVm = new LessonViewModel(new WindowLessonHost(this, files));
        setRight(new LessonPanel(lessonVm));
        // a lesson sets what it needs itself: the settings make room for the views and the lesson
        lessonVm.lessonProperty().addListener((o, a, b) -> {
            if (b != null) {
                split.getItems().remove(settings);
            } else if (!split.getItems().contains(settings)) {
                split.getItems().add(0, settings);
                split.setDividerPositions(0.225);
            }
        });
        help.getItems().addAll(0, lessonItems());
        setBottom(statusBar());
    }

    private static Tab tab(String text, Feather icon, Node content, String id, String tip) {
        Tab t = new Tab(text, content);
        t.setGraphic(new FontIcon(icon));
        t.setId(id);
        t.setTooltip(new Tooltip(tip));
        return t;
    }

    private ToolBar toolbar() {
        Label brand = new Label("Dual-MCMC Explorer");
        brand.getStyleClass().add("brand");
        brand.setTooltip(new Tooltip("Learning an energy-based model via dual-MCMC teaching (Cui & Han, NeurIPS 2023)"));

        datasetBox.setId("datasetBox");
        syncDatasetBox();
        datasetBox.setTooltip(new Tooltip("Data set p_data(x): 2-D toys (rings, grids, moons, spirals\u2026) or images "
                + "(digits 8\u00d78, Fashion-MNIST 28\u00d728, or your own through File \u203a Import data); "
                + "choosing one builds fresh models"));
        datasetBox.setOnAction(e -> {
            String v = datasetBox.getValue();
            if (!updating && v != null && !v.equals(dataLabel())) {
                chooseDataset(v);
            }
        });
        main.datasetNameProperty().addListener((o, a, b) -> syncDatasetBox());
        main.dataDirProperty().addListener((o, a, b) -> syncDatasetBox());

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

        TextField seed = seedField;
        seed.setText(Long.toString(main.seedProperty().get()));
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

        Label iter = new Label();
        iter.setId("iterationLabel");
        iter.getStyleClass().add("counter");
        iter.textProperty().bind(Bindings.createStringBinding(
                () -> String.format("iteration %,d", main.iterationProperty().get()), main.iterationProperty()));
        iter.setTooltip(new Tooltip("Training iterations done (one batch: generator, inference and EBM updates)"));
        Label rate = new Label();
        rate.setId("rateLabel");
        rate.getStyleClass().add("muted");
        rate.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.1f it/s on %d core%s", main.itersPerSecondProperty().get(),
                        main.trainingCoresProperty().get(), main.trainingCoresProperty().get() == 1 ? "" : "s"),
                main.itersPerSecondProperty(), main.trainingCoresProperty()));
        rate.setTooltip(new Tooltip("Training iterations per second, and the cores training keeps busy"));
        rate.setMinWidth(60);

        ToggleButton dark = new ToggleButton(null, new FontIcon(Feather.MOON));
        dark.setId("themeToggle");
        dark.getStyleClass().add(Styles.BUTTON_ICON);
        dark.setTooltip(new Tooltip("Switch between the Primer Light and Primer Dark themes"));
        dark.selectedProperty().bindBidirectional(darkTheme);

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        ToolBar bar = new ToolBar(brand, sep(), label("Data"), datasetBox, label("Preset"), presetBox, sep(),
                train, pause, stop, reset, sep(), label("Seed"), seed, grow, iter, rate, dark);
        bar.setId("toolbar");
        return bar;
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
     * with its format chosen.
     */
    private void chooseDataset(String name) {
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

    private HBox statusBar() {
        Label msg = new Label();
        msg.setId("statusMessage");
        msg.textProperty().bind(main.messageProperty());
        msg.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(msg, Priority.ALWAYS);
        Label state = new Label();
        state.setId("stateLabel");
        state.getStyleClass().add("state-badge");
        state.textProperty().bind(Bindings.createStringBinding(
                () -> main.stateProperty().get().name().toLowerCase(Locale.ROOT), main.stateProperty()));
        state.setTooltip(new Tooltip("Training state: ready, running, paused, finished or stopped"));
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setId("progress");
        progress.setPrefWidth(140);
        progress.visibleProperty().bind(main.busyProperty().greaterThan(0));
        Tooltip.install(progress, new Tooltip("Working: loading data, building models or running chains"));
        Label keys = new Label("Space train/play \u00b7 \u2190 \u2192 step \u00b7 Ctrl+1-5 views \u00b7 Ctrl+S save"
                + " \u00b7 F11 presenter");
        keys.getStyleClass().add("muted");
        // a long message is cut, never the keys or the state
        keys.setMinWidth(Region.USE_PREF_SIZE);
        state.setMinWidth(Region.USE_PREF_SIZE);
        progress.setMinWidth(Region.USE_PREF_SIZE);
        msg.setMinWidth(0);
        HBox bar = new HBox(10, msg, progress, keys, state);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 12, 4, 12));
        return bar;
    }

    private void onTab(Tab t) {
        if (t == null) {
            return;
        }
        latentVm.setActive(TAB_LATENT.equals(t.getId()));
        compareVm.setActive(TAB_COMPARE.equals(t.getId()));
        if (TAB_X.equals(t.getId()) && xVm.isStale()) {
            xVm.run();
        } else if (TAB_Z.equals(t.getId()) && zVm.resultProperty().get() != null
                && zVm.resultProperty().get().iteration() != main.iterationProperty().get()) {
            zVm.run();
        }
    }

    /**
     * Space, arrows, Home/End, Ctrl+1-5, Ctrl+R; ignored while typing in a field. The File menu's
     * accelerators (Ctrl+N, O, E, S, Shift+S, I, Q) are the menu bar's own.
     */
    public void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl && !e.isShortcutDown()) {
                return;
            }
            String tab = selectedView();
            PlaybackBar pb = TAB_X.equals(tab) ? xView.playback() : TAB_Z.equals(tab) ? zView.playback()
                    : TAB_COMPARE.equals(tab) ? compareView.playback() : null;
            if (e.isShortcutDown()) {
                switch (e.getCode()) {
                    case DIGIT1 -> select(TAB_TRAINING);
                    case DIGIT2 -> select(TAB_X);
                    case DIGIT3 -> select(TAB_Z);
                    case DIGIT4 -> select(TAB_LATENT);
                    case DIGIT5 -> select(TAB_COMPARE);
                    case R -> files.newModels();
                    default -> {
                        return;
                    }
                }
                e.consume();
                return;
            }
            if (e.getCode() == KeyCode.SPACE) {
                if (pb != null) {
                    pb.toggle();
                } else {
                    main.togglePlay();
                }
                e.consume();
            } else if (pb != null && (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.LEFT)) {
                pb.stepBy(e.getCode() == KeyCode.RIGHT ? 1 : -1);
                e.consume();
            } else if (pb != null && e.getCode() == KeyCode.HOME) {
                pb.pause();
                pb.stepProperty().set(0);
                e.consume();
            } else if (pb != null && e.getCode() == KeyCode.END) {
                pb.pause();
                pb.stepProperty().set(pb.maxStepProperty().get());
                e.consume();
            }
        });
    }

    public String selectedView() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t == null ? TAB_TRAINING : t.getId();
    }

    public void select(String view) {
        for (Tab t : tabs.getTabs()) {
            if (t.getId().equals(view)) {
                tabs.getSelectionModel().select(t);
            }
        }
    }

    public TrainingViewModel trainingViewModel() {
        return trainingVm;
    }

    public XRevisionViewModel xViewModel() {
        return xVm;
    }

    public ZRevisionViewModel zViewModel() {
        return zVm;
    }

    public LatentViewModel latentViewModel() {
        return latentVm;
    }

    public CompareViewModel compareViewModel() {
        return compareVm;
    }

    public CompareView compareView() {
        return compareView;
    }

    public LatentView latentView() {
        return latentView;
    }

    public TrainingView trainingView() {
        return trainingView;
    }

    public XRevisionView xView() {
        return xView;
    }

    public ZRevisionView zView() {
        return zView;
    }

    /** The view on screen (what File > Export > View as PNG takes). */
    public Node selectedPage() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t == null ? trainingView : t.getContent();
    }

    /** The chain the view on screen shows, or null when it is no chain view or has not run yet. */
    private ExportActions.Chain shownChain() {
        String tab = selectedView();
        if (TAB_X.equals(tab) && xVm.resultProperty().get() != null) {
            return new ExportActions.Chain(xVm.resultProperty().get().trace(), null);
        }
        if (TAB_Z.equals(tab) && zVm.resultProperty().get() != null) {
            var r = zVm.resultProperty().get();
            return new ExportActions.Chain(r.trace(), r.targets());
        }
        return null;
    }

    /** Opens the examples gallery (without waiting); a card opens its model after the unsaved-changes question. */
    public ExamplesGallery showExamples() {
        if (gallery == null) {
            gallery = new ExamplesGallery(examplesVm, getScene() == null ? null : getScene().getWindow(),
                    files::openExample, main.messageProperty()::set);
        }
        gallery.show();
        return gallery;
    }

    public BooleanProperty presenterProperty() {
        return presenter;
    }

    /** The UI scale the user chose (presenter mode's larger one is not kept). */
    public double chosenScale() {
        return presenter.get() ? scaleBeforePresenting : uiScale.get();
    }

    private void present(boolean on) {
        if (on) {
            scaleBeforePresenting = uiScale.get();
            uiScale.set(Math.max(scaleBeforePresenting, PRESENTER_SCALE));
            Charts.STROKE.set(PRESENTER_STROKE);
        } else {
            uiScale.set(scaleBeforePresenting);
            Charts.STROKE.set(1.0);
        }
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreenExitHint(on ? "F11 or Esc ends presenter mode" : "");
            if (stage.isFullScreen() != on) {
                stage.setFullScreen(on);
            }
            if (!stage.getProperties().containsKey("dualmcmc.presenter")) {
                // Esc leaves full screen: that ends presenter mode too
                stage.getProperties().put("dualmcmc.presenter", true);
                stage.fullScreenProperty().addListener((o, a, b) -> {
                    if (!b && presenter.get()) {
                        presenter.set(false);
                    }
                });
            }
        }
        main.messageProperty().set(on ? "Presenter mode: F11 or Esc ends it" : "Presenter mode ended");
    }

    /** Help > Lesson items, one per bundled lesson, then a separator. */
    private List<MenuItem> lessonItems() {
        List<MenuItem> items = new ArrayList<>();
        for (String id : Lesson.BUNDLED) {
            Lesson l = Lesson.bundled(id);
            items.add(FileMenu.item("Lesson: " + l.title(), Feather.BOOK_OPEN, "menuLesson-" + id, null,
                    () -> startLesson(id)));
        }
        items.add(new SeparatorMenuItem());
        return items;
    }

    /** Starts a bundled lesson at its first step. */
    public CompletableFuture<Void> startLesson(String id) {
        lessonOffer.setVisible(false);
        return lessonVm.start(Lesson.bundled(id));
    }

    public LessonViewModel lessonViewModel() {
        return lessonVm;
    }

    /**
     * Offers the main lesson in a line under the toolbar (the app does this on its first start):
     * Start begins it, the cross hides the offer; Help > Lesson is always there.
     */
    public void offerLesson() {
        lessonOffer.setId("lessonOffer");
        lessonOffer.getStyleClass().add("what-if-bar");
        lessonOffer.setAlignment(Pos.CENTER_LEFT);
        lessonOffer.setPadding(new Insets(6, 12, 6, 12));
        Button start = new Button("Start the lesson", new FontIcon(Feather.BOOK_OPEN));
        start.setId("lessonOfferStart");
        start.getStyleClass().add(Styles.ACCENT);
        start.setOnAction(e -> startLesson("main"));
        Button hide = new Button(null, new FontIcon(Feather.X));
        hide.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        hide.setTooltip(new Tooltip("Not now (Help > Lesson starts it later)"));
        hide.setOnAction(e -> lessonOffer.setVisible(false));
        Label words = new Label("New to dual-MCMC? A short lesson walks through the three models and the two "
                + "revisions on the bundled examples.");
        words.setWrapText(true);
        Region g = new Region();
        HBox.setHgrow(g, Priority.ALWAYS);
        lessonOffer.getChildren().setAll(new FontIcon(Feather.BOOK_OPEN), words, start, g, hide);
        lessonOffer.setVisible(true);
    }

    /** Closing the window asks about unsaved changes first; {@code exit} ends the app once agreed. */
    public void installCloseGuard(Stage stage, Runnable exit) {
        files.setExit(exit);
        stage.setOnCloseRequest(e -> {
            e.consume();
            files.quit();
        });
    }

    private void applyScale() {
        if (getScene() != null) {
            Appearance.scale(getScene(), uiScale.get());
        }
        Charts.TEXT.set(uiScale.get());
    }

    /** View > Settings (non-modal wait: the choice is applied when the dialog closes). */
    public Dialog<SettingsDialog.Choice> showSettings() {
        Dialog<SettingsDialog.Choice> d = SettingsDialog.create(getScene() == null ? null : getScene().getWindow(),
                new SettingsDialog.Choice(darkTheme.get(), uiScale.get(), main.autosaveProperty().get(), false));
        d.setOnHidden(e -> {
            if (d.getResult() != null) {
                applySettings(d.getResult());
            }
        });
        d.show();
        return d;
    }

    /** Applies and stores a Settings choice; Reset to defaults also forgets the window's place and size. */
    public void applySettings(SettingsDialog.Choice c) {
        if (c.reset()) {
            AppPreferences.reset(prefs);
            if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
                stage.setMaximized(false);
                stage.setWidth(AppPreferences.DEFAULT.width());
                stage.setHeight(AppPreferences.DEFAULT.height());
                stage.centerOnScreen();
            }
        }
        darkTheme.set(c.dark());
        uiScale.set(c.scale());
        main.autosaveProperty().set(c.autosave());
        c.autosave().store(prefs);
        AppPreferences.load(prefs).withLook(c.dark(), c.scale()).store(prefs);
        main.messageProperty().set(c.reset() ? "Settings reset to their defaults" : "Settings saved");
    }

    /** The Primer Dark theme (the toolbar's moon button, Settings). */
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** UI scale, 1 = the app's 13 px text. */
    public DoubleProperty uiScaleProperty() {
        return uiScale;
    }

    /** Where Help's web links go (HostServices::showDocument in the app). */
    public void setBrowser(Consumer<String> browser) {
        this.browser = browser;
    }

    public FileActions fileActions() {
        return files;
    }

    public ExportActions exportActions() {
        return export;
    }

    public ExamplesViewModel examplesViewModel() {
        return examplesVm;
    }

    public SettingsSheet settings() {
        return settings;
    }
}
