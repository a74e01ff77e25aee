package dualmcmc.app.shell;

import dualmcmc.app.widget.Menus;

import dualmcmc.app.files.FileActions;

import dualmcmc.app.export.ExportActions;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import dualmcmc.app.page.Page;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The menu bar above the toolbar: File (models, examples, import, drawing, export, autosave, quit) and
 * View (the five views). Items only call actions; what they do lives in {@link FileActions},
 * {@link ExportActions} and the dialogs.
 */
public final class FileMenu {
    /** What the menu calls besides the file and export actions. */
    public record Commands(Runnable examples, Runnable importData, Runnable drawData, Runnable autosave) {
    }

    private final MenuBar bar = new MenuBar();
    private final FileActions files;
    private final ExportActions export;
    private final Menu recentMenu = new Menu("Open Recent", new FontIcon(Feather.CLOCK));

    /**
     * @param pages  the window's pages, which the View menu lists in tab order (Ctrl+1, Ctrl+2, ...)
     * @param select shows the page with the given id
     */
    public FileMenu(FileActions files, ExportActions export, Commands commands, List<Page> pages,
                    Consumer<String> select) {
        this.files = files;
        this.export = export;
        bar.setId("menuBar");

        Menu file = new Menu("File");
        file.setId("fileMenu");
        recentMenu.setId("recentMenu");
        recentMenu.setOnShowing(e -> fillRecent());
        fillRecent();
        files.recent().files().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent());
        MenuItem chainGif = Menus.item("Chain as GIF\u2026", Feather.FILM, "exportGif", null, export::chainAsGif);
        MenuItem chainCsv = Menus.item("Chain profile as CSV\u2026", Feather.TRENDING_DOWN, "exportChainCsv", null,
                export::chainProfileAsCsv);
        Menu exportMenu = new Menu("Export", new FontIcon(Feather.SHARE),
                Menus.item("View as PNG\u2026", Feather.IMAGE, "exportPng", "Shortcut+Shift+E", export::viewAsPng),
                chainGif, chainCsv,
                Menus.item("Training curves as CSV\u2026", Feather.ACTIVITY, "exportCurves", null, export::curvesAsCsv));
        exportMenu.setId("exportMenu");
        // the chain exports need an x- or z-revision view on screen with its chains run
        exportMenu.setOnShowing(e -> {
            chainGif.setDisable(!export.hasChain());
            chainCsv.setDisable(!export.hasChain());
        });
        file.getItems().addAll(
                Menus.item("New", Feather.FILE_PLUS, "menuNew", "Shortcut+N", files::newModels),
                Menus.item("Open\u2026", Feather.FOLDER, "menuOpen", "Shortcut+O", files::open),
                recentMenu,
                Menus.item("Examples\u2026", Feather.GRID, "menuExamples", "Shortcut+E", commands.examples()),
                new SeparatorMenuItem(),
                Menus.item("Save", Feather.SAVE, "menuSave", "Shortcut+S", files::save),
                Menus.item("Save As\u2026", null, "menuSaveAs", "Shortcut+Shift+S", files::saveAs),
                new SeparatorMenuItem(),
                Menus.item("Import data\u2026", Feather.DOWNLOAD, "menuImport", "Shortcut+I", commands.importData()),
                Menus.item("Draw data\u2026", Feather.EDIT_2, "menuDrawData", "Shortcut+D", commands.drawData()),
                exportMenu,
                new SeparatorMenuItem(),
                Menus.item("Autosave\u2026", Feather.CLOCK, "menuAutosave", null, commands.autosave()),
                new SeparatorMenuItem(),
                Menus.item("Quit", Feather.LOG_OUT, "menuQuit", "Shortcut+Q", files::quit));

        Menu view = new Menu("View");
        view.setId("viewMenu");
        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            view.getItems().add(Menus.item(p.title(), p.icon(), "menuView-" + p.id(),
                    i < 9 ? "Shortcut+" + (i + 1) : null, () -> select.accept(p.id())));
        }
        bar.getMenus().addAll(file, view);
    }

    public MenuBar bar() {
        return bar;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        if (files.recent().files().isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recentMenu.getItems().add(none);
            return;
        }
        for (Path p : files.recent().files()) {
            Path dir = p.getParent();
            MenuItem m = new MenuItem(p.getFileName() + (dir == null ? "" : "   \u2014 " + dir));
            m.setMnemonicParsing(false);
            m.setOnAction(e -> files.openFile(p));
            recentMenu.getItems().add(m);
        }
        recentMenu.getItems().addAll(new SeparatorMenuItem(),
                Menus.item("Clear recent files", null, "menuClearRecent", null, files.recent()::clear));
    }

}
