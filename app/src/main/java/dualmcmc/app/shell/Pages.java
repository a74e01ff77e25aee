package dualmcmc.app.shell;

import dualmcmc.app.MainModel;
import dualmcmc.app.compare.ComparePage;
import dualmcmc.app.latent.LatentPage;
import dualmcmc.app.page.Page;
import dualmcmc.app.stages.StagesPage;
import dualmcmc.app.training.TrainingPage;
import dualmcmc.app.xrevision.XRevisionPage;
import dualmcmc.app.zrevision.ZRevisionPage;

import java.util.List;

/** The window's pages in tab order (Ctrl+1, Ctrl+2, ...): a new view is one more line here. */
final class Pages {
    private Pages() {
    }

    static List<Page> create(MainModel main) {
        return List.of(
                new TrainingPage(main),
                new XRevisionPage(main),
                new ZRevisionPage(main),
                new LatentPage(main),
                new ComparePage(main),
                new StagesPage(main));
    }
}
