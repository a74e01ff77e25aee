package dualmcmc.app.compare;

import dualmcmc.app.MainModel;
import dualmcmc.app.page.ViewPage;
import org.kordamp.ikonli.feather.Feather;

/** The comparison of starts as a page of the window: it runs its chains only while shown. */
public final class ComparePage extends ViewPage<CompareViewModel, CompareView> {
    public static final String ID = "compare";

    public ComparePage(MainModel main) {
        super(ID, "Compare starts", Feather.COLUMNS,
                "The same chains from the generator / inference model and from noise, side by side",
                new CompareViewModel(main), vm -> new CompareView(main, vm));
    }
}
