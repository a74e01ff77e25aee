package dualmcmc.app.xrevision;

import dualmcmc.app.MainModel;
import dualmcmc.app.chain.ChainPage;
import org.kordamp.ikonli.feather.Feather;

/** The x-revision replay as a page of the window: it reruns its chains when shown on newer models. */
public final class XRevisionPage extends ChainPage<XRevisionViewModel.Result, XRevisionViewModel, XRevisionView> {
    public static final String ID = "xrevision";

    public XRevisionPage(MainModel main) {
        super(ID, "x-revision (EBM-guided)", Feather.TRENDING_DOWN,
                "Step through EBM-guided Langevin chains x\u2080 \u2192 x\u2096 started from the generator",
                new XRevisionViewModel(main), vm -> new XRevisionView(main, vm));
    }

    @Override
    public void shown(boolean on) {
        if (on && viewModel().isStale()) {
            viewModel().run();
        }
    }
}
