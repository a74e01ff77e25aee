package dualmcmc.app.lesson;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

import java.util.concurrent.CompletableFuture;

/** What a lesson asks of the window: the few things its steps do and watch. */
public interface LessonHost {
    /** Opens a bundled example (asking about unsaved changes first); completes with false if declined. */
    CompletableFuture<Boolean> openExample(String id);

    void select(String view);

    /** The ids of the views a step may show. */
    java.util.List<String> views();

    /** Shows the x or z chain grid's change from the start. */
    void showChange(String kind);

    /** True once the x or z chain has been replayed to its last step since {@link #resetWatch()}. */
    ObservableBooleanValue played(String kind);

    /** True once a data point was picked in the z-revision view since {@link #resetWatch()}. */
    ObservableBooleanValue picked();

    /** Forgets what was played and picked (a step that waits starts afresh). */
    void resetWatch();

    /** The node with this id ("#xPlot") in the window, or null. */
    Node lookup(String id);
}
