package dualmcmc.app.latent;

import dualmcmc.app.MainModel;
import dualmcmc.app.page.Page;
import javafx.scene.Node;
import org.kordamp.ikonli.feather.Feather;

import java.util.concurrent.CompletableFuture;

/** The latent map as a page of the window: it computes codes and runs t-SNE only while shown. */
public final class LatentPage implements Page {
    public static final String ID = "latent";
    /** t-SNE iterations a screenshot waits for: the clusters have formed by then. */
    static final int SETTLED_ITERATIONS = 450;
    private final LatentViewModel vm;
    private final LatentView view;

    public LatentPage(MainModel main) {
        vm = new LatentViewModel(main);
        view = new LatentView(main, vm);
    }

    public LatentViewModel viewModel() {
        return vm;
    }

    public LatentView view() {
        return view;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Latent map";
    }

    @Override
    public Feather icon() {
        return Feather.MAP;
    }

    @Override
    public String tooltip() {
        return "The inference model's latent space as a live t-SNE map of \u03bc_\u03c6(x), coloured by class";
    }

    @Override
    public Node node() {
        return view;
    }

    @Override
    public void shown(boolean on) {
        vm.setActive(on);
    }

    /** Waits for the map to settle, then points at a typical point so its card shows. */
    @Override
    public CompletableFuture<?> settle() {
        return vm.whenIterated(SETTLED_ITERATIONS).thenRun(view::hoverTypical);
    }
}
