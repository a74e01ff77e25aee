package dualmcmc.app.help;

import javafx.scene.control.Dialog;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.Consumer;

/** Help > Method document: docs/method.md, bundled in the jar, laid out with its headings, tables and links. */
public final class MethodDialog {
    private MethodDialog() {
    }

    /** @param browser opens the document's links (the app passes HostServices::showDocument) */
    public static Dialog<Void> create(Window owner, Consumer<String> browser) {
        VBox body = new VBox(10);
        body.setId("methodText");
        body.getStyleClass().add("method-document");
        body.getChildren().addAll(MarkdownView.render(HelpDialogs.resource("method.md"), browser));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(780, 620);
        return HelpDialogs.create(owner, "The method: dual-MCMC teaching", "methodDialog", scroll);
    }
}
