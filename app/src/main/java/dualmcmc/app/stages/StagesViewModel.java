package dualmcmc.app.stages;

import dualmcmc.app.page.ShownOnly;
import dualmcmc.app.MainModel;
import dualmcmc.app.chain.CoalescedCompute;
import dualmcmc.engine.model.ModelKind;
import dualmcmc.engine.progress.TrainingState;
import dualmcmc.engine.session.DataInfo;
import dualmcmc.engine.session.ModelQueries;
import dualmcmc.engine.session.StagedIteration;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One training iteration in slow motion: the engine runs it on a copy of the current models (the
 * real ones never change here) and this holds what each stage did, the stage on screen, the draw
 * (0 = the iteration training makes next) and the update switched off. With an update switched
 * off the same draw also runs with every update, so the view can show the difference it makes.
 */
public final class StagesViewModel implements ShownOnly {
    /** Energy grid cells per side for 2-D data. */
    private static final int GRID = 72;

    /** A staged iteration, and the same draw with every update when {@code shown} skips one. */
    public record Result(StagedIteration shown, StagedIteration full, long modelsIteration) {
        public ModelKind skipped() {
            return shown.skipped();
        }
    }

    private final MainModel main;
    private final IntegerProperty stage = new SimpleIntegerProperty();
    private final IntegerProperty draw = new SimpleIntegerProperty();
    private final ObjectProperty<ModelKind> skipped = new SimpleObjectProperty<>();
    private final CoalescedCompute<Result> runs;
    private boolean active;

    public StagesViewModel(MainModel main) {
        this.main = main;
        this.runs = new CoalescedCompute<>(main, this::job);
        draw.addListener((o, a, b) -> rerun());
        skipped.addListener((o, a, b) -> rerun());
        main.generationProperty().addListener((o, a, b) -> {
            runs.resultProperty().set(null);
            rerun();
        });
        main.stateProperty().addListener((o, a, b) -> {
            if (b != TrainingState.RUNNING && isStale()) {
                rerun();
            }
        });
    }

    /** The stage on screen, 0-based ({@link IterationStage#at}). */
    public IntegerProperty stageProperty() {
        return stage;
    }

    public IterationStage stage() {
        return IterationStage.at(stage.get());
    }

    public ObjectProperty<ModelKind> skippedProperty() {
        return skipped;
    }

    public IntegerProperty drawProperty() {
        return draw;
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return runs.resultProperty();
    }

    /** A fresh draw of batch and noise on the current models. */
    public void newIteration() {
        draw.set(draw.get() + 1);
    }

    /** Only a shown view computes; shown, it catches up with the models at once. */
    public void setActive(boolean on) {
        active = on;
        if (on && isStale() && !runs.busy()) {
            runs.run();
        }
    }

    /** True when what is shown was staged on other models, or with other choices, than the current ones. */
    public boolean isStale() {
        Result r = runs.resultProperty().get();
        return r == null || r.modelsIteration() != main.iterationProperty().get() || r.shown().draw() != draw.get()
                || r.skipped() != skipped.get();
    }

    /** The staged iteration for the current models and choices: under way, new when stale, or the one shown. */
    public CompletableFuture<Result> refresh() {
        if (runs.busy()) {
            return runs.pending();
        }
        return isStale() ? runs.run() : CompletableFuture.completedFuture(runs.resultProperty().get());
    }

    private void rerun() {
        if (active) {
            runs.run();
        }
    }

    private Function<ModelQueries, Result> job() {
        DataInfo info = main.dataProperty().get();
        if (info == null) {
            return null;
        }
        double[] bounds = info.image() ? null : info.bounds();
        int d = draw.get();
        ModelKind off = skipped.get();
        return q -> {
            StagedIteration full = q.stagedIteration(null, d, bounds, GRID);
            StagedIteration shown = off == null ? full : q.stagedIteration(off, d, bounds, GRID);
            return new Result(shown, full, q.iteration());
        };
    }
}
