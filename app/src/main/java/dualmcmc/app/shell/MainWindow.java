package dualmcmc.app.shell;

import dualmcmc.app.GlyphLayoutGuard;
import dualmcmc.app.MainModel;
import dualmcmc.app.examples.ExamplesGallery;
import dualmcmc.app.examples.ExamplesViewModel;
import dualmcmc.app.export.ExportActions;
import dualmcmc.app.draw.DrawDataDialog;
import dualmcmc.app.files.FileActions;
import dualmcmc.app.files.RecentFiles;
import dualmcmc.app.help.HelpMenu;
import dualmcmc.app.io.AutosaveDialog;
import dualmcmc.app.io.AutosaveSettings;
import dualmcmc.app.io.ImportActions;
import dualmcmc.app.lesson.Lesson;
import dualmcmc.app.lesson.LessonOffer;
import dualmcmc.app.lesson.LessonPanel;
import dualmcmc.app.lesson.LessonViewModel;
import dualmcmc.app.page.Page;
import dualmcmc.app.prefs.Theme;
import dualmcmc.app.training.TrainingPage;
import dualmcmc.app.whatif.WhatIfBanner;
import dualmcmc.app.whatif.WhatIfMenu;
import dualmcmc.app.whatif.WhatIfViewModel;
import dualmcmc.app.widget.Menus;
import dualmcmc.app.widget.PlaybackBar;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * The main window: the menu bar, the toolbar, the settings sheet on the left, the pages as tabs in
 * the centre, the lesson on the right and a status bar. Everything that would replace models with
 * unsaved changes asks first (through {@link FileActions}).
 */
public final class MainWindow extends BorderPane {
    private final MainModel main;
    private final List<Page> pages;
    private final TabPane tabs = new TabPane();
    private final SettingsSheet settings;
    private final FileActions files;
    private final ExportActions export;
    private final ImportActions imports;
    private final ExamplesViewModel examplesVm;
    private final Presentation presentation;
    private final LessonViewModel lessonVm;
    private final LessonOffer lessonOffer = new LessonOffer(() -> startLesson("main"));
    private ExamplesGallery gallery;
    /** Opens web addresses: the app sets HostServices; until then the address goes to the status bar. */
    private Consumer<String> browser = url -> { };

