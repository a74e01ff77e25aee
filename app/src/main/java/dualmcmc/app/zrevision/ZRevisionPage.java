package dualmcmc.app.zrevision;

import dualmcmc.app.MainModel;
import dualmcmc.app.chain.ChainPage;
import org.kordamp.ikonli.feather.Feather;

/** The z-revision replay as a page of the window: it reruns its chains when shown on newer models. */
public final class ZRevisionPage extends ChainPage<ZRevisionViewModel.Result, ZRevisionViewModel, ZRevisionView> {
    public static final String ID = "zrevision";
    private final MainModel main;

    public ZRevisionPage(MainModel main) {
        super(ID, "z-revision (generator-guided)", Feather.CROSSHAIR,
                "Step through generator-guided Langevin chains on z started from the inference model",
                new ZRevisionViewModel(main), vm -> new ZRevisionView(main, vm));
        this.main = main;
    }

    @Override
    public void shown(boolean on) {
        var r = viewModel().resultProperty().get();
        // picks cleared by the user stay cleared: no result, nothing to rerun
        if (on && r != null && r.iteration() != main.iterationProperty().get()) {
            viewModel().run();
        }
    }
}
