package dualmcmc.app.chain;

import dualmcmc.app.MainModel;
import dualmcmc.engine.session.ModelQueries;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reruns a view's computation against the current models through {@link MainModel#compute},
 * coalesced: while one run is on the worker, later requests collapse into one follow-up run that
 * reads the inputs of its own time. Sliders and fields can ask for many runs per second; the
 * worker (shared with training) only ever has one of them queued, and the newest one wins.
 *
 * @param <R> one run's result, published on the FX thread
 */
public final class CoalescedCompute<R> {
    private final MainModel main;
    private final Supplier<Function<ModelQueries, R>> job;
    private final ObjectProperty<R> result = new SimpleObjectProperty<>();
    private CompletableFuture<R> inFlight;
    private CompletableFuture<R> next;

    /**
     * @param job read on the FX thread when a run starts: the work for the inputs of that moment,
     *            or null when there is nothing to run
     */
    public CoalescedCompute(MainModel main, Supplier<Function<ModelQueries, R>> job) {
        this.main = main;
        this.job = job;
    }

    public ObjectProperty<R> resultProperty() {
        return result;
    }

    /** Whether a run is on the worker (or queued behind one). */
    public boolean busy() {
        return inFlight != null;
    }

    /**
     * The future of the newest run asked for: the queued follow-up, else the run in flight, else
     * the current result at once. Waits for what is coming without asking for another run.
     */
    public CompletableFuture<R> pending() {
        if (next != null) {
            return next;
        }
        return inFlight != null ? inFlight : CompletableFuture.completedFuture(result.get());
    }

    /** Runs the job on the current models; completes on the FX thread with the new result. */
    public CompletableFuture<R> run() {
        Function<ModelQueries, R> work = job.get();
        if (work == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (inFlight != null) {
            if (next == null) {
                next = new CompletableFuture<>();
            }
            return next;
        }
        CompletableFuture<R> f = main.compute(work);
        inFlight = f;
        f.whenComplete((r, e) -> {
            inFlight = null;
            if (r != null) {
                result.set(r);
            }
            CompletableFuture<R> waiting = next;
            if (waiting != null) {
                next = null;
                run().whenComplete((r2, e2) -> waiting.complete(r2));
            }
        });
        return f;
    }
}
