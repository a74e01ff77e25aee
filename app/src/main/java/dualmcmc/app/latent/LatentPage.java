package dualmcmc.app.latent;

import dualmcmc.app.MainModel;
import dualmcmc.app.page.ViewPage;
import org.kordamp.ikonli.feather.Feather;

import java.util.concurrent.CompletableFuture;

/** The latent map as a page of the window: it computes codes and runs t-SNE only while shown. */
public final class LatentPage extends ViewPage<LatentViewModel, LatentView> {
    public static final String ID = "latent";
    /** t-SNE iterations a screenshot waits for: the clusters have formed by then. */
    static final int SETTLED_ITERATIONS = 450;

    public LatentPage(MainModel main) {
        super(ID, "Latent map", Feather.MAP,
                "The inference model's latent space as a live t-SNE map of \u03bc_\u03c6(x), coloured by class",
                new LatentViewModel(main), vm -> new LatentView(main, vm));
    }

    /** Waits for the map to settle, then points at a typical point so its card shows. */
    @Override
    public CompletableFuture<?> settle() {
        return viewModel().whenIterated(SETTLED_ITERATIONS).thenRun(view()::hoverTypical);
    }
}
