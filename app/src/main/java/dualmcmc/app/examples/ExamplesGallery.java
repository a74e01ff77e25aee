package dualmcmc.app.examples;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dualmcmc.app.widget.Dialogs;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.ByteArrayInputStream;
import java.util.function.Consumer;

/**
 * The examples gallery: a card per bundled model (thumbnail, title, data set, key metrics,
 * iterations, size, and the exact CLI command that trained it); one click on a card opens it.
 */
public final class ExamplesGallery {
    static final double THUMB = 208;
    private final ExamplesViewModel vm;
    private final Consumer<String> open;
    private final Consumer<String> status;
    private final Dialog<String> dialog = new Dialog<>();
    private final FlowPane cards = new FlowPane(14, 14);
    private final ScrollPane scroll = new ScrollPane(cards);
    private final StackPane body = new StackPane();
    /** The card clicked since the gallery was shown, until the hidden gallery hands it to {@code open}. */
    private String chosen;

    /**
     * @param open   called with the chosen example's id after the gallery closed
     * @param status shows a short note in the status bar (e.g. "recipe copied")
     */
    public ExamplesGallery(ExamplesViewModel vm, Window owner, Consumer<String> open, Consumer<String> status) {
        this.vm = vm;
        this.open = open;
        this.status = status;
        Dialogs.prepare(dialog, owner, "examples-gallery");
        dialog.setTitle("Examples");
        dialog.setResizable(true);
        Label title = new Label("Examples");
        title.getStyleClass().add(Styles.TITLE_3);
        Label sub = new Label("Pretrained with the project's own command-line trainer. Click a model to open it: "
                + "every view shows it at once, and Train continues from its iteration.");
        sub.getStyleClass().add(Styles.TEXT_MUTED);
        sub.setWrapText(true);
        VBox header = new VBox(4, title, sub);
        header.setPadding(new Insets(18, 22, 10, 22));
        dialog.getDialogPane().setHeader(header);

        cards.setId("exampleCards");
        cards.setPadding(new Insets(6, 22, 18, 22));
        cards.setPrefWrapLength(3 * (THUMB + 36) + 2 * 14);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        // room for three cards a row; the pane, not its content, sizes a dialog's window
        dialog.getDialogPane().setPrefSize(3 * (THUMB + 36) + 2 * 14 + 66, 720);
        dialog.getDialogPane().setMinWidth(3 * (THUMB + 36) + 2 * 14 + 66);
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setResultConverter(b -> null);
        dialog.setOnHidden(e -> {
            // taken once: however often the dialog reports itself hidden, one click opens one model
            // and asks about unsaved changes once
            String id = chosen;
            chosen = null;
            if (id != null) {
                open.accept(id);
            }
        });
        vm.cards().addListener((javafx.collections.ListChangeListener<ExamplesViewModel.Card>) c -> fill());
        vm.loadingProperty().addListener((o, a, b) -> fill());
        vm.errorProperty().addListener((o, a, b) -> fill());
        fill();
    }

    public Dialog<String> dialog() {
        return dialog;
    }

    /** Shows the gallery (without waiting) and reads the examples if not done yet. */
    public void show() {
        vm.load();
        if (dialog.isShowing()) {
            return;
        }
        chosen = null;
        dialog.setResult(null);
        dialog.show();
    }

    private void fill() {
        if (vm.loadingProperty().get()) {
            ProgressIndicator p = new ProgressIndicator();
            p.setMaxSize(48, 48);
            body.getChildren().setAll(placeholder(p, "Reading the bundled examples\u2026"));
            return;
        }
        if (vm.errorProperty().get() != null || vm.cards().isEmpty()) {
            String why = vm.errorProperty().get() != null ? vm.errorProperty().get()
                    : "This build bundles no examples. The CLI's train command makes models that File \u203a Open reads.";
            body.getChildren().setAll(placeholder(new FontIcon(Feather.INBOX), why));
            return;
        }
        cards.getChildren().setAll(vm.cards().stream().map(this::card).toList());
        body.getChildren().setAll(scroll);
    }

