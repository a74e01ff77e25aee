package dualmcmc.app.xrevision;

import dualmcmc.app.MainModel;
import dualmcmc.app.export.ExportActions;
import dualmcmc.app.page.Page;
import dualmcmc.app.widget.PlaybackBar;
import javafx.scene.Node;
import org.kordamp.ikonli.feather.Feather;

import java.util.concurrent.CompletableFuture;

/** The x-revision replay as a page of the window: it reruns its chains when shown on newer models. */
public final class XRevisionPage implements Page {
    public static final String ID = "xrevision";
    private final XRevisionViewModel vm;
    private final XRevisionView view;

    public XRevisionPage(MainModel main) {
        vm = new XRevisionViewModel(main);
        view = new XRevisionView(main, vm);
    }

    public XRevisionViewModel viewModel() {
        return vm;
    }

    public XRevisionView view() {
        return view;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "x-revision (EBM-guided)";
    }

    @Override
    public Feather icon() {
        return Feather.TRENDING_DOWN;
    }

    @Override
    public String tooltip() {
        return "Step through EBM-guided Langevin chains x\u2080 \u2192 x\u2096 started from the generator";
    }

    @Override
    public Node node() {
        return view;
    }

    @Override
    public void shown(boolean on) {
        if (on && vm.isStale()) {
            vm.run();
        }
    }

    @Override
    public PlaybackBar playback() {
        return view.playback();
    }

    @Override
    public ExportActions.Chain chain() {
        var r = vm.resultProperty().get();
        return r == null ? null : new ExportActions.Chain(r.trace(), null);
    }

    @Override
    public CompletableFuture<?> settle() {
        return vm.run();
    }
}
