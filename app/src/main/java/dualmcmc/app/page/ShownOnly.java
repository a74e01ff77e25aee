package dualmcmc.app.page;

import java.util.concurrent.CompletableFuture;

/**
 * A view model that works only while its page is shown (its chains or its t-SNE cost the worker
 * that training shares) and catches up when shown again.
 */
public interface ShownOnly {
    void setActive(boolean shown);

    /** The result for the current models: the run under way, a new one when stale, or the one shown. */
    CompletableFuture<?> refresh();
}
