package dualmcmc.app.stages;

import dualmcmc.app.MainModel;
import dualmcmc.app.page.ViewPage;
import dualmcmc.app.widget.PlaybackBar;
import org.kordamp.ikonli.feather.Feather;

import java.util.concurrent.CompletableFuture;

/** One iteration in slow motion as a page of the window: it stages an iteration only while shown. */
public final class StagesPage extends ViewPage<StagesViewModel, StagesView> {
    public static final String ID = "stages";

    public StagesPage(MainModel main) {
        this(main, new StagesViewModel(main));
    }

    private StagesPage(MainModel main, StagesViewModel vm) {
        super(ID, "One iteration", Feather.FILM,
                "One training iteration stage by stage, on a copy of the models: revisions, then the three updates",
                vm, new StagesView(main, vm));
    }

    @Override
    public void shown(boolean on) {
        viewModel().setActive(on);
    }

    @Override
    public PlaybackBar playback() {
        return view().playback();
    }

    @Override
    public CompletableFuture<?> settle() {
        return viewModel().refresh();
    }
}
