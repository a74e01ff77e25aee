package dualmcmc.app;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.session.Explorer;
import dualmcmc.engine.session.LoadedModels;
import dualmcmc.engine.session.ModelLoader;
import javafx.application.Platform;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Replaces the models: fresh ones for a data set, preset or seed, a file, a bundled example; and
 * saves them. New models are prepared on the worker and then take over in one step, data set,
 * settings, seed, iteration and file state together; on failure nothing changes and the engine's
 * message, which names the file, is shown.
 */
final class ModelLoading {
    private final AppState state;
    private final ModelWorker worker;
    private final Explorer explorer;
    private final TrainingControl training;
    private final ModelLoader loader = new ModelLoader();
    /** The command line's --data-dir: where mnist / the full Fashion-MNIST are read when chosen by name. */
    private final Path defaultDataDir;
    /** The last generation handed out (FX thread): each replacement gets a new one, even if it fails. */
    private int lastGeneration;

    ModelLoading(AppState state, ModelWorker worker, Explorer explorer, TrainingControl training,
                 Path defaultDataDir) {
        this.state = state;
        this.worker = worker;
        this.explorer = explorer;
        this.training = training;
        this.defaultDataDir = defaultDataDir;
    }

    boolean hasDefaultDataDir() {
        return defaultDataDir != null;
    }

    /** Path of the command line's data folder for the sets it serves, else null. */
    Path defaultDirFor(String name) {
        boolean served = name.equals(dualmcmc.engine.data.Datasets.MNIST)
                || name.equals(dualmcmc.engine.data.Datasets.FASHION_MNIST);
        return served ? defaultDataDir : null;
    }

    CompletableFuture<Void> fresh(String name, Path dir, String preset, TrainingConfig cfg, long seed) {
        return replace("Loading " + name + " and building the three models\u2026", "Could not load " + name,
                () -> loader.fresh(name, dir, preset, cfg, seed));
    }

    CompletableFuture<Void> freshDrawn(float[][] points, String preset, TrainingConfig cfg, long seed) {
        return replace(String.format("Building the three models on your %,d drawn points\u2026", points.length),
                "Could not train on the drawing", () -> loader.fresh(points, preset, cfg, seed));
    }

    CompletableFuture<Void> open(Path file) {
        Path f = file.toAbsolutePath();
        String label = f.getFileName().toString();
        return replace("Opening " + label + "\u2026", "Could not open " + label, () -> loader.open(f));
    }

    CompletableFuture<Void> openExample(String id) {
        return replace("Opening the " + id + " example\u2026", "Could not open the example " + id,
                () -> loader.example(id));
    }

    CompletableFuture<Void> openExampleOrFresh(String id) {
        long seed = state.seedProperty().get();
        return replace("Opening the " + id + " example\u2026", "Could not open " + id,
                () -> loader.exampleOrFresh(id, seed));
    }

    /** Fresh models of the current data set and seed under {@code cfg}, labelled {@code preset}. */
    CompletableFuture<Void> freshHere(String preset, TrainingConfig cfg) {
        return fresh(state.datasetNameProperty().get(), state.dataDirProperty().get(), preset, cfg,
                state.seedProperty().get());
    }

    CompletableFuture<Void> presetHere(String preset) {
        return freshHere(preset, Presets.get(preset));
    }

    private CompletableFuture<Void> replace(String progress, String failure, Callable<LoadedModels> prepare) {
        int gen = ++lastGeneration;
        state.messageProperty().set(progress);
        CompletableFuture<Void> done = new CompletableFuture<>();
        worker.begin();
        worker.submit(() -> {
            try {
                LoadedModels m = prepare.call();
                explorer.adopt(m);
                worker.modelsAre(gen);
                Platform.runLater(() -> {
                    adopt(m);
                    state.generationProperty().set(gen);
                    worker.end();
                    done.complete(null);
                });
            } catch (Throwable e) {
                Platform.runLater(() -> {
                    state.fail(failure + ": " + AppState.describe(e));
                    worker.end();
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    private void adopt(LoadedModels m) {
        training.reset(m.iteration(), m.metrics());
        state.datasetNameProperty().set(m.dataset());
        state.presetNameProperty().set(m.preset());
        state.configProperty().set(m.config());
        state.seedProperty().set(m.seed());
        state.dataDirProperty().set(m.dataDir());
        state.dataProperty().set(m.data());
        state.pendingRebuildProperty().set(false);
        Document doc = state.document();
        String data = m.data().describe();
        if (m.file() != null) {
            doc.opened(m.file(), m.iteration());
        } else if (m.example() != null) {
            doc.openedExample(m.example(), m.iteration());
        } else {
            doc.fresh();
            state.messageProperty().set("Ready: " + data + ". Press Train (Space) to learn the three models.");
            return;
        }
        state.messageProperty().set(String.format("Opened %s: %s, iteration %,d. Train (Space) continues it.",
                m.file() != null ? m.file().getFileName() : "the " + m.example() + " example", data, m.iteration()));
    }

    /**
     * Saves the models (between two iterations when training) with the current metrics; the write
     * is atomic, so a failed save leaves any earlier file intact. Completes on the FX thread; on
     * failure the message is shown and the models stay unsaved.
     */
    CompletableFuture<Path> save(Path file) {
        Path f = file.toAbsolutePath();
        var metrics = training.metricsNow();
        state.messageProperty().set("Saving " + f.getFileName() + "\u2026");
        worker.begin();
        CompletableFuture<Long> savedAt = new CompletableFuture<>();
        worker.submit(() -> {
            if (!explorer.hasModels()) {
                savedAt.completeExceptionally(new IllegalStateException("there are no models to save yet"));
                return;
            }
            explorer.save(f, metrics).whenComplete((it, e) -> {
                if (e != null) {
                    savedAt.completeExceptionally(e);
                } else {
                    savedAt.complete(it);
                }
            });
        });
        CompletableFuture<Path> fx = new CompletableFuture<>();
        savedAt.whenComplete((it, e) -> Platform.runLater(() -> {
            worker.end();
            if (e != null) {
                // the engine's reason names the place already: "no space left on device (/x/m.dmcx)"
                state.fail("Save failed: " + AppState.describe(e));
                fx.completeExceptionally(e);
                return;
            }
            state.document().saved(f, it);
            // iterations shown before this callback but trained after the save keep the models dirty
            state.document().trained(state.iterationProperty().get());
            state.messageProperty().set(String.format("Saved iteration %,d to %s", it, f));
            fx.complete(f);
        }));
        return fx;
    }
}
