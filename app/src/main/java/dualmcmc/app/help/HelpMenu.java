package dualmcmc.app.help;

import dualmcmc.app.widget.Menus;

import dualmcmc.app.Document;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** Help: the keyboard cheat sheet, the method document, the paper and the authors' code, About. */
public final class HelpMenu {
    public static final String PAPER = "https://arxiv.org/abs/2312.02469";
    public static final String AUTHORS_CODE = "https://github.com/jcui1224/dual-MCMC";

    private HelpMenu() {
    }

    /**
     * @param bar     the menu bar whose accelerators the cheat sheet lists
     * @param browser opens a web address (the app passes HostServices::showDocument)
     */
    public static Menu create(Supplier<Window> owner, MenuBar bar, Consumer<String> browser) {
        Menu help = new Menu("Help");
        help.setId("helpMenu");
        help.getItems().addAll(
                Menus.item("Keyboard shortcuts", Feather.COMMAND, "menuShortcuts", "F1",
                        () -> ShortcutsDialog.create(owner.get(), bar).show()),
                Menus.item("Method document", Feather.BOOK_OPEN, "menuMethod", null,
                        () -> MethodDialog.create(owner.get(), browser).show()),
                new SeparatorMenuItem(),
                Menus.item("Open the paper (arXiv)", Feather.EXTERNAL_LINK, "menuPaper", null, () -> browser.accept(PAPER)),
                Menus.item("The authors' code (GitHub)", Feather.GITHUB, "menuAuthorsCode", null,
                        () -> browser.accept(AUTHORS_CODE)),
                new SeparatorMenuItem(),
                Menus.item("About " + Document.APP_NAME, Feather.INFO, "menuAbout", null,
                        () -> AboutDialog.create(owner.get()).show()));
        return help;
    }
}
