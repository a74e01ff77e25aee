package dualmcmc.app;

import dualmcmc.app.diagnostics.Soak;
import dualmcmc.app.examples.ExamplesGallery;
import dualmcmc.app.lesson.Lesson;
import dualmcmc.app.prefs.AppPreferences;
import dualmcmc.app.prefs.Appearance;
import dualmcmc.app.prefs.Theme;
import dualmcmc.app.prefs.WindowPlacement;
import dualmcmc.app.files.FileActions;
import dualmcmc.app.page.Page;
import dualmcmc.app.shell.MainWindow;
import dualmcmc.engine.data.Datasets;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;

/**
 * The Dual-MCMC Explorer. It opens on the bundled ring8 example (fresh ring8 models when the build
 * has none). Options: {@code --dataset NAME} (start fresh on that data set instead),
 * {@code --seed N}, {@code --data-dir DIR} (mnist / full Fashion-MNIST), {@code --dark} or
 * {@code --theme light|dark|high-contrast}, and for docs and tests {@code --screenshot FILE --view
 * training|xrevision|zrevision|latent|compare|stages|gallery
 * [--steps K]}: trains K more iterations, lets the view settle, writes a PNG and exits;
 * {@code --soak MINUTES [--soak-seed N]} runs a scripted user for that long and exits, and
 * {@code --soak-log FILE} writes memory, FX-thread stalls and exceptions every minute (see
 * {@link Soak}). A bare path ending in {@code .dmcx} (how the desktop's file association starts
 * the app) opens that checkpoint instead of the example.
 */
public final class ExplorerApp extends Application {
    public static final int WIDTH = 1440;
    public static final int HEIGHT = 900;
    /** t-SNE iterations the latent map runs before a screenshot. */
    /** The app's preferences: recent files, last folder, autosave settings, window, theme, scale, view. */
    public static final String PREFERENCES_NODE = "/dualmcmc/explorer";
    /** Set once the first start has offered the lesson. */
    static final String LESSON_OFFERED = "lesson.offered";
    /** The --screenshot view that shows the examples gallery. */
    public static final String VIEW_GALLERY = "gallery";

