package dualmcmc.app.export;

import dualmcmc.app.MainModel;
import dualmcmc.app.files.FileActions;
import dualmcmc.engine.export.ChainGif;
import dualmcmc.engine.export.CsvExport;
import dualmcmc.engine.io.AtomicFiles;
import dualmcmc.engine.mcmc.ChainKind;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.progress.IterationStats;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * File > Export: the current view as PNG, the x- or z-revision chain on screen as an animated GIF
 * (a frame every third step, as the paper's Fig. 2) or its energy / MSE profile as CSV, and the
 * training curves as CSV. The FX thread only takes the snapshot or copies references; encoding and
 * writing run on the worker, atomically. The written file, or the problem, shows in the status bar.
 */
public final class ExportActions {
    /** The chain a view shows: its trace and, for z-chains, the observations x it revises toward. */
    public record Chain(ChainTrace trace, float[][] targets) {
    }

    private final MainModel main;
    private final Preferences prefs;
    private final Supplier<Window> owner;
    private final Supplier<Node> page;
    private final Supplier<String> pageName;
    private final Supplier<Chain> chain;
    private final Supplier<List<IterationStats>> curves;

    /**
     * @param page     the view on screen
     * @param pageName its short name for file names, e.g. "xrevision"
     * @param chain    the chain the view on screen shows, or null when it shows none
     * @param curves   the training iterations behind the curves
     */
    public ExportActions(MainModel main, Preferences prefs, Supplier<Window> owner, Supplier<Node> page,
                         Supplier<String> pageName, Supplier<Chain> chain, Supplier<List<IterationStats>> curves) {
        this.main = main;
        this.prefs = prefs;
        this.owner = owner;
        this.page = page;
        this.pageName = pageName;
        this.chain = chain;
        this.curves = curves;
    }

    /** Whether the view on screen has a chain to export. */
    public boolean hasChain() {
        return chain.get() != null;
    }

    public void viewAsPng() {
        ask("Export the view as PNG", pageName.get(), "png", "PNG images").ifPresent(this::writePng);
    }

    /** Snapshots the view on screen now and writes it as PNG on the worker. */
    public CompletableFuture<Path> writePng(Path file) {
        WritableImage img = page.get().snapshot(new SnapshotParameters(), null);
        BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
        return report(file, "the view", main.background(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(bi, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
            AtomicFiles.write(file, out.toByteArray());
            return file;
        }));
    }

    public void chainAsGif() {
        Chain c = requireChain();
        if (c != null) {
            ask("Export the chain as GIF", chainName(c), "gif", "Animated GIF").ifPresent(f -> writeGif(f, c));
        }
    }

    public CompletableFuture<Path> writeGif(Path file, Chain c) {
        return report(file, "the chain (a frame every " + ChainGif.Options.DEFAULT.every() + " steps)",
                main.withData(data -> {
                    ChainGif.write(file, c.trace(), data, c.targets(), ChainGif.Options.DEFAULT);
                    return file;
                }));
    }

    public void chainProfileAsCsv() {
        Chain c = requireChain();
        if (c != null) {
            ask("Export the chain profile as CSV", chainName(c) + "-profile", "csv", "CSV tables")
                    .ifPresent(f -> writeChainCsv(f, c));
        }
    }

    public CompletableFuture<Path> writeChainCsv(Path file, Chain c) {
        String what = c.trace().kind() == ChainKind.X ? "the energy profile" : "the MSE profile";
        return report(file, what, main.background(() -> {
            CsvExport.writeTrace(file, c.trace());
            return file;
        }));
    }

    public void curvesAsCsv() {
        List<IterationStats> stats = curves.get();
        if (stats.isEmpty()) {
            main.messageProperty().set("No training curves to export yet: train a few iterations first.");
            return;
        }
        ask("Export the training curves as CSV", main.datasetNameProperty().get() + "-curves", "csv", "CSV tables")
                .ifPresent(f -> writeCurves(f, stats));
    }

    public CompletableFuture<Path> writeCurves(Path file, List<IterationStats> stats) {
        return report(file, "the training curves (" + stats.size() + " iterations)", main.background(() -> {
            CsvExport.writeCurves(file, stats);
            return file;
        }));
    }

    private Chain requireChain() {
        Chain c = chain.get();
        if (c == null) {
            main.messageProperty().set("Open the x-revision or z-revision view and run its chains to export one.");
        }
        return c;
    }

    private String chainName(Chain c) {
        return (c.trace().kind() == ChainKind.X ? "xchain-" : "zchain-") + c.trace().init().key();
    }

    /** A file chooser for one kind of file, starting in the last folder used, with a telling default name. */
    private java.util.Optional<Path> ask(String title, String what, String ext, String description) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description + " (*." + ext + ")", "*." + ext));
        File dir = FileActions.lastDir(prefs);
        if (dir != null) {
            fc.setInitialDirectory(dir);
        }
        fc.setInitialFileName(String.format(Locale.ROOT, "%s-%s-%d.%s", main.datasetNameProperty().get(), what,
                main.iterationProperty().get(), ext));
        File f = fc.showSaveDialog(owner.get());
        if (f == null) {
            return java.util.Optional.empty();
        }
        FileActions.rememberDir(prefs, f.toPath());
        String name = f.getName();
        Path p = name.toLowerCase(Locale.ROOT).endsWith("." + ext) ? f.toPath() : f.toPath().resolveSibling(name + "." + ext);
        return java.util.Optional.of(p);
    }

    private CompletableFuture<Path> report(Path file, String what, CompletableFuture<Path> written) {
        main.messageProperty().set("Exporting " + what + " to " + file.getFileName() + "\u2026");
        written.whenComplete((p, e) -> {
            if (e != null) {
                // a failed write's reason names the full path; the name alone keeps the sentence short
                String msg = "Could not export " + what + " to " + file.getFileName() + ": " + MainModel.describe(e);
                main.messageProperty().set(msg);
                main.alertProperty().set(msg);
            } else {
                main.messageProperty().set("Exported " + what + " to " + p);
            }
        });
        return written;
    }
}