    /**
     * @param prefs where recent files, folders and autosave settings are kept (the app's node;
     *              tests pass their own)
     */
    public MainWindow(MainModel main, Preferences prefs) {
        GlyphLayoutGuard.install();
        this.main = main;
        getStyleClass().add("main-window");
        Supplier<Window> owner = () -> getScene() == null ? null : getScene().getWindow();
        main.autosaveProperty().set(AutosaveSettings.load(prefs));
        files = new FileActions(main, new RecentFiles(prefs), prefs, owner);
        imports = new ImportActions(main, files, prefs, owner);
        examplesVm = new ExamplesViewModel(main);
        presentation = new Presentation(this, main, prefs);
        pages = Pages.create(main);
        settings = new SettingsSheet(main);
        export = new ExportActions(main, prefs, owner, this::selectedPage, this::selectedView,
                () -> selected().chain(), () -> page(TrainingPage.class).viewModel().history());
        WhatIfViewModel whatIf = new WhatIfViewModel(main);
        FileMenu menu = new FileMenu(files, export, new FileMenu.Commands(this::showExamples,
                () -> imports.importData(null), this::drawData, () -> AutosaveDialog.edit(owner.get(), prefs, main)),
                pages, this::select);
        menu.bar().getMenus().stream().filter(m -> "viewMenu".equals(m.getId())).findFirst().orElseThrow()
                .getItems().addAll(new SeparatorMenuItem(),
                        Menus.item("Presenter mode", Feather.MONITOR, "menuPresenter", "F11",
                                () -> presentation.presenterProperty().set(!presentation.presenterProperty().get())),
                        Menus.item("High contrast", Feather.SUN, "menuHighContrast", null, () -> presentation
                                .themeProperty().set(presentation.themeProperty().get() == Theme.HIGH_CONTRAST
                                        ? Theme.DARK : Theme.HIGH_CONTRAST)),
                        Menus.item("Settings\u2026", Feather.SETTINGS, "menuSettings", "Shortcut+Comma",
                                presentation::showSettings));
        menu.bar().getMenus().add(WhatIfMenu.create(whatIf, files));
        Menu help = HelpMenu.create(owner, menu.bar(), url -> {
            main.messageProperty().set("Opening " + url + " in the web browser");
            browser.accept(url);
        });
        menu.bar().getMenus().add(help);

        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            Tab t = new Tab(p.title(), p.node());
            t.setGraphic(new FontIcon(p.icon()));
            t.setId(p.id());
            t.setTooltip(new Tooltip(p.tooltip() + " (Ctrl+" + (i + 1) + ")"));
            tabs.getTabs().add(t);
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            String shown = b == null ? null : b.getId();
            pages.forEach(p -> p.shown(p.id().equals(shown)));
        });
        tabs.setId("views");

        SplitPane split = new SplitPane(settings, tabs);
        split.setDividerPositions(0.225);
        SplitPane.setResizableWithParent(settings, false);
        settings.setMinWidth(280);
        settings.setPrefWidth(325);
        settings.setMaxWidth(420);

        setTop(new VBox(menu.bar(), new MainToolbar(main, files, imports, this::drawData,
                presentation.themeProperty()),
                new AlertBar(main.alertProperty()), new WhatIfBanner(whatIf), lessonOffer));
        setCenter(split);
        lessonVm = new LessonViewModel(new WindowLessonHost(this, files));
        setRight(new LessonPanel(lessonVm));
        // a lesson sets what it needs itself: the settings make room for the views and the lesson
        lessonVm.lessonProperty().addListener((o, a, b) -> {
            if (b != null) {
                split.getItems().remove(settings);
            } else if (!split.getItems().contains(settings)) {
                split.getItems().add(0, settings);
                split.setDividerPositions(0.225);
            }
        });
        help.getItems().addAll(0, Lesson.menuItems(this::startLesson));
        setBottom(new StatusBar(main, pages.size()));
    }

    /** The page of type {@code type}. */
    public <P extends Page> P page(Class<P> type) {
        return pages.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    /** The page with id {@code id}, or null. */
    public Page page(String id) {
        return pages.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    /** The pages' ids, in tab order. */
    public List<String> pageIds() {
        return pages.stream().map(Page::id).toList();
    }

    /** The page on screen. */
    public Page selected() {
        Page p = page(selectedView());
        return p != null ? p : pages.get(0);
    }

    /** The id of the page on screen. */
    public String selectedView() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t == null ? pages.get(0).id() : t.getId();
    }

    /** Shows the page with id {@code view}; an unknown id changes nothing. */
    public void select(String view) {
        for (Tab t : tabs.getTabs()) {
            if (t.getId().equals(view)) {
                tabs.getSelectionModel().select(t);
            }
        }
    }

    /** The view on screen (what File › Export › View as PNG takes). */
    public Node selectedPage() {
        return selected().node();
    }

    /** Space, arrows, Home/End, Ctrl+1-9, Ctrl+R, as {@link Shortcuts} says. */
    public void installShortcuts(Scene scene) {
        Shortcuts.install(scene, () -> new Shortcuts.Target() {
            @Override
            public PlaybackBar playback() {
                return selected().playback();
            }

            @Override
            public boolean selectPage(int index) {
                if (index < 0 || index >= pages.size()) {
                    return false;
                }
                select(pages.get(index).id());
                return true;
            }

            @Override
            public void newModels() {
                files.newModels();
            }

            @Override
            public void togglePlay() {
                main.togglePlay();
            }
        });
    }

    /** Opens the examples gallery (without waiting); a card opens its model after the unsaved-changes question. */
    public ExamplesGallery showExamples() {
        if (gallery == null) {
            gallery = new ExamplesGallery(examplesVm, getScene() == null ? null : getScene().getWindow(),
                    files::openExample, main.messageProperty()::set);
        }
        gallery.show();
        return gallery;
    }

    /** Opens File › Draw data on a blank canvas (without waiting). */
    public DrawDataDialog drawData() {
        return DrawDataDialog.open(getScene() == null ? null : getScene().getWindow(), main, files);
    }

    /** Starts a bundled lesson at its first step. */
    public CompletableFuture<Void> startLesson(String id) {
        lessonOffer.setVisible(false);
        return lessonVm.start(Lesson.bundled(id));
    }

    public LessonViewModel lessonViewModel() {
        return lessonVm;
    }

    /** Offers the main lesson in a line under the toolbar (the app does this on its first start). */
    public void offerLesson() {
        lessonOffer.setVisible(true);
    }

    /** Closing the window asks about unsaved changes first; {@code exit} ends the app once agreed. */
    public void installCloseGuard(Stage stage, Runnable exit) {
        files.setExit(exit);
        stage.setOnCloseRequest(e -> {
            e.consume();
            files.quit();
        });
    }

    /** Theme, scale, presenter mode and View › Settings. */
    public Presentation presentation() {
        return presentation;
    }

    /** Where Help's web links go (HostServices::showDocument in the app). */
    public void setBrowser(Consumer<String> browser) {
        this.browser = browser;
    }

    public FileActions fileActions() {
        return files;
    }

    public ExportActions exportActions() {
        return export;
    }

    public ExamplesViewModel examplesViewModel() {
        return examplesVm;
    }

    public SettingsSheet settings() {
        return settings;
    }
}