    /** Parsed command line; {@code dataset} is null unless --dataset asked for fresh models. */
    public record Options(String dataset, long seed, Path dataDir, Theme theme, Path screenshot, String view,
                          long steps, Path file, double soakMinutes, Path soakLog, long soakSeed, String lesson,
                          int lessonStep) {
        static Options parse(List<String> args) {
            String dataset = null;
            long seed = MainModel.DEFAULT_SEED;
            Path dir = null;
            Theme theme = null;
            Path shot = null;
            String view = null;
            long steps = 0;
            Path file = null;
            double soakMinutes = 0;
            Path soakLog = null;
            long soakSeed = 1;
            String lesson = null;
            int lessonStep = 1;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--dataset" -> dataset = value(args, ++i, a);
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                    case "--data-dir" -> dir = Path.of(value(args, ++i, a));
                    case "--dark" -> theme = Theme.DARK;
                    case "--theme" -> {
                        String t = value(args, ++i, a);
                        theme = Theme.of(t.replace('-', '_').toUpperCase(java.util.Locale.ROOT));
                        if (!theme.name().equalsIgnoreCase(t.replace('-', '_'))) {
                            throw new IllegalArgumentException("--theme must be light, dark or high-contrast, got " + t);
                        }
                    }
                    case "--screenshot" -> shot = Path.of(value(args, ++i, a));
                    case "--view" -> view = value(args, ++i, a);
                    case "--steps" -> steps = Long.parseLong(value(args, ++i, a));
                    case "--soak" -> soakMinutes = Double.parseDouble(value(args, ++i, a));
                    case "--soak-log" -> soakLog = Path.of(value(args, ++i, a));
                    case "--soak-seed" -> soakSeed = Long.parseLong(value(args, ++i, a));
                    case "--lesson" -> lesson = value(args, ++i, a);
                    case "--lesson-step" -> lessonStep = Integer.parseInt(value(args, ++i, a));
                    case "--help", "-h" -> {
                        System.out.println(usage());
                        System.exit(0);
                    }
                    default -> {
                        file = CheckpointArgument.parse(a);
                        if (file == null) {
                            throw new IllegalArgumentException("unknown option " + a + "\n" + usage());
                        }
                    }
                }
            }
            if (dataset != null && !Datasets.names().contains(dataset)) {
                throw new IllegalArgumentException("--dataset must be one of " + String.join(", ", Datasets.names()));
            }
            if (steps < 0) {
                throw new IllegalArgumentException("--steps must be >= 0");
            }
            if (soakMinutes < 0) {
                throw new IllegalArgumentException("--soak must be >= 0 minutes");
            }
            if (lesson != null) {
                int n = Lesson.bundled(lesson).steps().size();
                if (lessonStep < 1 || lessonStep > n) {
                    throw new IllegalArgumentException("--lesson-step must be 1.." + n + " for lesson " + lesson);
                }
            }
            return new Options(dataset, seed, dir, theme, shot, view, steps, file, soakMinutes, soakLog, soakSeed,
                    lesson, lessonStep);
        }

        private static String value(List<String> args, int i, String opt) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(opt + " needs a value");
            }
            return args.get(i);
        }

        static String usage() {
            return "usage: java -jar dualmcmc-explorer.jar [--dataset NAME] [--seed N] [--data-dir DIR]\n"
                    + "       [--dark | --theme light|dark|high-contrast] [FILE.dmcx]\n"
                    + "       [--screenshot FILE.png --view training|xrevision|zrevision|latent|compare|stages|gallery\n"
                    + "        [--steps K] [--lesson main|images --lesson-step N]]\n"
                    + "       [--soak MINUTES [--soak-seed N]] [--soak-log FILE.jsonl]\n"
                    + "starts on the bundled ring8 example; --dataset starts fresh models on a data set instead,\n"
                    + "FILE.dmcx opens that checkpoint\n"
                    + "data sets: " + String.join(", ", Datasets.names());
        }
    }

    private MainModel main;
    private Soak soak;

    public static void main(String[] args) {
        launch(ExplorerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        GlyphLayoutGuard.install();
        NativeHeapTrimmer.start();
        Options opt;
        try {
            opt = Options.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            Platform.exit();
            System.exit(2);
            return;
        }
        Preferences node = Preferences.userRoot().node(PREFERENCES_NODE);
        // screenshots (docs, CI) show the defaults, never what this user chose last time
        AppPreferences saved = opt.screenshot() == null ? AppPreferences.load(node) : AppPreferences.DEFAULT;
        Theme theme = opt.theme() != null ? opt.theme() : saved.theme();
        Appearance.theme(theme, null);
        main = new MainModel(opt.dataDir());
        main.seedProperty().set(opt.seed());
        MainWindow window = new MainWindow(main, node);
        window.presentation().themeProperty().set(theme);
        Scene scene = createScene(window);
        window.presentation().uiScaleProperty().set(saved.scale());
        stage.titleProperty().bind(main.document().titleBinding());
        stage.setScene(scene);
        AppIcon.apply(stage);
        window.setBrowser(getHostServices()::showDocument);
        if (opt.screenshot() == null) {
            WindowPlacement.restore(stage, saved);
            window.select(saved.view());
        }
        window.installCloseGuard(stage, () -> {
            WindowPlacement.capture(stage, window.presentation().themeProperty().get(), window.presentation().chosenScale(),
                    window.selectedView()).store(node);
            Platform.exit();
        });
        stage.show();
        if (opt.screenshot() == null && opt.soakMinutes() == 0 && opt.soakLog() == null
                && !node.getBoolean(LESSON_OFFERED, false)) {
            window.offerLesson();
            node.putBoolean(LESSON_OFFERED, true);
        }
        // the first screen shows a trained model; --dataset asks for fresh ones
        CompletableFuture<Void> loaded = opt.file() != null ? openOrExample(window.fileActions(), main, opt.file())
                : opt.dataset() != null ? main.load(opt.dataset())
                : main.openExampleOrFresh(MainModel.START_DATASET);
        if (opt.screenshot() != null) {
            screenshot(window, scene, opt, loaded);
        }
        if (opt.soakLog() != null || opt.soakMinutes() > 0) {
            soak = Soak.start(window, main, loaded, opt.soakLog(), opt.soakMinutes(), opt.soakSeed());
        }
    }

    /**
     * Opens the file the app was started with; one that is gone or unreadable is named in the alert
     * bar and the example opens underneath, so the window never starts empty.
     */
    static CompletableFuture<Void> openOrExample(FileActions files, MainModel main, Path file) {
        return files.openFile(file).thenCompose(ok -> ok ? CompletableFuture.<Void>completedFuture(null)
                : main.openExampleOrFresh(MainModel.START_DATASET));
    }

    /** The scene with the app's style sheet and shortcuts; shared with the UI tests. */
    public static Scene createScene(MainWindow window) {
        Scene scene = new Scene(window, WIDTH, HEIGHT);
        scene.getStylesheets().add(ExplorerApp.class.getResource("/dualmcmc/app/app.css").toExternalForm());
        window.installShortcuts(scene);
        return scene;
    }

    /** Completes when page {@code view} shows what it computes for the current models. */
    private static CompletableFuture<Void> settle(MainWindow window, String view) {
        Page p = window.page(view);
        return (p != null ? p : window.selected()).settle().thenRun(() -> { });
    }

    private void screenshot(MainWindow window, Scene scene, Options opt, CompletableFuture<Void> loaded) {
        if (opt.view() != null && !VIEW_GALLERY.equals(opt.view()) && window.page(opt.view()) == null) {
            System.err.println("--view must be the id of a view (" + String.join(", ", window.pageIds()) + ") or "
                    + VIEW_GALLERY + ", got " + opt.view());
            System.exit(2);
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("screenshot: timed out waiting for the view to settle");
            System.exit(3);
        }, "screenshot-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Scene[] shot = {scene};
        loaded.thenCompose(v -> opt.steps() > 0 ? main.trainUntil(main.iterationProperty().get() + opt.steps())
                        : CompletableFuture.completedFuture(null))
                .thenCompose(v -> {
                    if (opt.lesson() != null) {
                        return window.startLesson(opt.lesson())
                                .thenCompose(x -> window.lessonViewModel().goTo(opt.lessonStep() - 1))
                                .thenCompose(x -> settle(window, window.lessonViewModel().step().view()));
                    }
                    if (VIEW_GALLERY.equals(opt.view())) {
                        ExamplesGallery g = window.showExamples();
                        shot[0] = g.dialog().getDialogPane().getScene();
                        return window.examplesViewModel().load().thenApply(r -> null);
                    }
                    String view = opt.view() != null ? opt.view() : window.pageIds().get(0);
                    window.select(view);
                    return settle(window, view);
                })
                .whenComplete((v, e) -> Platform.runLater(() -> {
                    if (e != null) {
                        System.err.println("screenshot: " + e);
                        System.exit(4);
                    }
                    PauseTransition settle = new PauseTransition(Duration.millis(700));
                    settle.setOnFinished(ev -> write(shot[0], opt.screenshot()));
                    settle.play();
                }));
    }

    private void write(Scene scene, Path file) {
        try {
            WritableImage img = scene.snapshot(null);
            File f = file.toAbsolutePath().toFile();
            if (f.getParentFile() != null) {
                f.getParentFile().mkdirs();
            }
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", f);
            System.out.printf(Locale.ROOT, "screenshot: wrote %s (%dx%d) at iteration %d of %s (%s)%n", f,
                    (int) img.getWidth(), (int) img.getHeight(), main.iterationProperty().get(),
                    main.document().nameBinding().get(), main.datasetNameProperty().get());
            main.dispose();
            Platform.exit();
            System.exit(0);
        } catch (Exception e) {
            System.err.println("screenshot: could not write " + file + ": " + e);
            System.exit(4);
        }
    }

    @Override
    public void stop() {
        if (soak != null) {
            soak.finish();
        }
        if (main != null) {
            main.dispose();
        }
    }
}
