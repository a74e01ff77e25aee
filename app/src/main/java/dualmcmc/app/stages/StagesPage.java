package dualmcmc.app.stages;

import dualmcmc.app.MainModel;
import dualmcmc.app.page.ViewPage;
import org.kordamp.ikonli.feather.Feather;

/** One iteration in slow motion as a page of the window: it stages an iteration only while shown. */
public final class StagesPage extends ViewPage<StagesViewModel, StagesView> {
    public static final String ID = "stages";

    public StagesPage(MainModel main) {
        super(ID, "One iteration", Feather.FILM,
                "One training iteration stage by stage, on a copy of the models: revisions, then the three updates",
                new StagesViewModel(main), vm -> new StagesView(main, vm));
    }
}
