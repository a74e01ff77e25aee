package dualmcmc.app.page;

import dualmcmc.app.widget.PlaybackBar;
import javafx.scene.Node;
import org.kordamp.ikonli.feather.Feather;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A page made of a view model and the view that binds to it (every page of the window so far).
 * What the two can do says what the page does: a {@link ShownOnly} view model works while the
 * page is shown and a screenshot waits for its {@code refresh()}; a {@link Replayed} view's
 * playback is what the keys drive.
 *
 * @param <M> the view model
 * @param <V> the view
 */
public abstract class ViewPage<M, V extends Node> extends Page {
    private final M viewModel;
    private final V view;

    /** @param view builds the view on the view model */
    protected ViewPage(String id, String title, Feather icon, String tooltip, M viewModel, Function<M, V> view) {
        super(id, title, icon, tooltip);
        this.viewModel = viewModel;
        this.view = view.apply(viewModel);
    }

    public final M viewModel() {
        return viewModel;
    }

    public final V view() {
        return view;
    }

    @Override
    public final Node node() {
        return view;
    }

    @Override
    public void shown(boolean on) {
        if (viewModel instanceof ShownOnly s) {
            s.setActive(on);
        }
    }

    @Override
    public PlaybackBar playback() {
        return view instanceof Replayed r ? r.playback() : null;
    }

    @Override
    public CompletableFuture<?> settle() {
        return viewModel instanceof ShownOnly s ? s.refresh() : CompletableFuture.completedFuture(null);
    }
}
