package dualmcmc.app.chain;

import dualmcmc.app.export.ExportActions;
import dualmcmc.app.page.ViewPage;
import org.kordamp.ikonli.feather.Feather;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A revision view as a page: File › Export takes its chain, and a screenshot waits for a run on
 * the current models.
 */
public abstract class ChainPage<R extends ChainResult, M extends ChainViewModel<R>, V extends ChainView<R>>
        extends ViewPage<M, V> {
    protected ChainPage(String id, String title, Feather icon, String tooltip, M viewModel, Function<M, V> view) {
        super(id, title, icon, tooltip, viewModel, view);
    }

    @Override
    public final ExportActions.Chain chain() {
        R r = viewModel().resultProperty().get();
        return r == null ? null : new ExportActions.Chain(r.trace(), r.targets());
    }

    @Override
    public final CompletableFuture<?> settle() {
        return viewModel().run();
    }
}