    private static Node placeholder(Node graphic, String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMaxWidth(420);
        VBox box = new VBox(12, graphic, l);
        box.setAlignment(Pos.CENTER);
        box.setId("examplesPlaceholder");
        return box;
    }

    private Node card(ExamplesViewModel.Card c) {
        Node thumb = thumbnail(c);
        Label title = new Label(c.title());
        title.getStyleClass().add("example-title");
        Label dataset = new Label(c.dataset());
        dataset.getStyleClass().add("example-tag");
        Label facts = new Label(c.iterations() + " \u00b7 " + c.size());
        facts.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox tags = new HBox(8, dataset, facts);
        tags.setAlignment(Pos.CENTER_LEFT);
        VBox metrics = new VBox(2);
        for (String m : c.metrics()) {
            Label l = new Label(m, new FontIcon(Feather.CHECK_CIRCLE));
            l.getStyleClass().add("example-metric");
            metrics.getChildren().add(l);
        }
        Label desc = new Label(c.description());
        desc.setWrapText(true);
        desc.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        desc.setMinHeight(Region.USE_PREF_SIZE);
        Button openButton = new Button("Open", new FontIcon(Feather.FOLDER));
        openButton.getStyleClass().add(Styles.ACCENT);
        openButton.setId("open-" + c.id());
        openButton.setOnAction(e -> choose(c.id()));
        Button recipe = new Button(null, new FontIcon(Feather.TERMINAL));
        recipe.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        recipe.setId("recipe-" + c.id());
        recipe.setDisable(c.recipe().isBlank());
        Tooltip tip = new Tooltip("Trained with:\n" + c.recipe() + "\n\nClick to copy the command.");
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        recipe.setTooltip(tip);
        recipe.setOnAction(e -> {
            ClipboardContent cc = new ClipboardContent();
            cc.putString(c.recipe());
            Clipboard.getSystemClipboard().setContent(cc);
            status.accept("Copied the recipe of " + c.title() + ": " + c.recipe());
            e.consume();
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // the card opens on a click: its buttons' clicks are theirs alone
        openButton.addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
        recipe.addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
        HBox actions = new HBox(6, openButton, grow, recipe);
        actions.setAlignment(Pos.CENTER_LEFT);
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        VBox card = new VBox(8, thumb, title, tags, metrics, desc, fill, actions);
        card.getStyleClass().add("example-card");
        card.setId("example-" + c.id());
        card.setPrefWidth(THUMB + 36);
        card.setMaxWidth(THUMB + 36);
        card.setPadding(new Insets(14));
        Tooltip.install(card, new Tooltip(c.title() + " \u00b7 " + c.dataset() + "\nClick to open.\n\nRecipe: "
                + c.recipe()));
        card.setOnMouseClicked(e -> choose(c.id()));
        return card;
    }

    private void choose(String id) {
        chosen = id;
        // setting a dialog's result closes it; a close() after that closed it a second time, whose
        // hidden event asked the unsaved-changes question again while the example was opening
        dialog.setResult(id);
    }

    private static Node thumbnail(ExamplesViewModel.Card c) {
        StackPane frame = new StackPane();
        frame.getStyleClass().add("example-thumb");
        frame.setPrefSize(THUMB, THUMB);
        frame.setMaxSize(THUMB, THUMB);
        if (c.thumbnail() != null) {
            Image img = new Image(new ByteArrayInputStream(c.thumbnail()));
            if (!img.isError()) {
                ImageView v = new ImageView(img);
                v.setFitWidth(THUMB);
                v.setFitHeight(THUMB);
                v.setPreserveRatio(true);
                v.setSmooth(true);
                Rectangle clip = new Rectangle(THUMB, THUMB);
                clip.setArcWidth(12);
                clip.setArcHeight(12);
                v.setClip(clip);
                frame.getChildren().add(v);
                return frame;
            }
        }
        FontIcon icon = new FontIcon(Feather.IMAGE);
        icon.setIconSize(40);
        frame.getChildren().add(icon);
        return frame;
    }
}
