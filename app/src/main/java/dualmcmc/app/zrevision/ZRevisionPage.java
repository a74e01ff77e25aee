package dualmcmc.app.zrevision;

import dualmcmc.app.MainModel;
import dualmcmc.app.export.ExportActions;
import dualmcmc.app.page.Page;
import dualmcmc.app.widget.PlaybackBar;
import javafx.scene.Node;
import org.kordamp.ikonli.feather.Feather;

import java.util.concurrent.CompletableFuture;

/** The z-revision replay as a page of the window: it reruns its chains when shown on newer models. */
public final class ZRevisionPage implements Page {
    public static final String ID = "zrevision";
    private final MainModel main;
    private final ZRevisionViewModel vm;
    private final ZRevisionView view;

    public ZRevisionPage(MainModel main) {
        this.main = main;
        vm = new ZRevisionViewModel(main);
        view = new ZRevisionView(main, vm);
    }

    public ZRevisionViewModel viewModel() {
        return vm;
    }

    public ZRevisionView view() {
        return view;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "z-revision (generator-guided)";
    }

    @Override
    public Feather icon() {
        return Feather.CROSSHAIR;
    }

    @Override
    public String tooltip() {
        return "Step through generator-guided Langevin chains on z started from the inference model";
    }

    @Override
    public Node node() {
        return view;
    }

    @Override
    public void shown(boolean on) {
        var r = vm.resultProperty().get();
        // picks cleared by the user stay cleared: no result, nothing to rerun
        if (on && r != null && r.iteration() != main.iterationProperty().get()) {
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
        return r == null ? null : new ExportActions.Chain(r.trace(), r.targets());
    }

    @Override
    public CompletableFuture<?> settle() {
        return vm.run();
    }
}
