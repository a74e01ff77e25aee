package dualmcmc.app.page;

import javafx.scene.Node;
import org.kordamp.ikonli.feather.Feather;

/**
 * A page made of a view model and the view that binds to it (every page of the window so far).
 *
 * @param <M> the view model
 * @param <V> the view
 */
public abstract class ViewPage<M, V extends Node> extends Page {
    private final M viewModel;
    private final V view;

    protected ViewPage(String id, String title, Feather icon, String tooltip, M viewModel, V view) {
        super(id, title, icon, tooltip);
        this.viewModel = viewModel;
        this.view = view;
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
}
