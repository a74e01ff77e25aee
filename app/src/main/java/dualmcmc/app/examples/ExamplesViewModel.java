package dualmcmc.app.examples;

import dualmcmc.app.MainModel;
import dualmcmc.engine.io.Examples;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The gallery's content: one card per bundled example with its key numbers already worded
 * (2-D: modes covered and high-quality fraction after x-revision; images: reconstruction MSE),
 * read once on the worker thread.
 */
public final class ExamplesViewModel {
    /** One example as the gallery shows it. {@code thumbnail} is PNG bytes, or null. */
    public record Card(String id, String title, String dataset, String description, List<String> metrics,
                       String iterations, String size, String recipe, byte[] thumbnail) {
    }

    private final MainModel main;
    private final ObservableList<Card> cards = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty();
    private CompletableFuture<List<Card>> loaded;

    public ExamplesViewModel(MainModel main) {
        this.main = main;
    }

    public ObservableList<Card> cards() {
        return cards;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** Why the list could not be read, or null. */
    public StringProperty errorProperty() {
        return error;
    }

    /** Reads the examples the first time (they are bundled: they never change while the app runs). */
    public CompletableFuture<List<Card>> load() {
        if (loaded != null && !loaded.isCompletedExceptionally()) {
            return loaded;
        }
        loading.set(true);
        error.set(null);
        loaded = main.background(() -> Examples.list().stream()
                .map(e -> card(e, Examples.thumbnail(e.id()).orElse(null)))
                .toList());
        loaded.whenComplete((list, e) -> {
            loading.set(false);
            if (e != null) {
                error.set("The bundled examples could not be read: " + MainModel.describe(e));
            } else {
                cards.setAll(list);
            }
        });
        return loaded;
    }

    static Card card(Examples.Example e, byte[] thumbnail) {
        return new Card(e.id(), e.title(), e.dataset(), e.description(), metrics(e.metrics()),
                String.format(Locale.ROOT, "%,d iterations", e.iterations()), size(e.bytes()), e.recipe(), thumbnail);
    }

    /**
     * The numbers a card shows, from the eval stored in the manifest (the CLI's eval format, at the
     * top level or under any key): modes and HQ of the revised samples (else of the generator)
     * for mixtures, their mean distance to the data for other 2-D sets, reconstruction MSE.
     */
    static List<String> metrics(Map<String, Object> m) {
        List<String> out = new ArrayList<>();
        if (m == null) {
            return out;
        }
        Map<String, Object> revised = map(find(m, "revised"));
        Map<String, Object> gen = map(find(m, "generator"));
        Map<String, Object> modes = revised != null ? revised : gen;
        if (modes != null) {
            String who = revised != null ? "revised" : "generator";
            Object n = modes.get("modes");
            Object total = find(m, "modes_total");
            if (n instanceof Number k) {
                out.add(total instanceof Number t ? String.format(Locale.ROOT, "%d / %d modes (%s)", k.intValue(),
                        t.intValue(), who) : String.format(Locale.ROOT, "%d modes (%s)", k.intValue(), who));
            }
            if (modes.get("hq") instanceof Number hq) {
                out.add(String.format(Locale.ROOT, "%.1f%% high-quality", 100 * hq.doubleValue()));
            }
            if (modes.get("to_data") instanceof Number near) {
                // a 2-D set without modes: how close the samples lie to the data says it all; the
                // reconstruction MSE of 2-D points would only puzzle
                out.add(String.format(Locale.ROOT, "%s: %.3f from the data", who, near.doubleValue()));
                Map<String, Object> floor = map(find(m, "data"));
                if (revised != null && gen != null && gen.get("to_data") instanceof Number g) {
                    out.add(floor != null && floor.get("to_data") instanceof Number f
                            ? String.format(Locale.ROOT, "generator: %.3f, floor %.3f", g.doubleValue(), f.doubleValue())
                            : String.format(Locale.ROOT, "generator: %.3f", g.doubleValue()));
                }
                return out;
            }
        }
        if (find(m, "mse_revised") instanceof Number mse) {
            out.add(String.format(Locale.ROOT, "MSE %.4f after z-revision", mse.doubleValue()));
        }
        if (find(m, "mse_inference") instanceof Number mse) {
            out.add(String.format(Locale.ROOT, "MSE %.4f from q(z|x)", mse.doubleValue()));
        }
        return out;
    }

    /** The value of {@code key} in {@code m} or in the maps nested in it, breadth first. */
    static Object find(Map<String, Object> m, String key) {
        List<Map<String, Object>> level = List.of(m);
        for (int depth = 0; depth < 4 && !level.isEmpty(); depth++) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> x : level) {
                if (x.containsKey(key)) {
                    return x.get(key);
                }
                for (Object v : x.values()) {
                    Map<String, Object> sub = map(v);
                    if (sub != null) {
                        next.add(sub);
                    }
                }
            }
            level = next;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> mm ? (Map<String, Object>) mm : null;
    }

    static String size(long bytes) {
        if (bytes >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20));
        }
        return String.format(Locale.ROOT, "%d kB", Math.max(1, Math.round(bytes / 1024.0)));
    }
}
